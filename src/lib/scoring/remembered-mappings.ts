// Column mappings the reviewer chose, kept in this browser by the file's set of columns: the same
// export dropped again (after a reload, or next week's run) is mapped the same way at once. The file
// is read in the worker, which has no localStorage: it is handed the list and picks from it, so a
// file is parsed once, with the mapping it gets.
import { keptList, type KeptStorage } from '../kept-in-browser.ts';
import type { ColumnMapping } from './input.ts';

/** Oldest forgotten first beyond this many kinds of file. */
const mappings = keptList('personascope.score-column-mappings', 20, (v): v is ColumnMapping => typeof v === 'object' && v !== null && !Array.isArray(v));

const columnsKey = (columns: readonly string[]) => JSON.stringify([...columns].sort());

/** The mappings kept in this browser, by set of columns (see pickRemembered). */
export type RememberedMappings = [string, ColumnMapping][];

export function rememberedMappings(storage?: KeptStorage | null): RememberedMappings {
  return mappings.entries(storage);
}

/** The mapping last chosen for a file with these columns, if every column it names is still there. */
export function pickRemembered(columns: readonly string[], remembered: RememberedMappings): ColumnMapping | null {
  const key = columnsKey(columns);
  const found = remembered.find(([k]) => k === key)?.[1];
  return found && Object.values(found).every((c) => c === null || columns.includes(c)) ? found : null;
}

export function rememberMapping(columns: readonly string[], mapping: ColumnMapping, storage?: KeptStorage | null): void {
  mappings.set(columnsKey(columns), mapping, storage);
}
