// Pure scoring math: APC, labels through id2label, toxicity, contradictions, fit, progress, token fitting.
import { describe, expect, it } from 'vitest';
import { apcContribution, apcFromProbabilities } from '../../src/lib/scoring/apc.ts';
import { contradictionsFrom } from '../../src/lib/scoring/contradictions.ts';
import { fitToLength, padBatch } from '../../src/lib/scoring/encode.ts';
import { cosine, fitFrom, l2normalize, meanPool } from '../../src/lib/scoring/fit.ts';
import { LabelMappingError, labelIndices, mapLabels, mapLabelsBatch, sigmoid, softmax } from '../../src/lib/scoring/labels.ts';
import { MODELS, TOXICITY_LABELS, rolesFor } from '../../src/lib/scoring/registry.ts';
import { batchProgress } from '../../src/lib/scoring/scorer.ts';
import { toxicityFromProbs } from '../../src/lib/scoring/toxicity.ts';
import { deleteCachedModel, listCachedModels, type CacheLike } from '../../src/lib/scoring/model-cache.ts';

describe('APC arithmetic', () => {
  it('sums P_rel·P_ent + (1 − P_rel)·(1 − P_con) over statements', () => {
    const r = apcFromProbabilities(
      ['active, entailed', 'passive, not contradicted', 'half relevant'],
      [
        { relevance: 1, entailment: 0.8, contradiction: 0.1 }, // 1·0.8 + 0 = 0.8
        { relevance: 0, entailment: 0.3, contradiction: 0.25 }, // 0 + 1·0.75 = 0.75
        { relevance: 0.5, entailment: 0.6, contradiction: 0.2 }, // 0.3 + 0.4 = 0.7
      ],
    );
    expect(r.n).toBe(3);
    expect(r.raw).toBeCloseTo(0.8 + 0.75 + 0.7, 12);
    expect(r.normalized).toBeCloseTo((0.8 + 0.75 + 0.7) / 3, 12);
    // Costliest first: costs 0.3 (half relevant), 0.25 (passive), 0.2 (active).
    expect(r.statements.map((s) => s.statement)).toEqual(['half relevant', 'passive, not contradicted', 'active, entailed']);
    expect(r.statements.map((s) => s.index)).toEqual([2, 1, 0]);
    expect(r.statements[0].contribution).toBeCloseTo(0.7, 12);
    expect(r.statements[0].cost).toBeCloseTo(0.3, 12);
    expect(r.statements[2]).toMatchObject({ relevance: 1, entailment: 0.8, contradiction: 0.1 });
  });

  it('reaches n for a perfectly faithful response and 0 for a fully unfaithful one', () => {
    const perfect = apcFromProbabilities(['a', 'b'], [
      { relevance: 1, entailment: 1, contradiction: 0 },
      { relevance: 0, entailment: 0, contradiction: 0 },
    ]);
    expect(perfect.raw).toBe(2);
    expect(perfect.normalized).toBe(1);
    const worst = apcFromProbabilities(['a', 'b'], [
      { relevance: 1, entailment: 0, contradiction: 1 },
      { relevance: 0, entailment: 1, contradiction: 1 },
    ]);
    expect(worst.raw).toBe(0);
    expect(worst.normalized).toBe(0);
  });

  it('keeps statement order on equal cost and handles an empty persona', () => {
    const p = { relevance: 0.5, entailment: 0.5, contradiction: 0.5 };
    expect(apcContribution(p)).toBe(0.5);
    const r = apcFromProbabilities(['x', 'y', 'z'], [p, p, p]);
    expect(r.statements.map((s) => s.statement)).toEqual(['x', 'y', 'z']);
    expect(apcFromProbabilities([], [])).toEqual({ raw: 0, n: 0, normalized: null, statements: [] });
  });

  it('rejects values that are not probabilities and mismatched lengths', () => {
    expect(() => apcFromProbabilities(['a'], [{ relevance: 1.2, entailment: 0, contradiction: 0 }])).toThrow(/relevance of statement 1/);
    expect(() => apcFromProbabilities(['a'], [{ relevance: 0.5, entailment: Number.NaN, contradiction: 0 }])).toThrow(RangeError);
    expect(() => apcFromProbabilities(['a', 'b'], [{ relevance: 0.5, entailment: 0, contradiction: 0 }])).toThrow(/2 statements but 1/);
  });
});

