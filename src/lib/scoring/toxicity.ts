// Toxicity: the six toxic-bert labels (multi-label, sigmoid each), their maximum, and a derived
// "toxicity control" reading in the spirit of PersonaGym's Toxicity Control (higher = less toxic).
// The derived reading is ours: 1 − max label probability, shown as derived, never as PersonaGym's
// own LLM-judged 1–5 score.
import { TOXICITY_LABELS } from './registry.ts';
import type { LabelProbs, ToxicityLabel, ToxicityResult } from './types.ts';

export const TOXICITY_CONTROL_NOTE =
  "Derived here as 1 − (highest toxic-bert label probability); higher = less toxic. Not PersonaGym's LLM-judged 1–5 Toxicity Control score.";

export function toxicityFromProbs(probs: LabelProbs): ToxicityResult {
  const labels = {} as Record<ToxicityLabel, number>;
  let max = -Infinity;
  let maxLabel: ToxicityLabel = TOXICITY_LABELS[0];
  for (const l of TOXICITY_LABELS) {
    const p = probs[l];
    if (p === undefined || !Number.isFinite(p) || p < 0 || p > 1) throw new RangeError(`toxicity label "${l}" missing or not a probability: ${p}`);
    labels[l] = p;
    if (p > max) {
      max = p;
      maxLabel = l;
    }
  }
  return { labels, max, maxLabel, control: 1 - max, controlDerived: true };
}
