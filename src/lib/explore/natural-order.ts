// Leaderboard names sorted the way people read them: numbers inside a name by value, so
// "sessions elapsed: 2" comes before "sessions elapsed: 10" (SQL's ORDER BY puts "10" first).
const collator = new Intl.Collator('en', { numeric: true });

/** Compares rows by the given text fields in turn, numbers within the text by value. */
export function byNaturalOrder<K extends string>(...fields: K[]): (a: Record<K, unknown>, b: Record<K, unknown>) => number {
  return (a, b) => {
    for (const f of fields) {
      const c = collator.compare(String(a[f] ?? ''), String(b[f] ?? ''));
      if (c !== 0) return c;
    }
    return 0;
  };
}
