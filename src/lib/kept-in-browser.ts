// A short list of things kept in this browser under keys (column mappings by kind of file, SQL drafts
// by box): the most recently set last, the oldest forgotten beyond `max`. Storage that is full,
// blocked or holds something unreadable never breaks the page: reads give nothing, writes are skipped.

export type KeptStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface KeptList<T> {
  get(key: string, storage?: KeptStorage | null): T | null;
  /** Every kept entry, oldest first. */
  entries(storage?: KeptStorage | null): [string, T][];
  /** `null` forgets the key. */
  set(key: string, value: T | null, storage?: KeptStorage | null): void;
}

export function keptList<T>(storageKey: string, max: number, isValue: (v: unknown) => v is T): KeptList<T> {
  const browser = (): KeptStorage | null => globalThis.localStorage ?? null;
  function readAll(storage: KeptStorage | null): [string, T][] {
    try {
      const all = JSON.parse(storage?.getItem(storageKey) ?? '[]') as unknown;
      return Array.isArray(all) ? all.filter((e): e is [string, T] => Array.isArray(e) && typeof e[0] === 'string' && isValue(e[1])) : [];
    } catch {
      return [];
    }
  }
  return {
    get: (key, storage = browser()) => readAll(storage).find(([k]) => k === key)?.[1] ?? null,
    entries: (storage = browser()) => readAll(storage),
    set(key, value, storage = browser()) {
      const others = readAll(storage).filter(([k]) => k !== key);
      const kept = value === null ? others : [...others, [key, value] as [string, T]].slice(-max);
      try {
        storage?.setItem(storageKey, JSON.stringify(kept));
      } catch {
        // full or blocked: what is on screen still holds
      }
    },
  };
}
