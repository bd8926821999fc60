// Logits → named probabilities, always through the model's config.id2label (never by position:
// NLI families order their labels differently, e.g. DeBERTa cross-encoders vs MNLI BERTs).
import type { Activation, Id2Label, LabelProbs } from './types.ts';

export function softmax(logits: readonly number[]): number[] {
  if (logits.length === 0) return [];
  const m = Math.max(...logits);
  const e = logits.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

export function sigmoid(x: number): number {
  // Split form keeps exp() from overflowing for large |x|.
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

export function activate(logits: readonly number[], activation: Activation): number[] {
  if (activation === 'softmax') return softmax(logits);
  if (activation === 'sigmoid') return logits.map(sigmoid);
  return [...logits];
}

export class LabelMappingError extends Error {
  override name = 'LabelMappingError';
}

/**
 * Index of each canonical label in the model's outputs, found by name in id2label
 * (case-insensitive, ignoring surrounding whitespace). Throws when a label is missing or
 * id2label disagrees with the number of outputs.
 */
export function labelIndices(id2label: Id2Label, wanted: Record<string, string>, numOutputs?: number): Record<string, number> {
  const entries = Object.entries(id2label).map(([k, v]) => [Number(k), String(v)] as const);
  for (const [k] of entries) {
    if (!Number.isInteger(k) || k < 0) throw new LabelMappingError(`config.id2label has a non-integer key "${k}"`);
  }
  if (numOutputs !== undefined && entries.length !== numOutputs) {
    throw new LabelMappingError(`config.id2label names ${entries.length} labels but the model has ${numOutputs} outputs`);
  }
  const byName = new Map<string, number>();
  for (const [k, v] of entries) {
    const key = v.trim().toLowerCase();
    if (byName.has(key)) throw new LabelMappingError(`config.id2label names "${v}" twice`);
    byName.set(key, k);
  }
  const out: Record<string, number> = {};
  for (const [canonical, modelName] of Object.entries(wanted)) {
    const idx = byName.get(modelName.trim().toLowerCase());
    if (idx === undefined) {
      const have = entries.map(([, v]) => v).join(', ');
      throw new LabelMappingError(`the model has no "${modelName}" label (for ${canonical}); its config.id2label has: ${have}`);
    }
    out[canonical] = idx;
  }
  return out;
}

/** One row of logits → probabilities under canonical names. */
export function mapLabels(
  logits: readonly number[],
  id2label: Id2Label,
  wanted: Record<string, string>,
  activation: Activation,
): LabelProbs {
  const idx = labelIndices(id2label, wanted, logits.length);
  const probs = activate(logits, activation);
  const out: LabelProbs = {};
  for (const [name, i] of Object.entries(idx)) out[name] = probs[i];
  return out;
}

/** A batch of logits → probabilities; label indices are resolved once. */
export function mapLabelsBatch(
  logits: readonly (readonly number[])[],
  id2label: Id2Label,
  wanted: Record<string, string>,
  activation: Activation,
): LabelProbs[] {
  if (logits.length === 0) return [];
  const idx = labelIndices(id2label, wanted, logits[0].length);
  return logits.map((row) => {
    const probs = activate(row, activation);
    const out: LabelProbs = {};
    for (const [name, i] of Object.entries(idx)) out[name] = probs[i];
    return out;
  });
}
