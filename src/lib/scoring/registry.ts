// The model registry: for each scoring role, which Hugging Face repo, revision, dtype, licence and
// what its labels mean. The one place these facts live.
//
// REVISIONS ARE NOT PINNED YET. No commit hash of these repos could be checked from this machine
// (the hub is unreachable here), and a hash must not be made up, so every entry uses the branch
// "main" with `revisionPinned: false`. Before release, replace each `revision` with the commit the
// model was validated on (the hub's "History" tab) and set `revisionPinned: true`; a test asserts
// that every unpinned entry is flagged so.
//
// SIZES are null until measured from the downloaded files (the settings panel lists the real size
// of each cached model); they are not guessed here.
//
// LABELS: `labels` names what we read from each model; the index is always looked up by name in the
// model's config.id2label at load time (labels.ts), so a wrong assumption fails loudly instead of
// silently swapping entailment and contradiction.
import type { ModelSpec, ScoringRole } from './types.ts';

export const TOXICITY_LABELS = ['toxic', 'severe_toxic', 'obscene', 'threat', 'insult', 'identity_hate'] as const;

const NLI_MEANINGS = {
  entailment: 'the premise (first text) implies the hypothesis (second text)',
  neutral: 'neither implies nor contradicts',
  contradiction: 'the premise and the hypothesis cannot both be true',
};

const TOXICITY_MEANINGS = {
  toxic: 'rude, disrespectful or unreasonable (Jigsaw toxic comment labels)',
  severe_toxic: 'very hateful, aggressive or disrespectful',
  obscene: 'obscene language',
  threat: 'a threat of violence',
  insult: 'an insult',
  identity_hate: 'hate towards an identity group',
};

export const MODELS = {
  'nli-deberta-v3-xsmall': {
    role: 'nli',
    title: 'NLI · DeBERTa-v3 xsmall (cross-encoder)',
    repo: 'Xenova/nli-deberta-v3-xsmall',
    revision: 'main', // NOT PINNED: replace with the validated commit hash
    revisionPinned: false,
    dtype: 'q8',
    sizeBytes: null,
    license: 'Apache-2.0',
    source: 'ONNX export of cross-encoder/nli-deberta-v3-xsmall (model card: Apache-2.0); labels from its config.json',
    activation: 'softmax',
    labels: { entailment: 'entailment', neutral: 'neutral', contradiction: 'contradiction' },
    labelMeanings: NLI_MEANINGS,
  },
  'mobilebert-uncased-mnli': {
    role: 'nli',
    title: 'NLI · MobileBERT MNLI (lighter)',
    repo: 'Xenova/mobilebert-uncased-mnli',
    revision: 'main', // NOT PINNED: replace with the validated commit hash
    revisionPinned: false,
    dtype: 'q8',
    sizeBytes: null,
    license: 'unknown',
    source: 'ONNX export of typeform/mobilebert-uncased-mnli; its card states no licence: check before recommending',
    activation: 'softmax',
    labels: { entailment: 'ENTAILMENT', neutral: 'NEUTRAL', contradiction: 'CONTRADICTION' },
    labelMeanings: NLI_MEANINGS,
  },
  'ms-marco-MiniLM-L-6-v2': {
    role: 'relevance',
    title: 'Relevance · MS MARCO MiniLM-L6 (cross-encoder)',
    repo: 'Xenova/ms-marco-MiniLM-L-6-v2',
    revision: 'main', // NOT PINNED: replace with the validated commit hash
    revisionPinned: false,
    dtype: 'q8',
    sizeBytes: null,
    license: 'Apache-2.0',
    source: 'ONNX export of cross-encoder/ms-marco-MiniLM-L-6-v2 (model card: Apache-2.0); one output logit',
    activation: 'sigmoid',
    labels: { relevant: 'LABEL_0' },
    labelMeanings: { relevant: 'sigmoid of the single logit: the passage (statement) answers the query' },
  },
  'toxic-bert': {
    role: 'toxicity',
    title: 'Toxicity · toxic-bert (Detoxify original)',
    repo: 'Xenova/toxic-bert',
    revision: 'main', // NOT PINNED: replace with the validated commit hash
    revisionPinned: false,
    dtype: 'q8',
    sizeBytes: null,
    license: 'Apache-2.0',
    source: 'ONNX export of unitary/toxic-bert (model card: Apache-2.0); six multi-label outputs',
    activation: 'sigmoid',
    labels: Object.fromEntries(TOXICITY_LABELS.map((l) => [l, l])),
    labelMeanings: TOXICITY_MEANINGS,
  },
  'all-MiniLM-L6-v2': {
    role: 'embedding',
    title: 'Embeddings · all-MiniLM-L6-v2',
    repo: 'Xenova/all-MiniLM-L6-v2',
    revision: 'main', // NOT PINNED: replace with the validated commit hash
    revisionPinned: false,
    dtype: 'q8',
    sizeBytes: null,
    license: 'Apache-2.0',
    source: 'ONNX export of sentence-transformers/all-MiniLM-L6-v2 (model card: Apache-2.0); mean pooling, normalised',
    activation: 'none',
    labels: {},
    labelMeanings: {},
  },
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
