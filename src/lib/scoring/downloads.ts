// A job's results as files: CSV and Parquet (one flat row per item, as mine.scores), and JSON with
// everything (per-statement detail, failures, input problems, the models and the APC caveat).
import type { ScoringJob } from './job-store.ts';
import { APC_CAVEAT } from './registry.ts';
import { SCORE_COLUMNS, scoreRows, toCsvText, type JobOutcomes } from './scores-tables.ts';
import { TOXICITY_CONTROL_NOTE } from './toxicity.ts';

export type ScoresFormat = 'csv' | 'json' | 'parquet';

/** "personascope-scores_reviews.csv_2026-11-27.parquet": the job's label and the day it was made. */
export function scoresFileName(job: Pick<ScoringJob, 'label' | 'createdAt'>, format: ScoresFormat): string {
  const label = job.label.replace(/[^A-Za-z0-9._+-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'job';
  return `personascope-scores_${label}_${job.createdAt.slice(0, 10)}.${format}`;
}

/** The file for a job in a format; the Parquet writer is loaded only when asked for. */
export async function scoresFile(data: JobOutcomes, format: ScoresFormat): Promise<{ name: string; blob: Blob }> {
  const name = scoresFileName(data.job, format);
  // The CSV is the one people open in a spreadsheet: a response or question starting with "=" is shown, not run.
  if (format === 'csv') return { name, blob: new Blob([toCsvText(scoreRows(data), SCORE_COLUMNS, { spreadsheetSafe: true })], { type: 'text/csv;charset=utf-8' }) };
  if (format === 'parquet') {
    const { toParquet } = await import('../export/parquet.ts');
    const rows = scoreRows(data);
    const columns = SCORE_COLUMNS.map((c) => ({ name: c, type: '', kind: 'other' as const }));
    const meta = [
      { key: 'personascope.job', value: JSON.stringify({ id: data.job.id, label: data.job.label, models: data.job.models, options: data.job.options }) },
      { key: 'personascope.apc_caveat', value: APC_CAVEAT },
    ];
    return { name, blob: new Blob([toParquet({ columns, rows }, meta)], { type: 'application/vnd.apache.parquet' }) };
  }
  const { job, outcomes } = data;
  const json = {
    job: { id: job.id, label: job.label, source: job.source, createdAt: job.createdAt, state: job.state, models: job.models, options: job.options },
    notes: { apc: APC_CAVEAT, toxicityControl: TOXICITY_CONTROL_NOTE },
    inputIssues: job.inputIssues,
    rows: [...outcomes].sort((a, b) => a[0] - b[0]).map(([item, o]) => ({ item, ...(o.ok ? { score: o.score } : { failure: o.failure }) })),
  };
  return { name, blob: new Blob([JSON.stringify(json, null, 2)], { type: 'application/json' }) };
}
