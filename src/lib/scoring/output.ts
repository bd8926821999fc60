// Results → flat records (one per scored row) for CSV download, the CLI's CSV output and the
// `mine.scores` table. Per-statement detail stays in the nested RowScore (JSON/JSONL).
import { csvField, type CsvFieldOptions } from '../export/csv.ts';
import { TOXICITY_LABELS } from './registry.ts';
import type { RowScore } from './types.ts';

export type FlatValue = string | number | boolean | null;

export const FLAT_COLUMNS = [
  'id',
  'model',
  'line',
  'question',
  'n_statements',
  'apc',
  'apc_normalized',
  'apc_costliest_statement',
  ...TOXICITY_LABELS.map((l) => `toxicity_${l}`),
  'toxicity_max',
  'toxicity_max_label',
  'toxicity_control_derived',
  'contradiction_threshold',
  'contradictions',
  'contradiction_max',
  'contradicted_statements',
  'fit_persona',
  'fit_statement_mean',
  'warnings',
] as const;

export function flattenScore(s: RowScore): Record<string, FlatValue> {
  const r: Record<string, FlatValue> = Object.fromEntries(FLAT_COLUMNS.map((c) => [c, null]));
  r.id = s.id;
  r.model = s.model;
  r.line = s.line;
  r.question = s.question;
  r.n_statements = s.statements.length;
  if (s.apc) {
    r.apc = s.apc.raw;
    r.apc_normalized = s.apc.normalized;
    r.apc_costliest_statement = s.apc.statements[0]?.statement ?? null;
  }
  if (s.toxicity) {
    for (const l of TOXICITY_LABELS) r[`toxicity_${l}`] = s.toxicity.labels[l];
    r.toxicity_max = s.toxicity.max;
    r.toxicity_max_label = s.toxicity.maxLabel;
    r.toxicity_control_derived = s.toxicity.control;
  }
  if (s.contradictions) {
    r.contradiction_threshold = s.contradictions.threshold;
    r.contradictions = s.contradictions.hits.length;
    r.contradiction_max = s.contradictions.max;
    r.contradicted_statements = s.contradictions.hits.map((h) => h.statement).join(' | ');
  }
  if (s.fit) {
    r.fit_persona = s.fit.persona;
    r.fit_statement_mean = s.fit.statements.length ? s.fit.statements.reduce((a, x) => a + x.cosine, 0) / s.fit.statements.length : null;
  }
  r.warnings = s.warnings.length ? s.warnings.map((w) => w.message).join(' | ') : null;
  return r;
}


export function csvHeader(columns: readonly string[] = FLAT_COLUMNS): string {
  return columns.map((c) => csvField(c)).join(',');
}

/** One CSV record; `options.spreadsheetSafe` for files people open in a spreadsheet (see csvField). */
export function csvLine(record: Record<string, FlatValue>, columns: readonly string[] = FLAT_COLUMNS, options: CsvFieldOptions = {}): string {
  return columns.map((c) => csvField(record[c] ?? null, options)).join(',');
}
