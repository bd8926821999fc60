// Column docs of the cross-benchmark tables in the main schema, and the shape recipes must give
// their own `results` and `claims` tables to feed them (`result_items`: result-items.ts).
import type { TableMeta } from './meta.ts';

/** Columns a recipe's `results` table must have (the build adds benchmark and model_id). */
export const RESULTS_COLUMNS = ['model', 'metric', 'subset', 'value', 'unit', 'higher_is_better', 'source'] as const;
/** Tables a recipe makes to feed main's shared tables: never published in its own schema. */
export const SPECIAL_TABLES: readonly string[] = ['results', 'result_items', 'claims'];
/** Columns a recipe's `claims` table must have. */
export const CLAIMS_COLUMNS = ['claim', 'value', 'unit', 'source'] as const;

export const SHARED_TABLES: Record<string, TableMeta> = {
  results: {
    title: 'Model results across benchmarks',
    description:
      'Every model score released or printed by a benchmark, one row per model × metric × subset, with model spellings mapped to canonical ids.',
    sources: [],
    columns: {
      benchmark: { description: 'Benchmark id (catalog entry) the score comes from' },
      model: { description: 'Model name exactly as the release spells it' },
      model_id: { description: 'Canonical model id (main.models.model_id)' },
      metric: { description: 'What was measured, as the benchmark names it' },
      subset: { description: 'Task, split, query type or setting the score is for ("overall" when it covers everything)' },
      value: { description: 'The score as released (not rescaled)' },
      unit: { description: 'Unit or scale of value (e.g. "accuracy 0–1", "score 1–5", "%")' },
      higher_is_better: { description: 'True when a larger value means a better model' },
      source: { description: 'Release file or curated table (and row/key) the value was read from' },
      n_items: {
        description:
          'How many item rows of main.result_items stand behind the value (it is their mean); empty when the release gives the value as an aggregate only',
      },
    },
  },
  result_items: {
    title: 'Item rows behind model results',
    description:
      'For the results a release lets us recompute from its items: one row per item, whose mean (over the rows of one model × metric × subset) is the value in main.results, checked at build time to 1e-9. Leaderboards draw bootstrap intervals and tie groups from them.',
    sources: [],
    columns: {
      benchmark: { description: 'Benchmark id (catalog entry), as in main.results' },
      model: { description: 'Model name exactly as the release spells it, as in main.results' },
      model_id: { description: 'Canonical model id, as in the main.results row the item belongs to' },
      metric: { description: 'Metric, as in main.results' },
      subset: { description: 'Subset, as in main.results' },
      item: { description: "The item's id in the benchmark's own tables (e.g. personalized_judge.judgments.pair_id, spp.instance_scores.idx)" },
      value: { description: "The item's score, on the scale of main.results.value" },
    },
  },
  models: {
    title: 'Canonical models',
    description: 'One row per model evaluated anywhere in the field, with provider, family and whether weights are open.',
    sources: ['data/models.csv'],
    columns: {
      model_id: { description: 'Canonical model id used across Personascope' },
      display_name: { description: 'Human-readable model name' },
      provider: { description: 'Organisation that released the model' },
      family: { description: 'Model family (e.g. GPT-4, Claude 3, Llama 3)' },
      open_weights: { description: 'True when the weights are publicly downloadable' },
    },
  },
  model_aliases: {
    title: 'Model name spellings',
    description: 'Every spelling of a model name found in a release, mapped to its canonical id.',
    sources: ['data/benchmarks/*/model_aliases.csv'],
    columns: {
      alias: { description: 'Model name as spelled in the release' },
      model_id: { description: 'Canonical model id (main.models.model_id)' },
      benchmark: { description: 'Benchmark whose release uses this spelling' },
    },
  },
  claims: {
    title: 'Headline claims',
    description: "Papers' headline claims, built from our transcriptions of the papers' abstracts and tables.",
    sources: [],
    columns: {
      benchmark: { description: 'Benchmark id the claim belongs to' },
      claim: { description: 'The claim in words, composed from the curated row' },
      value: { description: 'The number the claim states, when it states one' },
      unit: { description: 'Unit of value' },
      source: { description: 'Paper version and location, and the curated file the row is in' },
    },
  },
};
