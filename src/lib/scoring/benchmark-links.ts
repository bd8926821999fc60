// Benchmarks whose measures the Score page computes on a reviewer's own responses: their pages link
// there. The Score page states that its models are small stand-ins for the papers' judges.
export const SCORE_LINKS: Record<string, { input: 'paste' | 'file' | 'gym'; text: string; action: string }> = {
  personagym: {
    input: 'gym',
    text: "Have your own agent answer PersonaGym's questions, then score the answers in your browser: persona faithfulness (APC), toxicity, contradictions of the persona, fit.",
    action: "Answer PersonaGym's questions",
  },
  apc: {
    input: 'paste',
    text: 'Score your own role-playing responses with APC (how many of the persona statements a response satisfies, in expectation), in your browser.',
    action: 'Score responses with APC',
  },
};

/** The Score page link for a benchmark, or null. */
export function scoreLinkFor(benchmarkId: string): { href: string; text: string; action: string } | null {
  const link = SCORE_LINKS[benchmarkId];
  return link ? { href: `#/score?input=${link.input}`, text: link.text, action: link.action } : null;
}
