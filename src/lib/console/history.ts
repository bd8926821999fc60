// Query history of the SQL console: newest first, one entry per distinct query text, capped.
// The list logic is pure (unit-tested); `historyStore` keeps it in localStorage across reloads.

export interface HistoryEntry {
  sql: string;
  /** When it last ran (ms since the epoch). */
  at: number;
  /** Rows it returned, or null when it failed. */
  rows: number | null;
}

export const HISTORY_LIMIT = 100;
const KEY = 'personascope.console.history.v1';

/** Same query for history purposes: the text with its surrounding blank space and final semicolon ignored. */
function sameQuery(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/;\s*$/, '').trim();
  return norm(a) === norm(b);
}

/** The list with `entry` on top; an earlier run of the same text is replaced, the oldest beyond the cap dropped. */
export function addEntry(list: HistoryEntry[], entry: HistoryEntry, limit = HISTORY_LIMIT): HistoryEntry[] {
  if (!entry.sql.trim()) return list;
  return [entry, ...list.filter((e) => !sameQuery(e.sql, entry.sql))].slice(0, limit);
}

export function removeEntry(list: HistoryEntry[], sql: string): HistoryEntry[] {
  return list.filter((e) => e.sql !== sql);
}

/** Reads stored history; anything malformed (another version, hand edits) is skipped, never thrown. */
export function parseHistory(text: string | null): HistoryEntry[] {
  if (!text) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data
    .filter(
      (e): e is HistoryEntry =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as HistoryEntry).sql === 'string' &&
        typeof (e as HistoryEntry).at === 'number' &&
        ((e as HistoryEntry).rows === null || typeof (e as HistoryEntry).rows === 'number'),
    )
    .slice(0, HISTORY_LIMIT);
}

/** Where the history lives; `storage` is injectable so the logic runs in Node tests. */
export function historyStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = globalThis.localStorage ?? null) {
  function write(list: HistoryEntry[]): void {
    try {
      storage?.setItem(KEY, JSON.stringify(list));
    } catch {
      // Storage full or disabled (private mode): history then lasts for this visit only.
    }
  }
  return {
    load(): HistoryEntry[] {
      try {
        return parseHistory(storage?.getItem(KEY) ?? null);
      } catch {
        return [];
      }
    },
    add(list: HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
      const next = addEntry(list, entry);
      write(next);
      return next;
    },
    remove(list: HistoryEntry[], sql: string): HistoryEntry[] {
      const next = removeEntry(list, sql);
      write(next);
      return next;
    },
    clear(): HistoryEntry[] {
      try {
        storage?.removeItem(KEY);
      } catch {
        // nothing stored to clear
      }
      return [];
    },
  };
}
