// Saved jobs → the two tables reviewers query like any released one:
//   mine.scores            one row per scored (or failed) item, the flat scores of output.ts
//   mine.score_statements  one row per item × persona statement: the numbers behind APC, the
//                          contradiction check and the fit, so every score can be explained in SQL
// Written as CSV files (the same loader as uploads reads them, and they are kept the same way).
import { APP_TABLES } from '../db/user-data/names.ts';
import type { CsvFieldOptions } from '../export/csv.ts';
import type { JobStore, ScoringJob } from './job-store.ts';
import { csvHeader, csvLine, FLAT_COLUMNS, flattenScore, type FlatValue } from './output.ts';
import type { RowOutcome } from './types.ts';

export const SCORES_TABLE = APP_TABLES.scores;
export const STATEMENTS_TABLE = APP_TABLES.scoreStatements;

export const SCORE_COLUMNS = ['job_id', 'job_label', 'item', 'status', 'error', ...FLAT_COLUMNS] as const;
export const STATEMENT_COLUMNS = [
  'job_id',
  'job_label',
  'item',
  'id',
  'model',
  'statement_index',
  'statement',
  'relevance',
  'entailment',
  'contradiction',
  'apc_contribution',
  'apc_cost',
  'contradiction_probability',
  'fit_cosine',
] as const;

export interface JobOutcomes {
  job: ScoringJob;
  outcomes: Map<number, RowOutcome>;
}

type Row = Record<string, FlatValue>;

/** One row per item with an outcome, in input order. */
export function scoreRows({ job, outcomes }: JobOutcomes): Row[] {
  const rows: Row[] = [];
  for (const [item, o] of [...outcomes].sort((a, b) => a[0] - b[0])) {
    const base = { job_id: job.id, job_label: job.label, item };
    if (o.ok) rows.push({ ...base, status: 'scored', error: null, ...flattenScore(o.score) });
    else {
      const input = job.inputs[item];
      const empty = Object.fromEntries(FLAT_COLUMNS.map((c) => [c, null]));
      rows.push({
        ...base,
        ...empty,
        status: 'failed',
        error: o.failure.errors.map((e) => e.message).join(' | '),
        id: o.failure.id,
        line: o.failure.line,
        model: input?.model ?? null,
        question: input?.question ?? null,
      });
    }
  }
  return rows;
}

/** One row per item × statement, statements in persona order. */
export function statementRows({ job, outcomes }: JobOutcomes): Row[] {
  const rows: Row[] = [];
  for (const [item, o] of [...outcomes].sort((a, b) => a[0] - b[0])) {
    if (!o.ok) continue;
    const s = o.score;
    const apc = new Map(s.apc?.statements.map((x) => [x.index, x]) ?? []);
    const contra = new Map(s.contradictions?.statements.map((h) => [h.index, h.probability]) ?? []);
    const fit = new Map(s.fit?.statements.map((f) => [f.index, f.cosine]) ?? []);
    s.statements.forEach((statement, index) => {
      const a = apc.get(index);
      rows.push({
        job_id: job.id,
        job_label: job.label,
        item,
        id: s.id,
        model: s.model,
        statement_index: index + 1,
        statement,
        relevance: a?.relevance ?? null,
        entailment: a?.entailment ?? null,
        contradiction: a?.contradiction ?? null,
        apc_contribution: a?.contribution ?? null,
        apc_cost: a?.cost ?? null,
        contradiction_probability: contra.get(index) ?? null,
        fit_cosine: fit.get(index) ?? null,
      });
    });
  }
  return rows;
}

/** CSV text of rows with the given columns (header first). */
export function toCsvText(rows: readonly Row[], columns: readonly string[], options: CsvFieldOptions = {}): string {
  return [csvHeader(columns), ...rows.map((r) => csvLine(r, columns, options))].join('\n') + '\n';
}

/** The two tables as CSV files, with their row counts. */
export interface ScoresTableFiles {
  scores: Blob;
  statements: Blob;
  counts: { scores: number; statements: number };
}

/**
 * Every saved job's rows (oldest job first) as the two tables' CSV files. Reads and flattens every
 * saved row, which takes longer than a frame once there are thousands: the page runs it in a worker
 * (workers/scores-tables.worker.ts).
 */
export async function buildScoresTables(store: Pick<JobStore, 'listJobs' | 'outcomes'>): Promise<ScoresTableFiles> {
  const all: JobOutcomes[] = [];
  for (const job of await store.listJobs()) all.push({ job, outcomes: await store.outcomes(job.id) });
  all.reverse(); // oldest first
  const scores = all.flatMap(scoreRows);
  const statements = all.flatMap(statementRows);
  const csv = (text: string) => new Blob([text], { type: 'text/csv' });
  return {
    scores: csv(toCsvText(scores, SCORE_COLUMNS)),
    statements: csv(toCsvText(statements, STATEMENT_COLUMNS)),
    counts: { scores: scores.length, statements: statements.length },
  };
}
