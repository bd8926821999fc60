// A curated chart's place on its benchmark page. Its permalink names it in the page's query
// (#/b/<id>?chart=<view>), not in a "#fragment": the app routes on the hash, so a fragment would be
// read as part of the page's path. The page scrolls to the figure and focuses it once it is drawn.

/** The benchmark page's query key naming the curated chart to land on. */
export const CHART_PARAM = 'chart';

/** The id of a curated chart's figure on its benchmark page. */
export const chartAnchorId = (view: string): string => `chart-${view}`;

/** Scrolls the element with this id to the top of the view and focuses it (it needs tabindex -1). */
export function jumpToId(id: string, doc: Document = document): boolean {
  const target = doc.getElementById(id);
  if (!target) return false;
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
  return true;
}

/** The chart a permalink asks for when this page has none of that name (a typo, or a chart since renamed). */
export function missingChart(asked: string | null, views: readonly string[]): string | null {
  return asked !== null && !views.includes(asked) ? asked : null;
}

/** The id of the notice that says a permalink's chart is not on the page: the page lands there instead. */
export const MISSING_CHART_ID = 'chart-missing';
