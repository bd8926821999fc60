// Intervals and tie groups of one leaderboard. An entry with several item values on the board (an upload
// with one row per item, or a released result with its items in main.result_items) gets the percentile
// bootstrap CI of its mean and a tie group, from bootstrap.ts; an entry with one aggregate value gets none.
// Pure: the SQL that gathers the values lives in results-service.ts.
import { bootstrapGroups, DEFAULT_LEVEL, DEFAULT_RESAMPLES, DEFAULT_SEED, groupLetters } from '../charts/bootstrap.ts';

/** What tells two entries of one leaderboard apart: the same model may be released and uploaded, or in two uploads. */
export interface BoardEntryKey {
  model: string;
  model_id: string;
  is_mine: boolean;
  /** The upload's table (mine.<name>); null for released rows. */
  upload: string | null;
}

export const entryKey = (r: BoardEntryKey): string => JSON.stringify([r.model, r.model_id, r.is_mine, r.upload ?? '']);

export interface BoardInterval {
  lo: number;
  hi: number;
  /** Tie group letters ("A", "AB"): entries sharing a letter cannot be separated at the level; entries with none in common can. */
  tie_group: string;
}

export interface BootstrapSettings {
  resamples: number;
  seed: number;
  level: number;
}

export const BOARD_BOOTSTRAP: BootstrapSettings = { resamples: DEFAULT_RESAMPLES, seed: DEFAULT_SEED, level: DEFAULT_LEVEL };

export interface WithIntervals<R> {
  rows: (R & { interval: BoardInterval | null })[];
  /** The bootstrap's settings when any entry has item values; null when every entry is one aggregate. */
  bootstrap: BootstrapSettings | null;
}

/**
 * Attaches intervals to the entries with more than one item. Groups are resampled in the order of their
 * keys and each group's values sorted, so the numbers do not depend on row order in a file or a query.
 */
export function withIntervals<R extends BoardEntryKey & { items: number; higher_is_better: boolean }>(
  rows: readonly R[],
  items: readonly (BoardEntryKey & { value: number })[],
  settings: BootstrapSettings = BOARD_BOOTSTRAP,
): WithIntervals<R> {
  const itemized = rows.filter((r) => r.items > 1);
  if (itemized.length === 0) return { rows: rows.map((r) => ({ ...r, interval: null })), bootstrap: null };
  const wanted = new Set(itemized.map(entryKey));
  const values = new Map<string, number[]>();
  for (const item of items) {
    const key = entryKey(item);
    if (wanted.has(key)) values.set(key, [...(values.get(key) ?? []), item.value]);
  }
  const groups = [...values.keys()].sort().map((key) => ({ key, values: (values.get(key) ?? []).sort((a, b) => a - b) }));
  const result = bootstrapGroups(groups, { ...settings, higherIsBetter: itemized[0].higher_is_better });
  const byKey = new Map(result.estimates.map((e) => [e.key, { lo: e.lo, hi: e.hi, tie_group: groupLetters(e.tieGroups) }]));
  return { rows: rows.map((r) => ({ ...r, interval: byKey.get(entryKey(r)) ?? null })), bootstrap: settings };
}
