// Where the browser's gap comes from: the same q8 model file run with raw ONNX Runtime sessions in
// Node, once with onnxruntime-node (native kernels) and once with onnxruntime-web's wasm build (the
// kernels the browser worker runs), both on one thread, on the same input. If wasm-in-Node is as far
// behind native as the browser worker is, the gap is ONNX Runtime's wasm kernels, not the worker,
// transformers.js or the bench. onnxruntime-web comes with @huggingface/transformers.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as ortNode from 'onnxruntime-node';
import { BENCH_MODELS_DIR, BENCH_ORG, tokensPerItem, type Shape } from './workload.ts';

interface Ort {
  InferenceSession: { create(model: string | Uint8Array, opts: Record<string, unknown>): Promise<{ run(feeds: Record<string, unknown>): Promise<unknown>; release(): Promise<void> }> };
  Tensor: new (type: 'int64', data: BigInt64Array, dims: number[]) => unknown;
}

export interface KernelCheck {
  shape: Shape['name'];
  model: string;
  sequenceTokens: number;
  nativeMsPerRun: number;
  wasmMsPerRun: number;
  /** native ms ÷ wasm ms: the share of native speed wasm reaches on one thread. */
  wasmVsNative: number;
}

async function msPerRun(ort: Ort, model: string | Uint8Array, opts: Record<string, unknown>, tokens: number, runs: number): Promise<number> {
  const session = await ort.InferenceSession.create(model, opts);
  // [CLS] w w … [SEP]: any in-vocabulary ids do; only the shape matters for speed.
  const ids = BigInt64Array.from({ length: tokens }, (_, i) => BigInt(i === 0 ? 2 : i === tokens - 1 ? 3 : 60 + (i % 150)));
  const feeds = {
    input_ids: new ort.Tensor('int64', ids, [1, tokens]),
    attention_mask: new ort.Tensor('int64', ids.map(() => 1n), [1, tokens]),
    token_type_ids: new ort.Tensor('int64', new BigInt64Array(tokens), [1, tokens]),
  };
  await session.run(feeds); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await session.run(feeds);
  const ms = (performance.now() - t0) / runs;
  await session.release();
  return ms;
}

export async function kernelCheck(shape: Shape, role: 'nli' | 'toxicity', runs = 4): Promise<KernelCheck> {
  const name = shape.models[role]!;
  const file = path.join(BENCH_MODELS_DIR, BENCH_ORG, name, 'onnx/model_quantized.onnx');
  const tokens = tokensPerItem().responseStatementPair;
  // The plain SIMD wasm build, loaded from the package's dist folder (no CDN, no threads).
  const webDist = path.dirname(createRequire(import.meta.url).resolve('onnxruntime-web/wasm'));
  const web = (await import(pathToFileURL(path.join(webDist, 'ort.wasm.min.mjs')).href)) as Ort & { env: { wasm: { numThreads: number; wasmPaths: string } } };
  web.env.wasm.numThreads = 1;
  web.env.wasm.wasmPaths = `${webDist}/`;
  const nativeMsPerRun = await msPerRun(ortNode as unknown as Ort, file, { intraOpNumThreads: 1 }, tokens, runs);
  const wasmMsPerRun = await msPerRun(web, new Uint8Array(fs.readFileSync(file)), { executionProviders: ['wasm'] }, tokens, runs);
  return { shape: shape.name, model: `${BENCH_ORG}/${name} (q8)`, sequenceTokens: tokens, nativeMsPerRun, wasmMsPerRun, wasmVsNative: nativeMsPerRun / wasmMsPerRun };
}
