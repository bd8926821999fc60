// The scorer with injected fake models: which texts go to which model, label mapping through
// id2label, truncation warnings, batch failures, progress and cancelling.
import { describe, expect, it } from 'vitest';
import { MODELS } from '../../src/lib/scoring/registry.ts';
import { scoreBatch, scoreItem, MissingModelError, type ScorerModels } from '../../src/lib/scoring/scorer.ts';
import { LabelMappingError } from '../../src/lib/scoring/labels.ts';
import type { BatchProgress, ClassifyFn, ClassifyInput, EmbedFn, RowOutcome, ScoreInput } from '../../src/lib/scoring/types.ts';

const BIG = 8;
// NLI fake in the MNLI label order (ENTAILMENT, NEUTRAL, CONTRADICTION), not the registry model's.
function fakeNli(calls: ClassifyInput[][]): ClassifyFn {
  return async (inputs) => {
    calls.push([...inputs]);
    return {
      id2label: { 0: 'ENTAILMENT', 1: 'NEUTRAL', 2: 'CONTRADICTION' },
      maxTokens: 512,
      truncated: inputs.map((i) => (i.text + (i.textPair ?? '')).length > 200),
      logits: inputs.map(({ text, textPair = '' }) => {
        const neg = (s: string) => /\b(not|never)\b/.test(s);
        const topic = (s: string) => s.match(/\b(jazz|rain|cats)\b/)?.[0];
        if (topic(text) && topic(text) === topic(textPair)) return neg(text) !== neg(textPair) ? [0, 0, BIG] : [BIG, 0, 0];
        return [0, BIG, 0];
      }),
    };
  };
}
const fakeRelevance: ClassifyFn = async (inputs) => ({
  id2label: { 0: 'LABEL_0' },
  maxTokens: 512,
  truncated: inputs.map(() => false),
  logits: inputs.map(({ text, textPair = '' }) => [text.split(/\W+/).some((w) => w.length > 3 && textPair.includes(w)) ? BIG : -BIG]),
});
const TOX_ORDER = ['identity_hate', 'insult', 'obscene', 'severe_toxic', 'threat', 'toxic'];
const fakeToxicity: ClassifyFn = async (inputs) => ({
  id2label: Object.fromEntries(TOX_ORDER.map((l, i) => [i, l])),
  maxTokens: 512,
  truncated: inputs.map(() => false),
  logits: inputs.map(({ text }) => TOX_ORDER.map((l) => (/idiot/.test(text) && (l === 'insult' || l === 'toxic') ? BIG : -BIG))),
});
const WORDS = ['jazz', 'rain', 'cats', 'music', 'weather'];
const fakeEmbed: EmbedFn = async (texts) => ({
  maxTokens: 512,
  truncated: texts.map(() => false),
  vectors: texts.map((t) => {
    const v = WORDS.map((w) => (t.toLowerCase().includes(w) ? 1 : 0));
    const n = Math.hypot(...v) || 1;
    return v.map((x) => x / n);
  }),
});

function models(nliCalls: ClassifyInput[][] = []): ScorerModels {
  return {
    nli: { spec: MODELS['nli-deberta-v3-xsmall'], classify: fakeNli(nliCalls) },
    relevance: { spec: MODELS['ms-marco-MiniLM-L-6-v2'], classify: fakeRelevance },
    toxicity: { spec: MODELS['toxic-bert'], classify: fakeToxicity },
    embedding: { spec: MODELS['all-MiniLM-L6-v2'], embed: fakeEmbed },
  };
}

const item = (over: Partial<ScoreInput> = {}): ScoreInput => ({
  id: 'x',
  model: null,
  line: 2,
  persona: 'I love jazz.\nI hate rain.\nI have two cats.',
  question: 'Do you like jazz music?',
  response: 'I do not love jazz.',
  ...over,
});
const ALL = { scorers: ['apc', 'toxicity', 'contradictions', 'fit'] as const } as const;

