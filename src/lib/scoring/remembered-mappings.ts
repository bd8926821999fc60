// Column mappings the reviewer chose, kept in this browser by the file's set of columns: the same
// export dropped again (after a reload, or next week's run) is mapped the same way at once.
import { keptList, type KeptStorage } from '../kept-in-browser.ts';
import type { ColumnMapping } from './input.ts';

/** Oldest forgotten first beyond this many kinds of file. */
const mappings = keptList('personascope.score-column-mappings', 20, (v): v is ColumnMapping => typeof v === 'object' && v !== null && !Array.isArray(v));

const columnsKey = (columns: readonly string[]) => JSON.stringify([...columns].sort());

/** The mapping last chosen for a file with these columns, if every column it names is still there. */
export function rememberedMapping(columns: readonly string[], storage?: KeptStorage | null): ColumnMapping | null {
  const found = mappings.get(columnsKey(columns), storage);
  return found && Object.values(found).every((c) => c === null || columns.includes(c)) ? found : null;
}

export function rememberMapping(columns: readonly string[], mapping: ColumnMapping, storage?: KeptStorage | null): void {
  mappings.set(columnsKey(columns), mapping, storage);
}
