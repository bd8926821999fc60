// Number and size formatting shared by components (display only; data stay as released).

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6, useGrouping: false });

/** 10000 → "10,000". */
export function formatCount(n: number): string {
  return integer.format(n);
}

/**
 * A cell value as text: numbers keep their precision (up to 6 decimals), no thousands separators;
 * a value too small for 6 decimals (a p-value of 1.1e-16) in exponent form, never as "0".
 */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const text = decimal.format(n);
  return text === '0' || text === '-0' ? n.toExponential(2) : text;
}

/** A model's score (a probability, a cosine, APC / n) at three decimals; "—" when there is none. */
export function formatScore(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : v.toFixed(3);
}

/** Bytes as a short human size: 473819 → "463 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** Milliseconds as "12 ms" or "1.4 s". */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** "Plural" helper: (1, 'row') → "1 row", (2, 'row') → "2 rows". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${formatCount(n)} ${n === 1 ? word : many}`;
}

const LOCAL_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An ISO timestamp in the visitor's own time zone ("27 Nov 2026, 13:05"). */
export function formatLocalTime(iso: string): string {
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? iso : LOCAL_TIME.format(t);
}
