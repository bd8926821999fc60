// Curated default views of some benchmark pages: a query, a pivot for the table, and a one-line takeaway
// computed from the same rows (never typed in). Plain TS so the Node tests check them on the built data.
import type { DbClient } from '../db/client.ts';
import type { CellValue } from '../types.ts';

export interface Pivot {
  /** Header of the row-label column. */
  rowHeader: string;
  columns: string[];
  rows: { label: string; kind?: string; cells: (number | null)[] }[];
  /** How to show a cell ("share" → percent). */
  format: 'number' | 'share';
}

export interface CuratedView {
  title: string;
  takeaway: string;
  pivot: Pivot;
  /** Table the numbers come from (its provenance is shown with the view). */
  table: string;
}

type Db = Pick<DbClient, 'query'>;
type Row = Record<string, CellValue>;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number) => String(Math.round(x * 1000) / 1000);

// ---- PersonaMem: accuracy by number of sessions elapsed, one line per model ----

export function personamemTakeaway(rows: Row[]): string {
  const models = rows.filter((r) => r.row_kind === 'model');
  const sessions = [...new Set(models.map((r) => Number(r.num_sessions)))].sort((a, b) => a - b);
  if (sessions.length < 2) return 'Too few session counts to compare.';
  const lo = sessions[0];
  const hi = sessions[sessions.length - 1];
  const drops = [...new Set(models.map((r) => String(r.model)))].flatMap((m) => {
    const a = models.find((r) => r.model === m && Number(r.num_sessions) === lo)?.accuracy;
    const b = models.find((r) => r.model === m && Number(r.num_sessions) === hi)?.accuracy;
    return typeof a === 'number' && typeof b === 'number' ? [{ m, a, b }] : [];
  });
  if (drops.length === 0) return 'No model has results at both ends.';
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const fell = drops.filter((d) => d.b < d.a).length;
  const steepest = [...drops].sort((x, y) => y.a - y.b - (x.a - x.b))[0];
  return (
    `From ${lo} to ${hi} sessions elapsed, mean accuracy over ${drops.length} models goes from ${num(mean(drops.map((d) => d.a)))} to ` +
    `${num(mean(drops.map((d) => d.b)))}; ${fell} of ${drops.length} models lose accuracy, ${steepest.m} the most (${num(steepest.a)} → ${num(steepest.b)}).`
  );
}

export async function personamemBySessions(db: Db, signal?: AbortSignal): Promise<CuratedView> {
  const { rows } = await db.query(
    `SELECT model, row_kind, num_sessions, accuracy FROM personamem.accuracy_by_sessions
     WHERE num_sessions IS NOT NULL ORDER BY row_kind <> 'model', model, num_sessions`,
    { signal },
  );
  const sessions = [...new Set(rows.map((r) => Number(r.num_sessions)))].sort((a, b) => a - b);
  const labels = [...new Set(rows.map((r) => `${r.row_kind}\u0000${r.model}`))];
  return {
    title: 'Accuracy by number of sessions elapsed',
    table: 'personamem.accuracy_by_sessions',
    takeaway: personamemTakeaway(rows),
    pivot: {
      rowHeader: 'Model',
      columns: sessions.map(String),
      format: 'number',
      rows: labels.map((key) => {
        const [kind, model] = key.split('\u0000');
        return {
          label: kind === 'model' ? model : `${model} (${kind})`,
          kind,
          cells: sessions.map((n) => {
            const v = rows.find((r) => r.model === model && r.row_kind === kind && Number(r.num_sessions) === n)?.accuracy;
            return typeof v === 'number' ? v : null;
          }),
        };
      }),
    },
  };
}

// ---- personalized judge: accuracy and coverage of items with certainty ≥ t ----

export interface ThresholdRow {
  task: string;
  judge: string;
  n: number | null;
  coverage: number | null;
  accuracy: number | null;
}

