// View state in the URL: everything after "?" in the hash ("#/b/papi/answers?facet.item_no=3&sort=-answer").
// The path part picks the page (router.ts); the query part holds that page's filters, sort, search,
// selection. Filter changes replace the history entry (replaceQuery: no back-button spam); navigation is
// an ordinary link (<a href="#/…">), which pushes an entry and fires hashchange for the router.

/** The hash split into its route path and its query ("#/b/x?q=1" → "/b/x", q=1). */
export function splitHash(hash: string): { path: string; query: URLSearchParams } {
  const body = hash.replace(/^#/, '');
  const at = body.indexOf('?');
  if (at < 0) return { path: body, query: new URLSearchParams() };
  return { path: body.slice(0, at), query: new URLSearchParams(body.slice(at + 1)) };
}

/** "#/b/x" + {q: 'a'} → "#/b/x?q=a". Keys keep their order; empty queries leave no "?". */
export function joinHash(path: string, query: URLSearchParams): string {
  const text = query.toString();
  const p = path.startsWith('/') ? path : `/${path}`;
  return `#${p}${text ? `?${text}` : ''}`;
}

// ---- the table browser's state ----

export interface SortKey {
  column: string;
  desc: boolean;
}

/** A numeric range; either side may be open. */
export interface Range {
  min: number | null;
  max: number | null;
}

export interface TableViewState {
  /** Free text searched in every text column. */
  search: string;
  sort: SortKey | null;
  /** Column → the values kept (OR within a column, AND across columns). Values are kept as text. */
  facets: Record<string, string[]>;
  ranges: Record<string, Range>;
}

export const EMPTY_TABLE_STATE: TableViewState = { search: '', sort: null, facets: {}, ranges: {} };

/** The value a null cell is written as in a facet parameter (a column value can't be this exact text). */
export const NULL_TOKEN = '\u2205null';

function parseNumber(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** Reads a table view's state: q, sort=[-]col, facet.<col>=v (repeated), range.<col>=lo..hi. */
export function parseTableState(query: URLSearchParams): TableViewState {
  const state: TableViewState = { search: query.get('q') ?? '', sort: null, facets: {}, ranges: {} };
  const sort = query.get('sort');
  if (sort && sort !== '-') state.sort = sort.startsWith('-') ? { column: sort.slice(1), desc: true } : { column: sort, desc: false };
  for (const [key, value] of query) {
    if (key.startsWith('facet.') && key.length > 6) {
      const column = key.slice(6);
      const values = (state.facets[column] ??= []);
      if (!values.includes(value)) values.push(value);
    } else if (key.startsWith('range.') && key.length > 6) {
      const range = parseRange(value);
      if (range && (range.min !== null || range.max !== null)) state.ranges[key.slice(6)] = range;
    }
  }
  return state;
}

/**
 * A range parameter's "lo..hi" (either end may be empty), or null when it is not one: an end that is
 * not a number ("abc..5"), no ".." at all ("5": 5..5 or 5..?), or more than one. Half of a range is not
 * applied: the whole is named as not applied (unreadRanges).
 */
export function parseRange(text: string): Range | null {
  const ends = text.split('..');
  if (ends.length !== 2) return null;
  const [lo, hi] = ends.map((end) => ({ end, n: parseNumber(end) }));
  if ((lo.n === null && lo.end.trim() !== '') || (hi.n === null && hi.end.trim() !== '')) return null;
  return { min: lo.n, max: hi.n };
}

/** The query's range.<col> values that are not a range (parseRange), column → the text as written. */
export function unreadRanges(query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of query) if (key.startsWith('range.') && key.length > 6 && parseRange(value) === null) out[key.slice(6)] = value;
  return out;
}

/** Writes a table view's state into `query` (other keys, e.g. a page's own, are kept). */
export function writeTableState(state: TableViewState, query = new URLSearchParams()): URLSearchParams {
  for (const key of [...query.keys()]) if (key === 'q' || key === 'sort' || key.startsWith('facet.') || key.startsWith('range.')) query.delete(key);
  if (state.search) query.set('q', state.search);
  if (state.sort) query.set('sort', `${state.sort.desc ? '-' : ''}${state.sort.column}`);
  for (const [column, values] of Object.entries(state.facets)) for (const v of values) query.append(`facet.${column}`, v);
  for (const [column, r] of Object.entries(state.ranges)) {
    if (r.min === null && r.max === null) continue;
    query.set(`range.${column}`, `${r.min ?? ''}..${r.max ?? ''}`);
  }
  return query;
}

/** A range whose minimum is above its maximum keeps no row: the browser refuses it (typed or linked). */
export function isInverted(range: Range): boolean {
  return range.min !== null && range.max !== null && range.min > range.max;
}

// ---- the table browser's open panels ----

/**
 * The row open in the side panel (`row=<n>`: its number in the table's own order, from 1, so a link
 * keeps naming the same row under any sort or filter) and the column the summary shows (`summary=<col>`,
 * absent while the summary is closed). Kept as the URL's text: a bad or stale value is named, not dropped.
 */
export interface TablePanels {
  row: string | null;
  summary: string | null;
}

export function parseTablePanels(query: URLSearchParams): TablePanels {
  return { row: query.get('row'), summary: query.get('summary') };
}

/** Writes the open panels into `query` (other keys are kept). */
export function writeTablePanels(panels: TablePanels, query = new URLSearchParams()): URLSearchParams {
  for (const key of ['row', 'summary'] as const) {
    const value = panels[key];
    if (value === null) query.delete(key);
    else query.set(key, value);
  }
  return query;
}

/** A `row=` value as a row number (1, 2, …), or null when it is not one. */
export function parseRowNumber(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= 1 ? n : null;
}

/** Link to a table page with some state, e.g. a drill-down to the questions of one persona. */
export function tableStateHref(path: string, state: Partial<TableViewState>): string {
  return joinHash(path, writeTableState({ ...EMPTY_TABLE_STATE, ...state }));
}

// ---- the browser's URL (thin wrappers so views never touch history directly) ----

/** The current hash's query. */
export function currentQuery(): URLSearchParams {
  return splitHash(window.location.hash).query;
}

/** Replaces the current history entry's query (a filter toggle): no new entry, no hashchange. */
export function replaceQuery(query: URLSearchParams): void {
  const { path } = splitHash(window.location.hash);
  const next = joinHash(path, query);
  if (next !== window.location.hash) history.replaceState(history.state, '', next);
}

/**
 * Adds a history entry with this query (opening one item, e.g. a row: Back closes it). Like
 * replaceQuery it fires no hashchange. The entry remembers the hash it was opened from, for popQuery.
 */
export function pushQuery(query: URLSearchParams): void {
  const from = window.location.hash;
  const next = joinHash(splitHash(from).path, query);
  if (next !== from) history.pushState({ pushedFrom: from }, '', next);
}

/**
 * Closes what pushQuery opened: goes back when the entry before is exactly `query` (so Back does not
 * step onto a copy of the page), else replaces this entry (a shared link, or the filters changed since).
 */
export function popQuery(query: URLSearchParams): void {
  const next = joinHash(splitHash(window.location.hash).path, query);
  const state: unknown = history.state;
  const from = state && typeof state === 'object' && 'pushedFrom' in state ? state.pushedFrom : null;
  if (from === next) history.back();
  else replaceQuery(query);
}

/**
 * Calls `follow` whenever the hash changes (a link within the view, back or forward; not our own
 * replaceQuery). Returns the function that stops it, for an $effect or onMount.
 */
export function onHashChange(follow: () => void): () => void {
  window.addEventListener('hashchange', follow);
  return () => window.removeEventListener('hashchange', follow);
}

/** A list parameter ("m=a,b,c") as its items, empty ones dropped. */
export function parseList(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
