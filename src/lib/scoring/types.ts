// Types of the scoring engine, shared by the math (lib/scoring), the worker, the Node CLI and the
// tests. No runtime code here.

/** What a model is used for. */
export type ScoringRole = 'nli' | 'relevance' | 'toxicity' | 'embedding';

/** transformers.js dtypes we use: q8 = onnx/model_quantized.onnx, fp32 = onnx/model.onnx. */
export type ModelDtype = 'q8' | 'fp32';

/** How raw outputs become probabilities. */
export type Activation = 'softmax' | 'sigmoid' | 'none';

/** One file of a pinned model repo as the hub's API describes it. */
export interface PinnedFile {
  size: number;
  /** sha256 of the content, for files the hub stores in LFS (the weights); else null. */
  sha256: string | null;
  /** git's blob id (sha1 of "blob <size>\0" + content), for files in git itself (config, tokenizer); else null. */
  gitBlobId: string | null;
}

/** One model as the registry (or a test fixture) describes it. */
export interface ModelSpec {
  role: ScoringRole;
  /** Hugging Face repo id ("owner/name"), also the folder path under a local models root or mirror. */
  repo: string;
  /** Git revision (commit hash when pinned, else a branch name). */
  revision: string;
  /** False while `revision` is a branch name rather than a commit: the files may change under us. */
  revisionPinned: boolean;
  dtype: ModelDtype;
  /** Bytes of the files downloaded for `dtype`; null until measured (never guessed). */
  sizeBytes: number | null;
  /**
   * What each file of `dtype` must be, by path in the repo, from the pin; null when unpinned. A
   * download from the hub or a mirror that differs is refused before it is used or cached.
   */
  pinnedFiles: Record<string, PinnedFile> | null;
  /** SPDX id of the model's licence as its card states it. */
  license: string;
  /** Where the licence and label facts come from. */
  source: string;
  /** Classification head: how logits become probabilities. Ignored for embeddings. */
  activation: Activation;
  /**
   * What each label we read means. Keys are our canonical names (for NLI: entailment, neutral,
   * contradiction; toxicity: the six toxic-bert names; relevance: relevant), values are the label
   * names expected in the model's config.id2label (compared case-insensitively). Positions are
   * never assumed: the index is always looked up in config.id2label at load time.
   */
  labels: Record<string, string>;
  /** One line on what the labels mean, for the UI. */
  labelMeanings: Record<string, string>;
  /**
   * Longest input in tokens the model is meant to read, when that is shorter than its config and
   * tokenizer allow (sentence-transformers models truncate at their own max_seq_length).
   */
  maxTokens?: number;
  /** Human-readable name for the settings panel. */
  title: string;
  /** True for test doubles (generated fixtures): never offered as scorers in the UI. */
  fixtureOnly?: boolean;
}

/** config.id2label as found in config.json: keys are stringified indices. */
export type Id2Label = Record<string | number, string>;

/** One input to a classifier: a text, or a (text, textPair) pair for cross-encoders. */
export interface ClassifyInput {
  text: string;
  textPair?: string;
}

/** Raw classifier output for a batch: logits per input plus the model's own id2label. */
export interface ClassifyOutput {
  id2label: Id2Label;
  /** logits[i][j]: input i, output index j (j as in id2label). */
  logits: number[][];
  /** truncated[i]: the input did not fit the model's maximum length and was cut. */
  truncated: boolean[];
  /** Maximum number of tokens the model takes. */
  maxTokens: number;
}

export interface EmbedOutput {
  /** Mean-pooled, L2-normalised sentence vectors. */
  vectors: number[][];
  truncated: boolean[];
  maxTokens: number;
}

/**
 * The injected model functions. The math never knows where the model runs (worker, Node, a test
 * double); it only sees these.
 */
export type ClassifyFn = (inputs: readonly ClassifyInput[]) => Promise<ClassifyOutput>;
export type EmbedFn = (texts: readonly string[]) => Promise<EmbedOutput>;

export interface ScoringModels {
  nli?: ClassifyFn;
  relevance?: ClassifyFn;
  toxicity?: ClassifyFn;
  embedding?: EmbedFn;
}

/** Probabilities keyed by canonical label name. */
export type LabelProbs = Record<string, number>;

// ---- inputs ----

/** One item to score, after validation. */
export interface ScoreInput {
  /** Stable id: the file's id column, else "row-<line>" (CSV, JSONL), "item-<n>" (n-th element of a JSON array, n-th pasted item). */
  id: string;
  /** Model that wrote the response (optional column). */
  model: string | null;
  persona: string;
  question: string;
  response: string;
  /** Persona statements as edited by the user; split from `persona` when absent. */
  statements?: string[];
  /** 1-based line in the source file where the row starts (null for pasted input). */
  line: number | null;
  /** What validation changed or doubted but let through (a text cut to length, U+FFFD): the row's score repeats them. */
  warnings?: RowIssue[];
}