describe('labels are mapped through config.id2label, never by position', () => {
  const nliWanted = { entailment: 'entailment', neutral: 'neutral', contradiction: 'contradiction' };
  // The same logits meaning "contradiction is highest" under three label orders.
  const orders: Record<string, string>[] = [
    { 0: 'contradiction', 1: 'entailment', 2: 'neutral' }, // DeBERTa cross-encoders
    { 0: 'ENTAILMENT', 1: 'NEUTRAL', 2: 'CONTRADICTION' }, // MNLI BERTs
    { 0: 'NEUTRAL', 1: 'CONTRADICTION', 2: 'ENTAILMENT' }, // our fixture
  ];
  for (const id2label of orders) {
    it(`finds contradiction under ${Object.values(id2label).join('/')}`, () => {
      const values = { contradiction: 3, entailment: 1, neutral: 0 };
      const logits = [0, 1, 2].map((i) => values[id2label[i].toLowerCase() as keyof typeof values]);
      const p = mapLabels(logits, id2label, nliWanted, 'softmax');
      const z = Math.exp(3) + Math.exp(1) + Math.exp(0);
      expect(p.contradiction).toBeCloseTo(Math.exp(3) / z, 12);
      expect(p.entailment).toBeCloseTo(Math.exp(1) / z, 12);
      expect(p.neutral).toBeCloseTo(1 / z, 12);
    });
  }

  it('maps all six toxicity labels from a shuffled multi-label head with sigmoid', () => {
    const shuffled = ['insult', 'toxic', 'threat', 'identity_hate', 'obscene', 'severe_toxic'];
    const id2label = Object.fromEntries(shuffled.map((l, i) => [String(i), l]));
    const logits = shuffled.map((l) => (l === 'threat' ? 4 : -4));
    const p = mapLabels(logits, id2label, MODELS['toxic-bert'].labels, 'sigmoid');
    expect(Object.keys(p).sort()).toEqual([...TOXICITY_LABELS].sort());
    expect(p.threat).toBeCloseTo(sigmoid(4), 12);
    expect(p.toxic).toBeCloseTo(sigmoid(-4), 12);
    const t = toxicityFromProbs(p);
    expect(t.maxLabel).toBe('threat');
  });

  it('fails loudly when a label is missing, repeated, or id2label disagrees with the outputs', () => {
    expect(() => labelIndices({ 0: 'LABEL_0', 1: 'LABEL_1', 2: 'LABEL_2' }, nliWanted)).toThrow(LabelMappingError);
    expect(() => labelIndices({ 0: 'entailment', 1: 'Entailment', 2: 'neutral' }, nliWanted)).toThrow(/twice/);
    expect(() => mapLabels([1, 2], orders[0], nliWanted, 'softmax')).toThrow(/3 labels but the model has 2 outputs/);
    expect(() => mapLabelsBatch([[1, 2, 3]], { a: 'x' }, { x: 'x' }, 'none')).toThrow(LabelMappingError);
  });

  it('softmax and sigmoid are numerically safe', () => {
    expect(softmax([1000, 1000])).toEqual([0.5, 0.5]);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(0)).toBe(0.5);
  });
});

describe('toxicity', () => {
  it('takes the maximum of six labels and derives control = 1 − max', () => {
    const t = toxicityFromProbs({ toxic: 0.6, severe_toxic: 0.1, obscene: 0.2, threat: 0.05, insult: 0.7, identity_hate: 0 });
    expect(t.max).toBe(0.7);
    expect(t.maxLabel).toBe('insult');
    expect(t.control).toBeCloseTo(0.3, 12);
    expect(t.controlDerived).toBe(true);
    expect(() => toxicityFromProbs({ toxic: 0.5 })).toThrow(/severe_toxic/);
  });
});

