// Persona contradictions: statements the response contradicts, by NLI in both directions
// (response ⇒ statement and statement ⇒ response), flagged when either direction's contradiction
// probability reaches the threshold.
import type { ContradictionHit, ContradictionResult } from './types.ts';

export const DEFAULT_CONTRADICTION_THRESHOLD = 0.5;

export function contradictionsFrom(
  statements: readonly string[],
  responseToStatement: readonly number[],
  statementToResponse: readonly number[],
  threshold = DEFAULT_CONTRADICTION_THRESHOLD,
): ContradictionResult {
  if (responseToStatement.length !== statements.length || statementToResponse.length !== statements.length) {
    throw new RangeError('one contradiction probability per statement and direction is needed');
  }
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`threshold must be in [0, 1], got ${threshold}`);
  const all: ContradictionHit[] = statements.map((statement, index) => {
    const a = responseToStatement[index];
    const b = statementToResponse[index];
    return { index, statement, responseToStatement: a, statementToResponse: b, probability: Math.max(a, b) };
  });
  const hits = all.filter((h) => h.probability >= threshold).sort((x, y) => y.probability - x.probability);
  const max = all.reduce((m, h) => Math.max(m, h.probability), 0);
  return { threshold, hits, max, statements: all };
}
