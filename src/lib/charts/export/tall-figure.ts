// A figure exported at "fit" height can come out taller than a page (many panels in a single
// column): the export says so, with what to do, rather than hand over a figure no paper can hold.
// What to do depends on the chart: a builder's rows can be filtered, a curated chart's are fixed.
import { routeHref } from '../../state/router.ts';
import { curatedChartOf } from '../curated.ts';
import type { ChartSpec } from '../spec.ts';
import { COLUMN_WIDTHS, type PaperPreset } from './preset.ts';

/** Taller than this and a fitted figure no longer fits a page's text block (US letter and A4 both). */
export const TALLEST_FIGURE_IN = 9;

/** A fitted figure taller than a page: said, with what to do (a chosen height is the author's own). */
export function tallWarning(p: PaperPreset, heightIn: number, spec: Pick<ChartSpec, 'view' | 'source'>): string | undefined {
  if (p.heightIn !== null || heightIn <= TALLEST_FIGURE_IN) return undefined;
  const wider = p.widthIn < COLUMN_WIDTHS.double.widthIn ? 'choose Double column, or ' : '';
  const fits = `At this width the chart fits in ${Math.round(heightIn * 10) / 10} in, taller than a page's text block (about ${TALLEST_FIGURE_IN} in)`;
  const curated = curatedChartOf(spec);
  if (!curated) return `${fits}: ${wider}show fewer panels or categories (filter the rows).`;
  // A curated chart draws every row it reads: it can be squeezed to a page, or redrawn from its
  // table, whose rows the table browser filters (and its chart builder draws).
  const table = routeHref({ page: 'table', id: spec.source.benchmarkId, table: curated.tables[0] });
  return (
    `${fits}: ${wider}set a height of at most ${TALLEST_FIGURE_IN} in (Height, in). ` +
    `A curated chart shows all its rows; to show fewer panels, open its table in the table browser, filter the rows and chart them there: ${table}`
  );
}
