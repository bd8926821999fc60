// Vector PDF: jsPDF + svg2pdf.js draw the SVG as PDF paths and text (text stays extractable).
// Loaded only when someone exports a PDF.
import { jsPDF } from 'jspdf';
import { svg2pdf } from 'svg2pdf.js';
import type { ChartSpec } from '../spec.ts';
import { embedUnicodeFont, replaceUnshown, useEmbeddedFamily } from './pdf-fonts.ts';
import { PT_PER_IN, type PaperPreset } from './preset.ts';
import { paperHeightIn, renderForPaper } from './svg.ts';

export interface PdfExport {
  blob: Blob;
  /** Characters of the chart's text that no font of the PDF has: drawn as "?". */
  unshown: string[];
}

/** `svg`: the chart drawn for paper, when the caller has it already (it is changed here). */
export async function chartToPdf(spec: ChartSpec, p: PaperPreset, svg = renderForPaper(spec, p)): Promise<PdfExport> {
  const width = p.widthIn * PT_PER_IN;
  const height = paperHeightIn(svg) * PT_PER_IN;
  const pdf = new jsPDF({ unit: 'pt', format: [width, height], orientation: width > height ? 'landscape' : 'portrait', compress: true, putOnlyUsedFonts: true });
  pdf.setProperties({ title: spec.title, subject: `${spec.source.benchmark}, ${spec.source.table}`, creator: 'Personascope' });
  // Every PDF embeds its font (a subset of DejaVu Sans): publishers' preflight checks refuse the
  // standard Helvetica, which PDFs only name, and the chart's margins are measured in DejaVu.
  await embedUnicodeFont(pdf);
  useEmbeddedFamily(svg);
  const unshown = replaceUnshown(svg, pdf);
  // svg2pdf reads computed styles: the element must be in the document while it draws.
  const holder = document.createElement('div');
  holder.style.cssText = 'position:absolute;left:-10000px;top:0;width:0;height:0;overflow:hidden';
  holder.append(svg);
  document.body.append(holder);
  try {
    await svg2pdf(svg, pdf, { x: 0, y: 0, width, height });
    return { blob: pdf.output('blob'), unshown };
  } finally {
    holder.remove();
  }
}