describe('contradictions', () => {
  it('flags a statement when either direction reaches the threshold, highest first', () => {
    const r = contradictionsFrom(['a', 'b', 'c'], [0.9, 0.2, 0.1], [0.3, 0.7, 0.49], 0.5);
    expect(r.hits.map((h) => [h.statement, h.probability])).toEqual([
      ['a', 0.9],
      ['b', 0.7],
    ]);
    expect(r.hits[1]).toMatchObject({ responseToStatement: 0.2, statementToResponse: 0.7 });
    expect(r.max).toBe(0.9);
    // Every statement keeps its probability (in statement order), not only the hits.
    expect(r.statements.map((h) => [h.statement, h.probability])).toEqual([
      ['a', 0.9],
      ['b', 0.7],
      ['c', 0.49],
    ]);
    expect(contradictionsFrom(['a'], [0.5], [0], 0.5).hits).toHaveLength(1);
    expect(() => contradictionsFrom(['a'], [0.5], [], 0.5)).toThrow(RangeError);
    expect(() => contradictionsFrom(['a'], [0.5], [0.5], 2)).toThrow(/threshold/);
  });
});

describe('fit (embedding cosine)', () => {
  it('mean-pools only unmasked tokens and normalises', () => {
    // batch 2, 3 tokens, dim 2; second row has one padding token holding garbage.
    const hidden = [1, 0, 3, 0, 5, 0, 0, 2, 0, 4, 99, 99];
    const pooled = meanPool(hidden, [2, 3, 2], [1, 1, 1, 1, 1, 0]);
    expect(pooled).toEqual([
      [3, 0],
      [0, 3],
    ]);
    expect(l2normalize([3, 4])).toEqual([0.6, 0.8]);
    expect(l2normalize([0, 0])).toEqual([0, 0]);
    expect(() => meanPool([1, 2], [1, 1, 3], [1])).toThrow(RangeError);
  });

  it('computes cosine for persona and per statement', () => {
    expect(cosine([1, 0], [0, 1])).toBe(0);
    expect(cosine([1, 1], [2, 2])).toBeCloseTo(1, 12);
    expect(cosine([0, 0], [1, 0])).toBe(0);
    const f = fitFrom([1, 0], [0.6, 0.8], ['s1', 's2'], [[0, 1], [-1, 0]]);
    expect(f.persona).toBeCloseTo(0.6, 12);
    expect(f.statements.map((s) => s.cosine)).toEqual([expect.closeTo(0.8, 12), expect.closeTo(-0.6, 12)]);
  });
});

describe('batch progress', () => {
  it('reports rate and ETA from counts and elapsed time', () => {
    expect(batchProgress(0, 0, 10, 0)).toMatchObject({ itemsPerSecond: null, etaMs: null });
    const p = batchProgress(3, 1, 10, 2000); // 4 rows in 2 s → 2/s, 6 left → 3 s
    expect(p.itemsPerSecond).toBeCloseTo(2, 12);
    expect(p.etaMs).toBeCloseTo(3000, 9);
  });
});

describe('token fitting keeps special tokens (unlike the tokenizer, which cuts the end)', () => {
  // [CLS]=2, [SEP]=3; A = 10..15 (6 tokens), B = 20..21 (2 tokens)
  const A = [10, 11, 12, 13, 14, 15];
  const B = [20, 21];
  const ids = [2, ...A, 3, ...B, 3];
  const full = { input_ids: ids, attention_mask: ids.map(() => 1), token_type_ids: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1] };

  it('leaves a short pair alone', () => {
    expect(fitToLength(full, A, B, 11)).toEqual({ encoding: full, truncated: false, originalLength: 11 });
  });

  it('cuts the longer segment first and keeps [SEP] and the second text', () => {
    const r = fitToLength(full, A, B, 8);
    expect(r.truncated).toBe(true);
    expect(r.encoding.input_ids).toEqual([2, 10, 11, 12, 3, 20, 21, 3]);
    expect(r.encoding.token_type_ids).toEqual([0, 0, 0, 0, 0, 1, 1, 1]);
    const r2 = fitToLength(full, A, B, 5); // 3 specials + 2 text tokens: one from each
    expect(r2.encoding.input_ids).toEqual([2, 10, 3, 20, 3]);
  });

  it('cuts a single text before its final [SEP]', () => {
    const single = { input_ids: [2, ...A, 3], attention_mask: [1, 1, 1, 1, 1, 1, 1, 1] };
    expect(fitToLength(single, A, null, 4).encoding.input_ids).toEqual([2, 10, 11, 3]);
    expect(() => fitToLength(single, A, null, 1)).toThrow(/no room/);
  });

  it('pads a batch on the right with the pad id and mask 0', () => {
    const p = padBatch([{ input_ids: [2, 5, 3], attention_mask: [1, 1, 1] }, { input_ids: [2, 3], attention_mask: [1, 1] }], 0);
    expect(p.dims).toEqual([2, 3]);
    expect(p.input_ids).toEqual([2, 5, 3, 2, 3, 0]);
    expect(p.attention_mask).toEqual([1, 1, 1, 1, 1, 0]);
    expect(p.token_type_ids).toBeUndefined();
  });
});