/** Per task and judge, the released certainty curve read at threshold t (the first point at or above t). */
export async function judgeAtThreshold(db: Db, t: number, signal?: AbortSignal): Promise<ThresholdRow[]> {
  const { rows } = await db.query(
    `SELECT task, judge,
       arg_min(n_at_or_above, threshold) FILTER (WHERE threshold >= $1) AS n,
       arg_min(coverage, threshold) FILTER (WHERE threshold >= $1) AS coverage,
       arg_min(accuracy, threshold) FILTER (WHERE threshold >= $1) AS accuracy
     FROM personalized_judge.certainty_curve GROUP BY ALL ORDER BY task, judge`,
    { params: [t], signal },
  );
  return rows as unknown as ThresholdRow[];
}

/** The certainty values the curve has points at (the slider's range). */
export async function judgeThresholdRange(db: Db, signal?: AbortSignal): Promise<{ min: number; max: number }> {
  const { rows } = await db.query('SELECT min(threshold) AS lo, max(threshold) AS hi FROM personalized_judge.certainty_curve', { signal });
  return { min: Number(rows[0].lo), max: Number(rows[0].hi) };
}

export function judgeTakeaway(rows: ThresholdRow[], t: number): string {
  const kept = rows.filter((r) => r.accuracy !== null && r.coverage !== null && (r.n ?? 0) > 0);
  if (kept.length === 0) return `No judge has items with certainty ≥ ${t}.`;
  const best = [...kept].sort((a, b) => b.accuracy! - a.accuracy!)[0];
  const worst = [...kept].sort((a, b) => a.accuracy! - b.accuracy!)[0];
  const cov = kept.map((r) => r.coverage!);
  return (
    `At certainty ≥ ${t}, ${kept.length} of ${rows.length} judge × task runs keep items: accuracy ranges from ${pct(worst.accuracy!)} ` +
    `(${worst.judge}, ${worst.task}) to ${pct(best.accuracy!)} (${best.judge}, ${best.task}), keeping ${pct(Math.min(...cov))}–${pct(Math.max(...cov))} of items.`
  );
}

// ---- PAPI: answer distribution per Big Five trait ----

export function papiTakeaway(rows: Row[]): string {
  const traits = [...new Set(rows.map((r) => String(r.trait_name)))];
  const modal = traits.map((t) => {
    const list = rows.filter((r) => r.trait_name === t);
    return [...list].sort((a, b) => Number(b.share) - Number(a.share))[0];
  });
  const byLabel = new Map<string, string[]>();
  for (const m of modal) byLabel.set(String(m.answer_label), [...(byLabel.get(String(m.answer_label)) ?? []), String(m.trait_name)]);
  const [label, list] = [...byLabel.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  const others = modal.filter((m) => m.answer_label !== label).map((m) => `${m.trait_name}: “${m.answer_label}”`);
  return (
    `The commonest answer is “${label}” in ${list.length} of ${traits.length} traits` +
    (others.length ? ` (otherwise ${others.join(', ')}).` : '.')
  );
}

export async function papiDistribution(db: Db, signal?: AbortSignal): Promise<CuratedView> {
  const { rows } = await db.query('SELECT trait_name, answer, answer_label, share FROM papi.answer_distribution ORDER BY trait_name, answer', { signal });
  const answers = [...new Map(rows.map((r) => [Number(r.answer), String(r.answer_label)])).entries()].sort((a, b) => a[0] - b[0]);
  const traits = [...new Set(rows.map((r) => String(r.trait_name)))];
  return {
    title: 'Answer distribution per Big Five trait',
    table: 'papi.answer_distribution',
    takeaway: papiTakeaway(rows),
    pivot: {
      rowHeader: 'Trait',
      columns: answers.map(([n, label]) => `${n} · ${label}`),
      format: 'share',
      rows: traits.map((t) => ({
        label: t,
        cells: answers.map(([n]) => {
          const v = rows.find((r) => r.trait_name === t && Number(r.answer) === n)?.share;
          return typeof v === 'number' ? v : null;
        }),
      })),
    },
  };
}

/** Which pivot-style curated views a benchmark has. */
export const PIVOT_VIEWS: Record<string, (db: Db, signal?: AbortSignal) => Promise<CuratedView>> = {
  personamem: personamemBySessions,
  papi: papiDistribution,
};
