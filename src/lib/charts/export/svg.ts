// Paper rendering and SVG text: the light theme on white, sized in points, text kept as text.
import { ChartHeightError, renderChart } from '../render.ts';
import type { ChartSpec } from '../spec.ts';
import { PT_PER_IN, type PaperPreset } from './preset.ts';

/** The chart as it goes into a paper: light theme, white background, width/height in inches, fonts in pt. */
export function renderForPaper(spec: ChartSpec, p: PaperPreset, doc?: Document): SVGSVGElement {
  let svg: SVGSVGElement;
  try {
    svg = renderChart(spec, {
      theme: 'light',
      width: p.widthIn * PT_PER_IN,
      height: p.heightIn === null ? undefined : p.heightIn * PT_PER_IN,
      fontSize: p.fontPt,
      document: doc,
    });
  } catch (error) {
    if (!(error instanceof ChartHeightError)) throw error;
    // Rounded up to the height field's step (0.1 in), so the number shown is enough when typed in.
    const least = Math.ceil((error.needed / PT_PER_IN) * 10) / 10;
    throw new Error(`A height of ${p.heightIn} in is too small for this chart at ${p.fontPt} pt: it needs at least ${least} in for its title, plot and source line. Enter ${least} or more, or leave the height blank to fit.`);
  }
  svg.setAttribute('width', `${p.widthIn}in`);
  svg.setAttribute('height', `${round(paperHeightIn(svg))}in`);
  return svg;
}

/** Height in inches of a paper SVG (its viewBox is in points). */
export function paperHeightIn(svg: SVGSVGElement): number {
  const box = (svg.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
  return box[3] / PT_PER_IN;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** Standalone SVG file text (XML declaration, namespace). */
export function svgText(svg: SVGSVGElement): string {
  if (!svg.getAttribute('xmlns')) svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const body = new XMLSerializer().serializeToString(svg);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`;
}
