// Texts that recur across rows run through a model once. The memory is checked on a counting fake
// model (what runs, in what order the answers come back), then on the fixture models: rows scored
// in one batch, where the persona, statements and questions recur, get the same scores as each row
// scored on its own by freshly loaded models.
import { describe, expect, it } from 'vitest';
import { MAX_REMEMBERED_CHARS, rememberingClassify, rememberingEmbed } from '../../src/lib/scoring/remembered-outputs.ts';
import { ScorerService } from '../../src/lib/scoring/service.ts';
import type { ClassifyInput, RowScore, ScoreInput } from '../../src/lib/scoring/types.ts';
import { FIXTURE_MODELS_DIR, FIXTURE_SPECS } from '../fixtures/models/fixtures.ts';

/** A fake classifier whose logit is a function of the input, recording every input it runs. */
function countingClassifier() {
  const ran: ClassifyInput[][] = [];
  const logit = (x: ClassifyInput) => [x.text.length * 10 + (x.textPair?.length ?? -1)];
  const classify = async (inputs: readonly ClassifyInput[]) => {
    ran.push([...inputs]);
    return { id2label: { 0: 'LABEL_0' }, logits: inputs.map(logit), truncated: inputs.map((x) => x.text.startsWith('long')), maxTokens: 8 };
  };
  return { ran, logit, classify };
}

describe('remembered model outputs', () => {
  it('runs each new input once, repeats within a call included, and answers in input order', async () => {
    const fake = countingClassifier();
    const classify = rememberingClassify(fake.classify);
    const a = { text: 'q1', textPair: 's1' };
    const b = { text: 'q1', textPair: 's22' };
    const c = { text: 'long q', textPair: 's1' };
    const first = await classify([a, b, a]);
    expect(fake.ran).toEqual([[a, b]]);
    expect(first.logits).toEqual([a, b, a].map(fake.logit));
    const second = await classify([b, c, a]);
    expect(fake.ran).toEqual([[a, b], [c]]);
    expect(second).toEqual({ id2label: { 0: 'LABEL_0' }, logits: [b, c, a].map(fake.logit), truncated: [false, true, false], maxTokens: 8 });
  });

  it('keeps a text alone apart from a pair, and pairs that concatenate alike apart', async () => {
    const fake = countingClassifier();
    const classify = rememberingClassify(fake.classify);
    const inputs = [{ text: 'ab' }, { text: 'ab', textPair: '' }, { text: 'a', textPair: 'b' }, { text: '', textPair: 'ab' }];
    await classify(inputs);
    expect(fake.ran).toEqual([inputs]);
  });

  it('never remembers long inputs', async () => {
    const fake = countingClassifier();
    const classify = rememberingClassify(fake.classify);
    const long = { text: 'x'.repeat(MAX_REMEMBERED_CHARS), textPair: 'y' };
    await classify([long]);
    await classify([long]);
    expect(fake.ran).toEqual([[long], [long]]);
  });

  it('forgets the least recently used first', async () => {
    const fake = countingClassifier();
    const classify = rememberingClassify(fake.classify, 2);
    const [a, b, c] = ['a', 'b', 'c'].map((text) => ({ text }));
    await classify([a, b]);
    await classify([a]); // a is now more recent than b
    await classify([c]); // over capacity: b goes
    await classify([a, c, b]);
    expect(fake.ran).toEqual([[a, b], [c], [b]]);
  });

  it('embeddings: the same, vectors and truncation flags in input order', async () => {
    const ran: string[][] = [];
    const embed = rememberingEmbed(async (texts) => {
      ran.push([...texts]);
      return { vectors: texts.map((t) => [t.length, 1]), truncated: texts.map((t) => t === 'cut'), maxTokens: 4 };
    });
    await embed(['persona', 'r1', 'cut']);
    expect(await embed(['persona', 'r2', 'cut'])).toEqual({ vectors: [[7, 1], [2, 1], [3, 1]], truncated: [false, false, true], maxTokens: 4 });
    expect(ran).toEqual([['persona', 'r1', 'cut'], ['r2']]);
  });
});

describe('on the fixture models', () => {
  // One persona, two questions, three models answering each: persona, statements and questions recur.
  const persona = 'I love jazz.\nI have two cats.\nI never drink coffee.';
  const answers: Record<string, string> = {
    polite: 'I adore jazz and my two cats keep me company.',
    rude: 'You are a stupid idiot.',
    contrary: 'I hate jazz and I drink coffee every morning.',
  };
  const items: ScoreInput[] = ['What music do you like?', 'What do you drink?'].flatMap((question, q) =>
    Object.entries(answers).map(([model, response]) => ({ id: `q${q}·${model}`, model, line: null, persona, question, response })),
  );
  const scorers = ['apc', 'contradictions', 'toxicity', 'fit'] as const;

  async function scoreWith(service: ScorerService, rows: ScoreInput[]): Promise<RowScore[]> {
    const out: RowScore[] = [];
    await service.score(rows, { scorers: [...scorers] }, undefined, (o) => void (o.ok && out.push(o.score)));
    return out;
  }

  /** Equal, numbers to 5 decimals (batch composition may move the last float bits). */
  function expectClose(a: unknown, b: unknown, at: string): void {
    if (typeof a === 'number' && typeof b === 'number') expect(a, at).toBeCloseTo(b, 5);
    else if (a && b && typeof a === 'object' && typeof b === 'object') {
      expect(Object.keys(a), at).toEqual(Object.keys(b));
      for (const k of Object.keys(a)) expectClose((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
    } else expect(a, at).toEqual(b);
  }

  it('rows scored together equal rows scored alone', async () => {
    const together = new ScorerService({ source: { kind: 'local', path: FIXTURE_MODELS_DIR } });
    await together.load(FIXTURE_SPECS);
    const batch = await scoreWith(together, items);
    await together.free();
    expect(batch).toHaveLength(items.length);
    for (const [i, item] of items.entries()) {
      const alone = new ScorerService({ source: { kind: 'local', path: FIXTURE_MODELS_DIR } });
      await alone.load(FIXTURE_SPECS);
      const [own] = await scoreWith(alone, [item]);
      await alone.free();
      expectClose(batch[i], own, item.id);
    }
  });
});