describe('scoreItem', () => {
  it('sends (response, statement) and (statement, response) to NLI and (question, statement) to relevance', async () => {
    const calls: ClassifyInput[][] = [];
    const s = await scoreItem(item(), models(calls), { scorers: [...ALL.scorers] });
    // Both directions in one NLI call: the three (response, statement) pairs, then the reverse.
    expect(calls).toHaveLength(1);
    expect(calls[0]).toHaveLength(6);
    expect(calls[0][0]).toEqual({ text: 'I do not love jazz.', textPair: 'I love jazz.' });
    expect(calls[0][3]).toEqual({ text: 'I love jazz.', textPair: 'I do not love jazz.' });
    expect(s.statements).toEqual(['I love jazz.', 'I hate rain.', 'I have two cats.']);

    // jazz: relevant and contradicted → contribution ≈ 0; rain, cats: irrelevant, neutral → ≈ 1.
    expect(s.apc?.n).toBe(3);
    expect(s.apc?.statements[0].statement).toBe('I love jazz.');
    expect(s.apc?.statements[0].contradiction).toBeGreaterThan(0.99);
    expect(s.apc?.statements[0].relevance).toBeGreaterThan(0.99);
    expect(s.apc?.statements[0].contribution).toBeLessThan(0.01);
    expect(s.apc?.raw).toBeGreaterThan(1.98);
    expect(s.apc?.raw).toBeLessThan(2.02);

    expect(s.contradictions?.hits.map((h) => h.statement)).toEqual(['I love jazz.']);
    expect(s.toxicity?.max).toBeLessThan(0.01);
    expect(s.fit?.statements.map((f) => f.statement)).toEqual(s.statements);
    expect(s.fit?.statements[0].cosine).toBeCloseTo(1, 9);
    expect(s.fit?.statements[1].cosine).toBe(0);
    expect(s.warnings).toEqual([]);
  });

  it('reads toxicity labels by name from a shuffled head', async () => {
    const s = await scoreItem(item({ response: 'you idiot' }), models(), { scorers: ['toxicity'] });
    expect(s.toxicity?.maxLabel).toMatch(/insult|toxic/);
    expect(s.toxicity?.labels.insult).toBeGreaterThan(0.99);
    expect(s.toxicity?.labels.threat).toBeLessThan(0.01);
    expect(s.apc).toBeNull();
    expect(s.contradictions).toBeNull();
  });

  it('uses edited statements when given, and warns when a model had to cut the text', async () => {
    const s = await scoreItem(item({ statements: ['I love jazz.', ' ', 'I love jazz.'], response: `I love jazz. ${'la '.repeat(100)}` }), models(), {
      scorers: ['contradictions'],
    });
    expect(s.statements).toEqual(['I love jazz.']);
    expect(s.contradictions?.hits).toEqual([]);
    expect(s.warnings).toEqual([expect.objectContaining({ code: 'truncated-tokens', line: 2 })]);
    expect(s.warnings[0].message).toContain('Xenova/nli-deberta-v3-xsmall');
  });

  it('caps the number of statements and says so', async () => {
    const persona = Array.from({ length: 5 }, (_, i) => `Statement number ${i}.`).join('\n');
    const s = await scoreItem(item({ persona }), models(), { scorers: ['apc'], maxStatements: 3 });
    expect(s.statements).toHaveLength(3);
    expect(s.warnings[0]).toMatchObject({ code: 'too-many-statements' });
  });
});

describe('scoreBatch', () => {
  it('scores every row, reports progress, and turns a failing row into a failure without stopping', async () => {
    const m = models();
    const nli = m.nli!.classify;
    m.nli!.classify = async (inputs) => {
      if (inputs.some((i) => i.text.includes('BOOM'))) throw new Error('session exploded');
      return nli(inputs);
    };
    const rows = [item({ id: 'a', line: 2 }), item({ id: 'b', line: 3, response: 'BOOM' }), item({ id: 'c', line: 4, response: 'I love jazz.' })];
    const outcomes: RowOutcome[] = [];
    const progress: BatchProgress[] = [];
    let t = 0;
    const summary = await scoreBatch(rows, m, { scorers: ['apc', 'contradictions'] }, {
      onRow: (o) => void outcomes.push(o),
      onProgress: (p) => progress.push(p),
      now: () => (t += 100),
    });
    expect(summary).toMatchObject({ done: 2, failed: 1, total: 3, cancelled: false });
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    const failure = outcomes[1];
    expect(failure.ok === false && failure.failure.errors[0]).toMatchObject({ code: 'scoring-failed', line: 3, id: 'b' });
    expect(failure.ok === false && failure.failure.errors[0].message).toMatch(/^line 3 \(id b\): scoring failed: session exploded/);
    expect(progress.at(-1)).toMatchObject({ done: 2, failed: 1, total: 3, etaMs: 0 });
    expect(progress.at(-1)?.itemsPerSecond).toBeGreaterThan(0);
    const third = outcomes[2];
    expect(third.ok && third.score.apc!.normalized!).toBeGreaterThan(0.9);
  });

  it('stops before the next row when cancelled', async () => {
    const ctl = new AbortController();
    const rows = Array.from({ length: 10 }, (_, i) => item({ id: `r${i}` }));
    const seen: number[] = [];
    const summary = await scoreBatch(rows, models(), { scorers: ['toxicity'] }, {
      signal: ctl.signal,
      onRow: (_o, i) => {
        seen.push(i);
        if (i === 2) ctl.abort();
      },
    });
    expect(summary).toMatchObject({ done: 3, failed: 0, cancelled: true });
    expect(seen).toEqual([0, 1, 2]);
  });

  it('stops the whole batch when a model is not what its spec says, or is missing', async () => {
    const m = models();
    m.nli!.classify = async (inputs) => ({ id2label: { 0: 'LABEL_0', 1: 'LABEL_1', 2: 'LABEL_2' }, logits: inputs.map(() => [0, 0, 0]), truncated: inputs.map(() => false), maxTokens: 512 });
    await expect(scoreBatch([item()], m, { scorers: ['contradictions'] })).rejects.toThrow(LabelMappingError);
    await expect(scoreBatch([item()], { toxicity: models().toxicity }, { scorers: ['apc'] })).rejects.toThrow(MissingModelError);
  });
});
