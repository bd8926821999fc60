// How big a file the browser is asked to hold: DuckDB-WASM has a 4 GB address space, and the
// file, its parsed copy and the table all live in it at once.

export const MAX_UPLOAD_BYTES = 1_000_000_000;

/** "1.5 GB", "320 kB", "12 bytes" (decimal units, as file managers show them). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} byte${n === 1 ? '' : 's'}`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = -1;
  do {
    v /= 1000;
    i++;
  } while (v >= 1000 && i < units.length - 1);
  return `${v < 10 ? String(Number(v.toFixed(1))) : v.toFixed(0)} ${units[i]}`;
}

/**
 * The longest CSV line read (one field of a long text, a whole JSON document in a cell): DuckDB
 * refuses lines over 2 MB by default and keeps a read buffer of 16 lines' size, so the cap is lower
 * than the file's.
 */
export const MAX_CSV_LINE_BYTES = 16_000_000;
