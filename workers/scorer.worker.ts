// The scorer worker: transformers.js + ONNX Runtime Web off the main thread, exposed with comlink.
// The ONNX Runtime wasm is self-hosted through Vite (?url): nothing is fetched from a CDN.
//
// transformers.js imports `onnxruntime-web/webgpu`, whose bundle would load the ".asyncify" wasm;
// vite.config.ts aliases it to `onnxruntime-web/wasm` (the plain SIMD build: half the size, twice as
// fast to start), so these two files must be the plain build's, or a second 27 MB wasm gets emitted.
import * as Comlink from 'comlink';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import ortMjs from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import { ScorerService } from '../src/lib/scoring/service.ts';
import { scorerThreads } from '../src/lib/scoring/threads.ts';

const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;

const service = new ScorerService({
  device: 'wasm',
  wasmPaths: { wasm: ortWasm, mjs: ortMjs },
  wasmThreads: scorerThreads(isolated, navigator.hardwareConcurrency),
  browserCache: true,
});

Comlink.expose(service);

export type ScorerWorkerApi = ScorerService;
