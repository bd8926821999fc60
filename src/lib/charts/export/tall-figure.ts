// A figure exported at "fit" height can come out taller than a page (many panels in a single
// column): the export says so, with what to do, rather than hand over a figure no paper can hold.
import { COLUMN_WIDTHS, type PaperPreset } from './preset.ts';

/** Taller than this and a fitted figure no longer fits a page's text block (US letter and A4 both). */
export const TALLEST_FIGURE_IN = 9;

/** A fitted figure taller than a page: said, with what to do (a chosen height is the author's own). */
export function tallWarning(p: PaperPreset, heightIn: number): string | undefined {
  if (p.heightIn !== null || heightIn <= TALLEST_FIGURE_IN) return undefined;
  const wider = p.widthIn < COLUMN_WIDTHS.double.widthIn ? 'choose Double column, or ' : '';
  return `At this width the chart fits in ${Math.round(heightIn * 10) / 10} in, taller than a page's text block (about ${TALLEST_FIGURE_IN} in): ${wider}show fewer panels or categories (filter the rows).`;
}
