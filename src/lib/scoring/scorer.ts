// Scoring one item and a batch, given injected model functions. Runs unchanged in the worker, in
// Node (CLI) and in unit tests with fake classifiers.
import { nextTask } from '../next-task.ts';
import { apcFromProbabilities } from './apc.ts';
import { contradictionsFrom, DEFAULT_CONTRADICTION_THRESHOLD } from './contradictions.ts';
import { fitFrom } from './fit.ts';
import { LabelMappingError, mapLabelsBatch } from './labels.ts';
import { rolesFor } from './registry.ts';
import { rowName } from './row-name.ts';
import { cleanStatements, splitStatements } from './split.ts';
import { toxicityFromProbs } from './toxicity.ts';
import type {
  BatchProgress,
  ClassifyFn,
  EmbedFn,
  LabelProbs,
  ModelSpec,
  RowIssue,
  RowOutcome,
  RowScore,
  ScoreInput,
  ScoreOptions,
  ScoringRole,
} from './types.ts';

export const DEFAULT_MAX_STATEMENTS = 64;

/** A model ready to use: its spec (labels, activation) and the function that runs it. */
export interface ScorerModels {
  nli?: { spec: ModelSpec; classify: ClassifyFn };
  relevance?: { spec: ModelSpec; classify: ClassifyFn };
  toxicity?: { spec: ModelSpec; classify: ClassifyFn };
  embedding?: { spec: ModelSpec; embed: EmbedFn };
}

export class MissingModelError extends Error {
  override name = 'MissingModelError';
}

export function checkModels(models: ScorerModels, options: ScoreOptions): void {
  const missing = rolesFor(options.scorers).filter((r: ScoringRole) => !models[r]);
  if (missing.length) throw new MissingModelError(`no ${missing.join(', ')} model loaded for scorers ${options.scorers.join(', ')}`);
}

async function classifyProbs(m: { spec: ModelSpec; classify: ClassifyFn }, inputs: { text: string; textPair?: string }[]) {
  const out = await m.classify(inputs);
  if (out.logits.length !== inputs.length) throw new Error(`${m.spec.repo} returned ${out.logits.length} rows for ${inputs.length} inputs`);
  return { probs: mapLabelsBatch(out.logits, out.id2label, m.spec.labels, m.spec.activation), truncated: out.truncated, maxTokens: out.maxTokens };
}

/** Score one validated item. Throws on model failure; the batch runner turns that into a row failure. */
export async function scoreItem(input: ScoreInput, models: ScorerModels, options: ScoreOptions): Promise<RowScore> {
  const scorers = new Set(options.scorers);
  // What validation reported on this row (a text cut to length) stays with its score.
  const warnings: RowIssue[] = [...(input.warnings ?? [])];
  const at = rowName(input);
  const warn = (code: RowIssue['code'], message: string, field?: string) =>
    warnings.push({ level: 'warning', code, message: `${at}: ${message}`, line: input.line, id: input.id, ...(field ? { field } : {}) });

  let statements = input.statements ? cleanStatements(input.statements) : splitStatements(input.persona);
  const maxStatements = options.maxStatements ?? DEFAULT_MAX_STATEMENTS;
  if (statements.length > maxStatements) {
    warn('too-many-statements', `the persona has ${statements.length} statements; only the first ${maxStatements} are scored`, 'persona');
    statements = statements.slice(0, maxStatements);
  }
  const needStatements = scorers.has('apc') || scorers.has('contradictions') || scorers.has('fit');
  if (needStatements && statements.length === 0) throw new RowError('no-statements', `${at}: no persona statements to score against`);

  const truncatedBy = new Map<string, number>();
  const noteTrunc = (model: ModelSpec, flags: boolean[], maxTokens: number) => {
    if (flags.some(Boolean)) truncatedBy.set(model.repo, maxTokens);
  };

  // NLI with the response as premise (APC and contradictions), and the reverse (contradictions),
  // in one call: both directions have the same lengths, so they batch without padding.
  let forward: LabelProbs[] | null = null;
  let backward: LabelProbs[] | null = null;
  if (models.nli && (scorers.has('apc') || scorers.has('contradictions'))) {
    const pairs = statements.map((s) => ({ text: input.response, textPair: s }));
    if (scorers.has('contradictions')) pairs.push(...statements.map((s) => ({ text: s, textPair: input.response })));
    const nli = await classifyProbs(models.nli, pairs);
    noteTrunc(models.nli.spec, nli.truncated, nli.maxTokens);
    forward = nli.probs.slice(0, statements.length);
    if (scorers.has('contradictions')) backward = nli.probs.slice(statements.length);
  }

  let apc: RowScore['apc'] = null;
  if (scorers.has('apc') && models.relevance && forward) {
    const rel = await classifyProbs(models.relevance, statements.map((s) => ({ text: input.question, textPair: s })));
    noteTrunc(models.relevance.spec, rel.truncated, rel.maxTokens);
    apc = apcFromProbabilities(
      statements,
      statements.map((_, i) => ({ relevance: rel.probs[i].relevant, entailment: forward[i].entailment, contradiction: forward[i].contradiction })),
    );
  }

  let contradictions: RowScore['contradictions'] = null;
  if (scorers.has('contradictions') && forward && backward) {
    contradictions = contradictionsFrom(
      statements,
      forward.map((p) => p.contradiction),
      backward.map((p) => p.contradiction),
      options.contradictionThreshold ?? DEFAULT_CONTRADICTION_THRESHOLD,
    );
  }

  let toxicity: RowScore['toxicity'] = null;
  if (scorers.has('toxicity') && models.toxicity) {
    const t = await classifyProbs(models.toxicity, [{ text: input.response }]);
    noteTrunc(models.toxicity.spec, t.truncated, t.maxTokens);
    toxicity = toxicityFromProbs(t.probs[0]);
  }

  let fit: RowScore['fit'] = null;
  if (scorers.has('fit') && models.embedding) {
    const e = await models.embedding.embed([input.persona, input.response, ...statements]);
    noteTrunc(models.embedding.spec, e.truncated, e.maxTokens);
    fit = fitFrom(e.vectors[0], e.vectors[1], statements, e.vectors.slice(2));
  }

  for (const [repo, maxTokens] of truncatedBy) {
    warn('truncated-tokens', `text longer than ${repo} reads (${maxTokens} tokens) was cut to fit`);
  }
  return { id: input.id, model: input.model, line: input.line, question: input.question, statements, apc, toxicity, contradictions, fit, warnings };
}

