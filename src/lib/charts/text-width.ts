// How wide a chart label is drawn, so margins fit it and cuts keep it inside the picture. Two fonts
// can draw a chart: the browser's (the theme's font stack; DejaVu Sans on most Linux desktops) on
// the page, in SVG and PNG, and DejaVu Sans, which the PDF embeds. A label gets the wider of the two:
// DejaVu's advance widths read from the embedded TTFs (scripts/font-widths.ts), and, where there is
// a canvas (not in Node), the browser's own measure in the font stack.
import widths from './font-widths.json';
import { FONT_STACK } from './theme.ts';

type Face = 'normal' | 'bold';

/** Characters DejaVu's table lacks (CJK, emoji): a full em, as wide ideographs are drawn. */
const UNKNOWN_EM = 1;
/** Characters beyond the BMP (emoji) are often drawn wider than an em. */
const ASTRAL_EM = 1.3;

const tables: Record<Face, Map<number, number>> = { normal: codeWidths('normal'), bold: codeWidths('bold') };

function codeWidths(face: Face): Map<number, number> {
  const out = new Map<number, number>();
  for (const block of widths.faces[face]) block.widths.forEach((w, i) => w > 0 && out.set(block.start + i, w / widths.unitsPerEm));
  return out;
}

/** Width of `text` in DejaVu Sans, in ems. */
export function dejaVuEms(text: string, bold = false): number {
  const table = tables[bold ? 'bold' : 'normal'];
  let ems = 0;
  for (const c of text) {
    const code = c.codePointAt(0)!;
    ems += table.get(code) ?? (code > 0xffff ? ASTRAL_EM : UNKNOWN_EM);
  }
  return ems;
}

let canvas: OffscreenCanvasRenderingContext2D | null | undefined;

/** The browser's measure of `text` at 100 px in the chart font stack, in ems; null where no canvas exists. */
function browserEms(text: string, bold: boolean): number | null {
  if (canvas === undefined) canvas = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
  if (!canvas) return null;
  canvas.font = `${bold ? 'bold ' : ''}100px ${FONT_STACK}`;
  return canvas.measureText(text).width / 100;
}

/** Drawn width of `text` at `fontSize` (user units): the wider of DejaVu Sans and the browser's font. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return Math.max(dejaVuEms(text, bold), browserEms(text, bold) ?? 0) * fontSize;
}

/** `text` whole if it fits in `room`, else its longest start that fits with an ellipsis after it. */
export function fitText(text: string, room: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= room) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  // Binary search on the number of characters kept: width grows with each one.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${chars.slice(0, mid).join('')}…`, fontSize, bold) <= room) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('')}…`;
}
