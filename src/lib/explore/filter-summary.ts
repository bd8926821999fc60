// The table browser's filters in words, for a chart made of the rows they keep: "task is Toxicity;
// question_index ≥ 3". Sort plays no part in which rows there are.
import { NULL_TOKEN, type TableViewState } from '../state/url-state.ts';

/** The filters in words; null when there are none (the chart is of the whole table). */
export function filterSummary(state: TableViewState): string | null {
  const parts: string[] = [];
  if (state.search.trim()) parts.push(`text contains “${state.search.trim()}”`);
  for (const [column, values] of Object.entries(state.facets)) {
    if (values.length) parts.push(`${column} is ${values.map((v) => (v === NULL_TOKEN ? 'empty' : v)).join(' or ')}`);
  }
  for (const [column, r] of Object.entries(state.ranges)) {
    if (r.min !== null && r.max !== null) parts.push(`${column} ${r.min}–${r.max}`);
    else if (r.min !== null) parts.push(`${column} ≥ ${r.min}`);
    else if (r.max !== null) parts.push(`${column} ≤ ${r.max}`);
  }
  return parts.length ? parts.join('; ') : null;
}
