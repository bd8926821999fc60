// Vector PDF: jsPDF + svg2pdf.js draw the SVG as PDF paths and text (text stays extractable).
// Loaded only when someone exports a PDF.
import { jsPDF } from 'jspdf';
import { svg2pdf } from 'svg2pdf.js';
import type { ChartSpec } from '../spec.ts';
import { embedUnicodeFont, unshownCharacters, useEmbeddedFamily } from './pdf-fonts.ts';
import { PT_PER_IN, type PaperPreset } from './preset.ts';
import { quotedChars } from './quoted-chars.ts';
import { paperHeightIn, renderForPaper } from './svg.ts';

/**
 * A chart whose text has characters the embedded font cannot draw (CJK, emoji) gets no PDF: it
 * would print them as "?", a figure that looks right and is wrong. SVG and PNG draw them.
 */
export class PdfGlyphError extends Error {
  constructor(readonly unshown: { char: string; label: string }[]) {
    super(
      `No PDF was made: its font (DejaVu Sans) has no glyph for ${quotedChars(unshown.map((u) => u.char))} (in “${unshown[0].label}”), which it would print as “?”. ` +
        'Export SVG or PNG instead: they draw these characters with your system’s fonts.',
    );
    this.name = 'PdfGlyphError';
  }
}

/**
 * `svg`: the chart drawn for paper, when the caller has it already (it is changed here).
 * Throws PdfGlyphError when the font cannot draw some of the chart's characters.
 */
export async function chartToPdf(spec: ChartSpec, p: PaperPreset, svg = renderForPaper(spec, p)): Promise<Blob> {
  const width = p.widthIn * PT_PER_IN;
  const height = paperHeightIn(svg) * PT_PER_IN;
  const pdf = new jsPDF({ unit: 'pt', format: [width, height], orientation: width > height ? 'landscape' : 'portrait', compress: true, putOnlyUsedFonts: true });
  pdf.setProperties({ title: spec.title, subject: `${spec.source.benchmark}, ${spec.source.table}`, creator: 'Personascope' });
  // Every PDF embeds its font (a subset of DejaVu Sans): publishers' preflight checks refuse the
  // standard Helvetica, which PDFs only name, and the chart's margins are measured in DejaVu.
  await embedUnicodeFont(pdf);
  const unshown = unshownCharacters(svg, pdf);
  if (unshown.length) throw new PdfGlyphError(unshown);
  useEmbeddedFamily(svg);
  // svg2pdf reads computed styles: the element must be in the document while it draws.
  const holder = document.createElement('div');
  holder.style.cssText = 'position:absolute;left:-10000px;top:0;width:0;height:0;overflow:hidden';
  holder.append(svg);
  document.body.append(holder);
  try {
    await svg2pdf(svg, pdf, { x: 0, y: 0, width, height });
    return pdf.output('blob');
  } finally {
    holder.remove();
  }
}
