// SQL typed but not run, kept in this browser so that a reload or a visit to another page does not
// lose it. A box's draft is keyed by the text the box starts from (one per table, benchmark, …).
import { keptList, type KeptStorage } from '../kept-in-browser.ts';

/** Oldest forgotten first beyond this many boxes. */
const drafts = keptList('personascope.sql-drafts', 50, (v): v is string => typeof v === 'string');

/** The text last typed in the box keyed `key`, or null when none differs from its start. */
export function sqlDraft(key: string, storage?: KeptStorage | null): string | null {
  return drafts.get(key, storage);
}

/** Keep `text` for the box keyed `key`; text equal to `start` (the box untouched) is forgotten. */
export function saveSqlDraft(key: string, text: string, start: string | null, storage?: KeptStorage | null): void {
  drafts.set(key, text === start ? null : text, storage);
}
