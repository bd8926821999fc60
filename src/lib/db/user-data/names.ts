// Table names for user files: mine.<safe_name>, lower-case snake case, never a clash.

/** Tables of the mine schema the app itself writes (the Score page's results): never an upload's name. */
export const APP_TABLES = { scores: 'scores', scoreStatements: 'score_statements' } as const;
/** The schema of the visitor's own tables. */
export const MINE = 'mine';
/** The view of every mapped upload's results (mine.results), which main.results_all and the leaderboards read. */
export const RESULTS_VIEW = 'results';
const RESERVED = new Set<string>([RESULTS_VIEW, ...Object.values(APP_TABLES)]);

/** Whether a mine table is one the app writes (rebuilt by the Score page), not an upload. */
export function isAppTable(name: string): boolean {
  return (Object.values(APP_TABLES) as string[]).includes(name);
}

/** "My Results (v2).csv" → "my_results_v2". */
export function safeTableName(fileName: string): string {
  const base = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/[?#].*$/, '')
    .replace(/\.(gz|csv|tsv|txt|jsonl|ndjson|json|parquet)$/gi, '')
    .replace(/\.(csv|tsv|txt|jsonl|ndjson|json|parquet)$/gi, '');
  let name = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48)
    .replace(/_+$/, '');
  if (!name) name = 'table';
  if (/^[0-9]/.test(name)) name = `t_${name}`;
  // "results" is the view over everyone's result rows in the mine schema; the others are the app's own.
  if (RESERVED.has(name)) name = `${name}_file`;
  return name;
}

/** `wanted`, or wanted_2, wanted_3 … whichever is not taken. */
export function uniqueName(wanted: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!used.has(`${wanted}_${i}`)) return `${wanted}_${i}`;
}
