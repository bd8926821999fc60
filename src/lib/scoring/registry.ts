// The model registry: for each scoring role, which Hugging Face repo, revision, dtype, licence and
// what its labels mean. The one place these facts live.
//
// REVISIONS AND SIZES come from model-pins.json, written by `npm run pin-models` from the hub's API
// (the commit of each repo and the size of the files the scorer loads). No commit hash could be
// checked from the machine this was built on (the hub is unreachable there), and a hash must not be
// made up: a repo without a pin loads from the branch "main" with `revisionPinned: false`, which the
// settings panel shows, and its size stays null. The settings panel lists the real size of each
// cached model either way.
//
// LABELS: `labels` names what we read from each model; the index is always looked up by name in the
// model's config.id2label at load time (labels.ts), so a wrong assumption fails loudly instead of
// silently swapping entailment and contradiction.
import { pinOf, type PinFields } from './model-pins.ts';
import type { ModelSpec, ScoringRole } from './types.ts';

export const TOXICITY_LABELS = ['toxic', 'severe_toxic', 'obscene', 'threat', 'insult', 'identity_hate'] as const;

const NLI_MEANINGS = {
  entailment: 'the premise (first text) implies the hypothesis (second text)',
  neutral: 'neither implies nor contradicts',
  contradiction: 'the premise and the hypothesis cannot both be true',
};

/** What each toxic-bert label stands for, as shown beside its probability. */
export const TOXICITY_MEANINGS: Record<(typeof TOXICITY_LABELS)[number], string> = {
  toxic: 'rude, disrespectful or unreasonable (Jigsaw toxic comment labels)',
  severe_toxic: 'very hateful, aggressive or disrespectful',
  obscene: 'obscene language',
  threat: 'a threat of violence',
  insult: 'an insult',
  identity_hate: 'hate towards an identity group',
};

/** A registry entry with its revision, size and expected files from its pin (model-pins.ts). */
function registered<const T extends Omit<ModelSpec, keyof PinFields>>(spec: T): T & PinFields {
  return { ...spec, ...pinOf(spec.repo, spec.dtype) };
}

export const MODELS = {
  'nli-deberta-v3-xsmall': registered({
    role: 'nli',
    title: 'NLI · DeBERTa-v3 xsmall (cross-encoder)',
    repo: 'Xenova/nli-deberta-v3-xsmall',
    dtype: 'q8',
    license: 'Apache-2.0',
    source: 'ONNX export of cross-encoder/nli-deberta-v3-xsmall (model card: Apache-2.0); labels from its config.json',
    activation: 'softmax',
    labels: { entailment: 'entailment', neutral: 'neutral', contradiction: 'contradiction' },
    labelMeanings: NLI_MEANINGS,
  }),
  'mobilebert-uncased-mnli': registered({
    role: 'nli',
    title: 'NLI · MobileBERT MNLI (lighter)',
    repo: 'Xenova/mobilebert-uncased-mnli',
    dtype: 'q8',
    license: 'unknown',
    source: 'ONNX export of typeform/mobilebert-uncased-mnli; its card states no licence: check before recommending',
    activation: 'softmax',
    labels: { entailment: 'ENTAILMENT', neutral: 'NEUTRAL', contradiction: 'CONTRADICTION' },
    labelMeanings: NLI_MEANINGS,
  }),
  'ms-marco-MiniLM-L-6-v2': registered({
    role: 'relevance',
    title: 'Relevance · MS MARCO MiniLM-L6 (cross-encoder)',
    repo: 'Xenova/ms-marco-MiniLM-L-6-v2',
    dtype: 'q8',
    license: 'Apache-2.0',
    source: 'ONNX export of cross-encoder/ms-marco-MiniLM-L-6-v2 (model card: Apache-2.0); one output logit',
    activation: 'sigmoid',
    labels: { relevant: 'LABEL_0' },
    labelMeanings: { relevant: 'sigmoid of the single logit: the passage (statement) answers the query' },
  }),
  'toxic-bert': registered({
    role: 'toxicity',
    title: 'Toxicity · toxic-bert (Detoxify original)',
    repo: 'Xenova/toxic-bert',
    dtype: 'q8',
    license: 'Apache-2.0',
    source: 'ONNX export of unitary/toxic-bert (model card: Apache-2.0); six multi-label outputs',
    activation: 'sigmoid',
    labels: Object.fromEntries(TOXICITY_LABELS.map((l) => [l, l])),
    labelMeanings: TOXICITY_MEANINGS,
  }),
  'all-MiniLM-L6-v2': registered({
    role: 'embedding',
    title: 'Embeddings · all-MiniLM-L6-v2',
    repo: 'Xenova/all-MiniLM-L6-v2',
    dtype: 'q8',
    license: 'Apache-2.0',
    source: 'ONNX export of sentence-transformers/all-MiniLM-L6-v2 (model card: Apache-2.0; "input text longer than 256 word pieces is truncated"); mean pooling, normalised',
    activation: 'none',
    labels: {},
    labelMeanings: {},
    // The model card: "By default, input text longer than 256 word pieces is truncated" (its
    // sentence-transformers max_seq_length); the tokenizer alone would allow 512.
    maxTokens: 256,
  }),
} as const satisfies Record<string, ModelSpec>;

export type ModelKey = keyof typeof MODELS;

/** The default model of each role. */
export const DEFAULT_MODELS: Record<ScoringRole, ModelKey> = {
  nli: 'nli-deberta-v3-xsmall',
  relevance: 'ms-marco-MiniLM-L-6-v2',
  toxicity: 'toxic-bert',
  embedding: 'all-MiniLM-L6-v2',
};

export function modelSpec(key: ModelKey): ModelSpec {
  return MODELS[key];
}

export function defaultModelSet(): Record<ScoringRole, ModelSpec> {
  return {
    nli: MODELS[DEFAULT_MODELS.nli],
    relevance: MODELS[DEFAULT_MODELS.relevance],
    toxicity: MODELS[DEFAULT_MODELS.toxicity],
    embedding: MODELS[DEFAULT_MODELS.embedding],
  };
}

/** Which models a set of scorers needs. */
export function rolesFor(scorers: readonly string[]): ScoringRole[] {
  const roles = new Set<ScoringRole>();
  for (const s of scorers) {
    if (s === 'apc') {
      roles.add('relevance');
      roles.add('nli');
    } else if (s === 'contradictions') roles.add('nli');
    else if (s === 'toxicity') roles.add('toxicity');
    else if (s === 'fit') roles.add('embedding');
  }
  return [...roles];
}

/**
 * The caveat the UI must show next to APC: the paper's discriminators are not ours.
 */
export const APC_CAVEAT =
  "APC as defined by Peng & Shang (NeurIPS 2024). The paper's relevance and NLI discriminators are DeBERTa-v3-large " +
  'models distilled from GPT-4; here they are small general-purpose NLI and relevance models, so absolute values ' +
  "differ from the paper's and are comparable only with each other.";

/** Whether two specs load the same files: repo, revision and dtype (a spec's other fields describe them). */
export function sameModel(a: Pick<ModelSpec, 'repo' | 'revision' | 'dtype'>, b: Pick<ModelSpec, 'repo' | 'revision' | 'dtype'>): boolean {
  return a.repo === b.repo && a.revision === b.revision && a.dtype === b.dtype;
}
