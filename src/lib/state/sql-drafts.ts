// SQL typed but not run, kept in this browser so that a reload or a visit to another page does not
// lose it. A box's draft is keyed by the text the box starts from (one per table, benchmark, …).

const KEY = 'personascope.sql-drafts';
/** Oldest forgotten first beyond this many boxes. */
const MAX_KEPT = 50;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function readAll(storage: Store | null): [string, string][] {
  try {
    const all = JSON.parse(storage?.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(all) ? all.filter((e): e is [string, string] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string') : [];
  } catch {
    return [];
  }
}

/** The text last typed in the box keyed `key`, or null when none differs from its start. */
export function sqlDraft(key: string, storage: Store | null = globalThis.localStorage ?? null): string | null {
  return readAll(storage).find(([k]) => k === key)?.[1] ?? null;
}

/** Keep `text` for the box keyed `key`; text equal to `start` (the box untouched) is forgotten. */
export function saveSqlDraft(key: string, text: string, start: string | null, storage: Store | null = globalThis.localStorage ?? null): void {
  const others = readAll(storage).filter(([k]) => k !== key);
  const kept = text === start ? others : [...others, [key, text] as [string, string]].slice(-MAX_KEPT);
  try {
    storage?.setItem(KEY, JSON.stringify(kept));
  } catch {
    // storage full or blocked: the text is still in the box
  }
}
