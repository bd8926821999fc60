// Browser/view entry to the scoring engine: math, registry, parsing and the worker client. It does
// not import transformers.js (that lives in the worker); Node code imports ./service.ts directly.
export * from './types.ts';
export { MODELS, DEFAULT_MODELS, TOXICITY_LABELS, TOXICITY_MEANINGS, APC_CAVEAT, defaultModelSet, modelSpec, rolesFor, type ModelKey } from './registry.ts';
export { splitStatements, splitSentences, cleanStatements, cleanStatement } from './split.ts';
export { apcFromProbabilities, apcContribution, type ApcProbabilities } from './apc.ts';
export { toxicityFromProbs, TOXICITY_CONTROL_NOTE } from './toxicity.ts';
export { contradictionsFrom, DEFAULT_CONTRADICTION_THRESHOLD } from './contradictions.ts';
export { cosine, fitFrom, l2normalize, meanPool } from './fit.ts';
export { mapLabels, mapLabelsBatch, labelIndices, softmax, sigmoid, LabelMappingError } from './labels.ts';
export { validateRow, MAX_TEXT_CHARS } from './validate.ts';
export { parseFile, parseCsv, parseJsonl, decodeLines, guessColumnMapping, missingColumns, toScoreInputs, REQUIRED_COLUMNS, type ColumnMapping, type ParsedFile } from './input.ts';
export { flattenScore, csvHeader, csvLine, FLAT_COLUMNS } from './output.ts';
export { scoreItem, scoreBatch, batchProgress, RowError, MissingModelError, type ScorerModels, type BatchSummary } from './scorer.ts';
export { listCachedModels, deleteCachedModel, parseModelUrl, TRANSFORMERS_CACHE_NAME, type CachedModel, type CacheLike } from './model-cache.ts';
export { ScorerClient, getScorer, WorkerCrashedError, WorkerStartError } from './client.ts';
