// APC persona faithfulness (Peng & Shang, "Quantifying and Optimizing Global Faithfulness in
// Persona-driven Role-playing", NeurIPS 2024):
//
//   APC = Σ_i [ P_rel(s_i, q) · P_ent(s_i, r) + (1 − P_rel(s_i, q)) · (1 − P_con(s_i, r)) ]
//
// the expected number of persona constraints the response satisfies (at most n): a relevant
// statement (active constraint) should be entailed by the response, an irrelevant one (passive
// constraint) should at least not be contradicted.
//
// Which texts go where (scorer.ts): P_rel(s, q) is the relevance cross-encoder on (query, statement),
// the order MS MARCO models take; P_ent and P_con are NLI with the response as premise and the
// statement as hypothesis ("does what the character said imply / rule out this persona fact?").
import type { ApcResult, ApcStatement } from './types.ts';

export interface ApcProbabilities {
  relevance: number;
  entailment: number;
  contradiction: number;
}

function checkProb(name: string, p: number, i: number): void {
  if (!Number.isFinite(p) || p < 0 || p > 1) throw new RangeError(`${name} of statement ${i + 1} is not a probability: ${p}`);
}

/** The per-statement term of the APC sum. */
export function apcContribution(p: ApcProbabilities): number {
  return p.relevance * p.entailment + (1 - p.relevance) * (1 - p.contradiction);
}

/** APC from per-statement probabilities (pure arithmetic, no models). */
export function apcFromProbabilities(statements: readonly string[], probs: readonly ApcProbabilities[]): ApcResult {
  if (statements.length !== probs.length) throw new RangeError(`${statements.length} statements but ${probs.length} probability rows`);
  const rows: ApcStatement[] = statements.map((statement, index) => {
    const p = probs[index];
    checkProb('relevance', p.relevance, index);
    checkProb('entailment', p.entailment, index);
    checkProb('contradiction', p.contradiction, index);
    const contribution = apcContribution(p);
    return { index, statement, ...p, contribution, cost: 1 - contribution };
  });
  const raw = rows.reduce((s, r) => s + r.contribution, 0);
  const n = rows.length;
  // Costliest first; Array.prototype.sort is stable, so ties keep statement order.
  const sorted = [...rows].sort((a, b) => b.cost - a.cost);
  return { raw, n, normalized: n ? raw / n : null, statements: sorted };
}
