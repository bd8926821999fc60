// A console result opened as a page: "#/sql/result?sql=<the query>" plus the table browser's state
// (q, sort, facet.*, range.*) and the chart builder's (chart.*), so a link reproduces the rows, the
// filters and the chart exactly.
import { writeBuilderState, type BuilderState } from '../charts/builder.ts';
import { EMPTY_TABLE_STATE, joinHash, writeTableState, type TableViewState } from '../state/url-state.ts';

export const RESULT_PATH = '/sql/result';
/** The query's key: "q" is taken by the table browser's search. */
const SQL_KEY = 'sql';

export interface ResultLink {
  sql: string;
  table?: Partial<TableViewState>;
  /** A chosen chart, or 'open' for the builder at its defaults. */
  chart?: BuilderState | 'open' | null;
}

/** The URL query of a result page (the part after "?"). */
export function resultQuery(link: ResultLink): URLSearchParams {
  const query = new URLSearchParams({ [SQL_KEY]: link.sql });
  writeTableState({ ...EMPTY_TABLE_STATE, ...link.table }, query);
  return writeBuilderState(link.chart ?? null, query);
}

/** "#/sql/result?sql=…&facet.x=…&chart.mark=…". */
export function resultHref(link: ResultLink): string {
  return joinHash(RESULT_PATH, resultQuery(link));
}

/** The query a result page's URL query carries ('' when none). */
export function resultSql(query: URLSearchParams): string {
  return query.get(SQL_KEY) ?? '';
}
