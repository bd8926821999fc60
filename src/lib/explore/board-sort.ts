// A leaderboard's column sort as URL text (sort=value, sort=-model), so a permalink shows the rows in the
// order they were seen. Rank ascending is the default and leaves no parameter.
export type BoardSortColumn = 'rank' | 'model' | 'value';

export interface BoardSort {
  by: BoardSortColumn;
  desc: boolean;
}

export const DEFAULT_BOARD_SORT: BoardSort = { by: 'rank', desc: false };
const COLUMNS: readonly BoardSortColumn[] = ['rank', 'model', 'value'];

/** Reads sort=[-]rank|model|value; anything else is the default plus a message saying what was ignored. */
export function parseBoardSort(text: string | null): { sort: BoardSort; problem: string | null } {
  if (text === null || text === '') return { sort: DEFAULT_BOARD_SORT, problem: null };
  const desc = text.startsWith('-');
  const by = desc ? text.slice(1) : text;
  if ((COLUMNS as readonly string[]).includes(by)) return { sort: { by: by as BoardSortColumn, desc }, problem: null };
  return { sort: DEFAULT_BOARD_SORT, problem: `The link's sort “${text}” is not one of rank, model or value (“-” first for descending): rows are in rank order.` };
}

/** The parameter's text; null for the default (no parameter). */
export function boardSortText(sort: BoardSort): string | null {
  if (sort.by === DEFAULT_BOARD_SORT.by && sort.desc === DEFAULT_BOARD_SORT.desc) return null;
  return `${sort.desc ? '-' : ''}${sort.by}`;
}

/** A click on a column header: the same column flips direction, another starts ascending. */
export function nextBoardSort(current: BoardSort, column: BoardSortColumn): BoardSort {
  return current.by === column ? { by: column, desc: !current.desc } : { by: column, desc: false };
}