export type IssueLevel = 'error' | 'warning';

/** A problem with one row (or the whole file when line and id are null). */
export interface RowIssue {
  level: IssueLevel;
  code:
    | 'empty-persona'
    | 'empty-question'
    | 'empty-response'
    | 'no-statements'
    | 'bad-statements'
    | 'too-many-statements'
    | 'missing-columns'
    | 'bad-row'
    | 'not-utf8'
    | 'replacement-char'
    | 'truncated-text'
    | 'truncated-tokens'
    | 'scoring-failed';
  message: string;
  line: number | null;
  id: string | null;
  field?: string;
}

// ---- results ----

export interface ApcStatement {
  index: number;
  statement: string;
  /** P_rel(s_i, q): the statement bears on the query (active constraint). */
  relevance: number;
  /** P_ent(s_i, r): the response entails the statement. */
  entailment: number;
  /** P_con(s_i, r): the response contradicts the statement. */
  contradiction: number;
  /** relevance·entailment + (1 − relevance)·(1 − contradiction), in [0, 1]. */
  contribution: number;
  /** 1 − contribution: how much of this constraint the response fails. */
  cost: number;
}

export interface ApcResult {
  /** Σ contributions: expected number of satisfied constraints, in [0, n]. */
  raw: number;
  n: number;
  /** raw / n, in [0, 1]; null when n = 0. */
  normalized: number | null;
  /** Sorted by cost, the costliest first (ties keep statement order). */
  statements: ApcStatement[];
}

export interface ToxicityResult {
  /** The six toxic-bert labels, each a sigmoid probability. */
  labels: Record<ToxicityLabel, number>;
  max: number;
  maxLabel: ToxicityLabel;
  /**
   * Derived "toxicity control" reading, 1 − max, higher = less toxic. Our derivation, not
   * PersonaGym's LLM-judged 1–5 Toxicity Control score.
   */
  control: number;
  controlDerived: true;
}

export type ToxicityLabel = 'toxic' | 'severe_toxic' | 'obscene' | 'threat' | 'insult' | 'identity_hate';

export interface ContradictionHit {
  index: number;
  statement: string;
  /** P(contradiction) with the response as premise and the statement as hypothesis. */
  responseToStatement: number;
  /** P(contradiction) with the statement as premise and the response as hypothesis. */
  statementToResponse: number;
  /** max of both directions. */
  probability: number;
}

export interface ContradictionResult {
  threshold: number;
  /** Statements whose contradiction probability (either direction) is ≥ threshold, highest first. */
  hits: ContradictionHit[];
  /** max contradiction probability over all statements (0 when there are none). */
  max: number;
  /** Every statement's probabilities, in statement order (hits are the ones over the threshold). */
  statements: ContradictionHit[];
}

export interface FitResult {
  /** cosine(embed(persona), embed(response)). */
  persona: number;
  /** cosine(embed(statement_i), embed(response)), in statement order. */
  statements: { index: number; statement: string; cosine: number }[];
}

export type ScorerName = 'apc' | 'toxicity' | 'contradictions' | 'fit';

export interface RowScore {
  id: string;
  model: string | null;
  line: number | null;
  question: string;
  statements: string[];
  apc: ApcResult | null;
  toxicity: ToxicityResult | null;
  contradictions: ContradictionResult | null;
  fit: FitResult | null;
  /** Non-fatal problems (truncation, replacement characters). */
  warnings: RowIssue[];
}

export interface RowFailure {
  id: string;
  line: number | null;
  errors: RowIssue[];
}

export type RowOutcome = { ok: true; score: RowScore } | { ok: false; failure: RowFailure };

export interface ScoreOptions {
  scorers: ScorerName[];
  /** Contradiction threshold (default 0.5). */
  contradictionThreshold?: number;
  /** Maximum persona statements per row (longer personas are cut and the row warned). */
  maxStatements?: number;
}

// ---- progress ----

export interface LoadProgress {
  role: ScoringRole;
  repo: string;
  file: string | null;
  status: 'initiate' | 'download' | 'progress' | 'done' | 'ready';
  loadedBytes: number;
  totalBytes: number;
}

export interface BatchProgress {
  done: number;
  failed: number;
  total: number;
  elapsedMs: number;
  /** Items per second so far; null before the first item. */
  itemsPerSecond: number | null;
  /** Estimated milliseconds left; null before the first item. */
  etaMs: number | null;
}
