// Column mappings the reviewer chose, kept in this browser by the file's set of columns: the same
// export dropped again (after a reload, or next week's run) is mapped the same way at once.
import type { ColumnMapping } from './input.ts';

const KEY = 'personascope.score-column-mappings';
/** Oldest forgotten first beyond this many kinds of file. */
const MAX_KEPT = 20;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

const columnsKey = (columns: readonly string[]) => JSON.stringify([...columns].sort());

function readAll(storage: Store | null): [string, ColumnMapping][] {
  try {
    const all = JSON.parse(storage?.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(all) ? (all as [string, ColumnMapping][]) : [];
  } catch {
    return [];
  }
}

/** The mapping last chosen for a file with these columns, if every column it names is still there. */
export function rememberedMapping(columns: readonly string[], storage: Store | null = globalThis.localStorage ?? null): ColumnMapping | null {
  const found = readAll(storage).find(([k]) => k === columnsKey(columns))?.[1];
  if (!found || typeof found !== 'object') return null;
  return Object.values(found).every((c) => c === null || columns.includes(c)) ? found : null;
}

export function rememberMapping(columns: readonly string[], mapping: ColumnMapping, storage: Store | null = globalThis.localStorage ?? null): void {
  const key = columnsKey(columns);
  const kept = readAll(storage).filter(([k]) => k !== key);
  try {
    storage?.setItem(KEY, JSON.stringify([...kept, [key, mapping]].slice(-MAX_KEPT)));
  } catch {
    // storage full or blocked: the mapping still applies to this file now
  }
}
