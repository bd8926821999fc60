// Vector PDF: jsPDF + svg2pdf.js draw the SVG as PDF paths and text (text stays extractable).
// Loaded only when someone exports a PDF.
import { jsPDF } from 'jspdf';
import { svg2pdf } from 'svg2pdf.js';
import type { ChartSpec } from '../spec.ts';
import { PT_PER_IN, type PaperPreset } from './preset.ts';
import { paperHeightIn, renderForPaper } from './svg.ts';

/** Characters the PDF's standard fonts (WinAnsi) cannot show are replaced, so no glyph is garbled. */
function toWinAnsi(svg: SVGSVGElement): void {
  const allowed = /[^\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g;
  for (const node of svg.querySelectorAll('text, tspan')) {
    if (node.children.length === 0 && node.textContent) node.textContent = node.textContent.replace(allowed, '?');
  }
}

export async function chartToPdf(spec: ChartSpec, p: PaperPreset): Promise<Blob> {
  const svg = renderForPaper(spec, p);
  const width = p.widthIn * PT_PER_IN;
  const height = paperHeightIn(svg) * PT_PER_IN;
  toWinAnsi(svg);
  // svg2pdf reads computed styles: the element must be in the document while it draws.
  const holder = document.createElement('div');
  holder.style.cssText = 'position:absolute;left:-10000px;top:0;width:0;height:0;overflow:hidden';
  holder.append(svg);
  document.body.append(holder);
  try {
    const pdf = new jsPDF({ unit: 'pt', format: [width, height], orientation: width > height ? 'landscape' : 'portrait', compress: true });
    pdf.setProperties({ title: spec.title, subject: `${spec.source.benchmark}, ${spec.source.table}`, creator: 'Personascope' });
    await svg2pdf(svg, pdf, { x: 0, y: 0, width, height });
    return pdf.output('blob');
  } finally {
    holder.remove();
  }
}