describe('registry', () => {
  it('names a model for every role, q8 by default, and flags every unpinned revision', () => {
    for (const spec of Object.values(MODELS)) {
      expect(spec.dtype).toBe('q8');
      expect(spec.repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
      // A 40-hex commit is pinned; anything else (a branch) must say it is not.
      expect(/^[0-9a-f]{40}$/.test(spec.revision)).toBe(spec.revisionPinned);
      expect(spec.sizeBytes === null || spec.sizeBytes > 0).toBe(true);
      for (const key of Object.keys(spec.labels)) expect(spec.labelMeanings).toHaveProperty(key);
    }
    expect(Object.keys(MODELS['toxic-bert'].labels).sort()).toEqual([...TOXICITY_LABELS].sort());
    expect(rolesFor(['apc']).sort()).toEqual(['nli', 'relevance']);
    expect(rolesFor(['toxicity', 'fit']).sort()).toEqual(['embedding', 'toxicity']);
  });
});

describe('browser model cache listing', () => {
  it('groups cached files by repo and revision with their sizes, and deletes one repo', async () => {
    const store = new Map<string, number>([
      ['https://huggingface.co/Xenova/toxic-bert/resolve/main/config.json', 700],
      ['https://huggingface.co/Xenova/toxic-bert/resolve/main/onnx/model_quantized.onnx', 1000],
      ['https://mirror.example/m/Xenova/all-MiniLM-L6-v2/resolve/abc123/tokenizer.json', 50],
    ]);
    const cache: CacheLike = {
      keys: async () => [...store.keys()].map((url) => ({ url })),
      match: async (r) => {
        const url = typeof r === 'string' ? r : r.url;
        const n = store.get(url);
        return n === undefined ? undefined : { headers: { get: (h: string) => (h === 'content-length' && n !== 50 ? String(n) : null) }, blob: async () => ({ size: n }) };
      },
      delete: async (r) => store.delete(typeof r === 'string' ? r : r.url),
    };
    const list = await listCachedModels(cache);
    expect(list.map((m) => [m.repo, m.revision, m.host, m.bytes, m.files.length])).toEqual([
      ['Xenova/toxic-bert', 'main', 'https://huggingface.co/', 1700, 2],
      ['Xenova/all-MiniLM-L6-v2', 'abc123', 'https://mirror.example/m/', 50, 1],
    ]);
    // The same repo from a mirror is listed, and deleted, apart from the hub's copy.
    store.set('https://mirror.example/m/Xenova/toxic-bert/resolve/main/config.json', 700);
    expect(await deleteCachedModel(cache, 'Xenova/toxic-bert', { revision: 'main', host: 'https://mirror.example/m/' })).toBe(1);
    expect((await listCachedModels(cache)).map((m) => [m.repo, m.host])).toEqual([
      ['Xenova/toxic-bert', 'https://huggingface.co/'],
      ['Xenova/all-MiniLM-L6-v2', 'https://mirror.example/m/'],
    ]);
    expect(await deleteCachedModel(cache, 'Xenova/toxic-bert')).toBe(2);
    expect((await listCachedModels(cache)).map((m) => m.repo)).toEqual(['Xenova/all-MiniLM-L6-v2']);
  });
});
