// The settings' list of cached models: a copy that a failed download left half cached (a mirror
// missing tokenizer.json) is listed as incomplete with what it lacks, and copies are listed per host.
import { describe, expect, it } from 'vitest';
import { cachedByHost, listCachedModels, type CacheLike } from '../../src/lib/scoring/model-cache.ts';

function cacheOf(urls: string[]): CacheLike {
  return {
    keys: async () => urls.map((url) => ({ url })),
    match: async () => ({ headers: { get: () => '100' }, blob: async () => ({ size: 100 }) }),
    delete: async () => true,
  };
}

describe('cached models', () => {
  const files = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'];
  const urls = [
    ...files.map((f) => `https://huggingface.co/Xenova/toxic-bert/resolve/main/${f}`),
    // The broken mirror served the config, then 404 for tokenizer.json.
    'http://127.0.0.1:35631/Xenova/toxic-bert/resolve/main/config.json',
    ...files.map((f) => `http://127.0.0.1:9000/m/Xenova/toxic-bert/resolve/main/${f}`),
    'http://127.0.0.1:5173/assets/ort-wasm-simd-threaded.jsep.wasm',
  ];

  it('lists a half-downloaded copy as incomplete, with the files it lacks', async () => {
    const list = await listCachedModels(cacheOf(urls));
    const missing = Object.fromEntries(list.map((m) => [m.host, m.missing]));
    expect(missing['https://huggingface.co/']).toEqual([]);
    expect(missing['http://127.0.0.1:9000/m/']).toEqual([]);
    expect(missing['http://127.0.0.1:35631/']).toEqual(['tokenizer.json', 'tokenizer_config.json', 'ONNX weights (onnx/*.onnx)']);
    // ONNX Runtime's own files are no model: nothing is missing from them.
    expect(missing['']).toEqual([]);
  });

  it('groups the copies by host: the hub, then each mirror, then this site', async () => {
    const hosts = cachedByHost(await listCachedModels(cacheOf(urls)));
    expect(hosts.map((h) => [h.label, h.models.map((m) => `${m.repo}@${m.revision}`)])).toEqual([
      ['the Hugging Face hub', ['Xenova/toxic-bert@main']],
      ['the mirror http://127.0.0.1:35631/', ['Xenova/toxic-bert@main']],
      ['the mirror http://127.0.0.1:9000/m/', ['Xenova/toxic-bert@main']],
      ['this site', ['http://127.0.0.1:5173/assets@null']],
    ]);
  });
});
