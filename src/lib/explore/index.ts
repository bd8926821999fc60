// The browser's explorer services, bound to the shared db client (views import from here).
import { getDb } from '../db/index.ts';
import { resultsService, type ResultsService } from './results-service.ts';
import { tableService, type TableService } from './table-service.ts';

let tables: TableService | null = null;
let results: ResultsService | null = null;

export function tableData(): TableService {
  tables ??= tableService(getDb());
  return tables;
}

export function resultsData(): ResultsService {
  results ??= resultsService(getDb());
  return results;
}

export { chooseBoard } from './board-choice.ts';
export { drillLinks, type RowLink } from './drill-links.ts';
export type { BoardKey, BoardOption, BoardRow, ModelInfo, ModelResult, RankedBoard } from './results-service.ts';
export type { BoardInterval } from './board-intervals.ts';
export { PAGE_ROWS, type ColumnSummary, type FacetCount } from './table-service.ts';