/** A problem with one row's content found while scoring. */
export class RowError extends Error {
  override name = 'RowError';
  constructor(
    readonly code: RowIssue['code'],
    message: string,
  ) {
    super(message);
  }
}

/** Progress figures from counts and elapsed time (pure). */
export function batchProgress(done: number, failed: number, total: number, elapsedMs: number): BatchProgress {
  const finished = done + failed;
  const rate = finished > 0 && elapsedMs > 0 ? (finished / elapsedMs) * 1000 : null;
  return { done, failed, total, elapsedMs, itemsPerSecond: rate, etaMs: rate ? ((total - finished) / rate) * 1000 : null };
}

export interface BatchHooks {
  signal?: AbortSignal;
  onProgress?: (p: BatchProgress) => void;
  /** Called as each row finishes, in input order: save it now, it is not kept elsewhere. */
  onRow?: (outcome: RowOutcome, index: number) => void | Promise<void>;
  /** Give the event loop a turn between rows (lets a cancel message in). Default: a macrotask. */
  yieldTurn?: () => Promise<void>;
  now?: () => number;
}


export interface BatchSummary {
  done: number;
  failed: number;
  total: number;
  cancelled: boolean;
  elapsedMs: number;
}

/**
 * Score items one after another. A row whose scoring throws becomes a failure and the batch goes
 * on; a label-mapping error (the model is not what its spec says) stops the batch, since every row
 * would fail the same way. Cancelling stops before the next row and resolves with cancelled=true.
 */
export async function scoreBatch(items: readonly ScoreInput[], models: ScorerModels, options: ScoreOptions, hooks: BatchHooks = {}): Promise<BatchSummary> {
  checkModels(models, options);
  const now = hooks.now ?? (() => performance.now());
  const yieldTurn = hooks.yieldTurn ?? nextTask;
  const t0 = now();
  let done = 0;
  let failed = 0;
  const report = () => hooks.onProgress?.(batchProgress(done, failed, items.length, now() - t0));
  report();
  for (let i = 0; i < items.length; i++) {
    await yieldTurn();
    if (hooks.signal?.aborted) return { done, failed, total: items.length, cancelled: true, elapsedMs: now() - t0 };
    const item = items[i];
    let outcome: RowOutcome;
    try {
      outcome = { ok: true, score: await scoreItem(item, models, options) };
      done++;
    } catch (e) {
      if (e instanceof LabelMappingError || e instanceof MissingModelError) throw e;
      const err = e as Error;
      const code: RowIssue['code'] = e instanceof RowError ? e.code : 'scoring-failed';
      const message = e instanceof RowError ? err.message : `${rowName(item)}: scoring failed: ${err.message}`;
      outcome = { ok: false, failure: { id: item.id, line: item.line, errors: [{ level: 'error', code, message, line: item.line, id: item.id }] } };
      failed++;
    }
    await hooks.onRow?.(outcome, i);
    report();
  }
  return { done, failed, total: items.length, cancelled: false, elapsedMs: now() - t0 };
}
