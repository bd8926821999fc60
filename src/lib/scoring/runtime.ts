// The only module of lib/scoring that imports transformers.js. It configures `env` (hub or mirror,
// local folder, caches, self-hosted wasm) and turns a ModelSpec into the ClassifyFn / EmbedFn the
// math takes. Runs in the browser worker (onnxruntime-web) and in Node (onnxruntime-node).
//
// Pair scoring calls the tokenizer with `text_pair` and the model directly: the
// `text-classification` pipeline silently ignores `text_pair`, which would score the first text
// alone. Probabilities are computed by the caller through config.id2label (labels.ts).
import { AutoModel, AutoModelForSequenceClassification, AutoTokenizer, Tensor, env } from '@huggingface/transformers';
import { fitToLength, padBatch, type Encoding } from './encode.ts';
import { watchedFetch } from './download-watch.ts';
import { verifiedResponse } from './file-integrity.ts';
import { lengthBatches } from './length-batches.ts';
import { rememberingClassify, rememberingEmbed } from './remembered-outputs.ts';
import { l2normalize, meanPool } from './fit.ts';
import type { ClassifyFn, ClassifyInput, ClassifyOutput, EmbedFn, EmbedOutput, Id2Label, LoadProgress, ModelSpec, PinnedFile } from './types.ts';

export const HF_HUB = 'https://huggingface.co/';
export const HUB_PATH_TEMPLATE = '{model}/resolve/{revision}/';

/**
 * Where models come from. 'hub' (default): huggingface.co. 'mirror': a base URL laid out like the
 * hub (<base>/<repo>/resolve/<revision>/<file>, or `pathTemplate`). 'local': files at
 * <folder>/<repo>/<file>; in Node a filesystem path, in the browser a URL *path* on this origin
 * (transformers.js reads env.localModelPath as a path, never as an http:// URL). 'files': a folder
 * the user picked in the browser, as relative path ("<owner>/<name>/<file>") → file contents.
 */
export type ModelSource =
  | { kind: 'hub' }
  | { kind: 'mirror'; baseUrl: string; pathTemplate?: string }
  | { kind: 'local'; path: string }
  | { kind: 'files'; files: Record<string, Blob>; folderName: string };

/** The made-up local path under which picked files are served to transformers.js (never fetched). */
export const PICKED_FILES_PATH = '/__personascope-picked-models__/';

/** transformers.js's fetch hook (string or URL in, Response out). */
type EnvFetch = typeof env.fetch;

/** A fetch that answers requests under PICKED_FILES_PATH from the picked files, others as usual. */
function pickedFilesFetch(files: Record<string, Blob>, fallback: EnvFetch): EnvFetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input.href;
    const at = url.indexOf(PICKED_FILES_PATH);
    if (at < 0) return fallback(input, init);
    const rel = decodeURIComponent(url.slice(at + PICKED_FILES_PATH.length).split(/[?#]/)[0]);
    const file = files[rel];
    if (!file) return new Response(`not in the chosen folder: ${rel}`, { status: 404, statusText: 'Not Found' });
    return new Response(file, { status: 200, headers: { 'content-length': String(file.size) } });
  };
}

/** Pinned files of the models loaded so far, by the URL transformers.js downloads them from. */
const pinnedUrls = new Map<string, { pin: PinnedFile; name: string }>();

/** A fetch that checks downloads of pinned files against their pins (file-integrity.ts). */
function pinCheckingFetch(fallback: EnvFetch): EnvFetch {
  return async (input, init) => {
    const response = await fallback(input, init);
    const expected = pinnedUrls.get(typeof input === 'string' ? input : input.href);
    // Only whole-file downloads are checked: not HEAD, nor transformers.js's one-byte range probe for
    // the file's size, even when a server ignores the range and answers 200 (the probe then drops the body).
    const probe = init?.method === 'HEAD' || new Headers(init?.headers).has('range');
    return expected && response.status === 200 && !probe ? verifiedResponse(response, expected.pin, expected.name) : response;
  };
}

/** The URL transformers.js downloads a repo file from: its hub.js joins these three parts so. */
function remoteFileUrl(repo: string, revision: string, file: string): string {
  const parts = [env.remoteHost, env.remotePathTemplate.replaceAll('{model}', repo).replaceAll('{revision}', encodeURIComponent(revision)), file];
  const last = parts.length - 1;
  return parts.map((p, i) => (i > 0 ? p.replace(/^\//, '') : p)).map((p, i) => (i < last ? p.replace(/\/$/, '') : p)).join('/');
}

/** Remember where a pinned model's files will be downloaded from, so those downloads are checked. */
function expectPinnedFiles(spec: ModelSpec): void {
  if (!spec.revisionPinned || !spec.pinnedFiles || !env.allowRemoteModels) return;
  for (const [file, pin] of Object.entries(spec.pinnedFiles)) {
    const url = remoteFileUrl(spec.repo, spec.revision, file);
    pinnedUrls.set(url, { pin, name: `${file} of ${spec.repo} (revision ${spec.revision.slice(0, 12)}) from ${url}` });
  }
}

export interface RuntimeConfig {
  /** Where models come from (see ModelSource). */
  source?: ModelSource;
  /** Browser: keep downloads in the Cache API (default true where available). */
  browserCache?: boolean;
  /**
   * Node: folder for downloaded model files (default: transformers.js's own cache folder; null: no
   * file cache, which only works for a local source since onnxruntime-node loads files by path).
   */
  fsCacheDir?: string | null;
  /** Browser: self-hosted ONNX Runtime wasm files (never the CDN). */
  wasmPaths?: { wasm: string; mjs: string };
  /** Browser: wasm threads (1 when the page is not cross-origin isolated). */
  wasmThreads?: number;
  /**
   * Node: threads ONNX Runtime uses inside one model call (session option intraOpNumThreads) for
   * models loaded from now on; default: onnxruntime-node's own choice (one per core). Lets the bench
   * compare Node single-threaded with the single-threaded browser worker.
   */
  intraOpThreads?: number;
  /** Override fetch (tests, offline detection). */
  fetch?: typeof fetch;
  /** A download with no answer, or no new bytes, for this long ends with a message (default 30 s). */
  stallMs?: number;
}

const DEFAULT_STALL_MS = 30_000;

let baseFetch: EnvFetch | null = null;

// Session options given to every model loaded after configureRuntime (env has no such setting).
let sessionOptions: Record<string, unknown> = {};

/** Apply a RuntimeConfig to transformers.js's global env. Call before loading. */
export function configureRuntime(cfg: RuntimeConfig = {}): void {
  sessionOptions = cfg.intraOpThreads !== undefined ? { intraOpNumThreads: cfg.intraOpThreads } : {};
  const source = cfg.source ?? { kind: 'hub' };
  // Keep the platform fetch once, so switching sources never wraps a wrapper.
  const platformFetch = (baseFetch ??= env.fetch);
  env.fetch = cfg.fetch ?? platformFetch;
  if (source.kind === 'files') {
    env.allowLocalModels = true;
    env.allowRemoteModels = false;
    env.localModelPath = PICKED_FILES_PATH;
    env.fetch = pickedFilesFetch(source.files, env.fetch);
  } else if (source.kind === 'local') {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source.path)) {
      throw new Error(`a local models folder must be a path, not a URL (${source.path}); use a mirror base URL instead`);
    }
    env.allowLocalModels = true;
    env.allowRemoteModels = false;
    env.localModelPath = source.path.endsWith('/') ? source.path : `${source.path}/`;
  } else {
    env.allowLocalModels = false;
    env.allowRemoteModels = true;
    env.fetch = pinCheckingFetch(watchedFetch(env.fetch, cfg.stallMs ?? DEFAULT_STALL_MS));
    env.remoteHost = source.kind === 'mirror' ? (source.baseUrl.endsWith('/') ? source.baseUrl : `${source.baseUrl}/`) : HF_HUB;
    env.remotePathTemplate = source.kind === 'mirror' ? (source.pathTemplate ?? HUB_PATH_TEMPLATE) : HUB_PATH_TEMPLATE;
  }
  // The Cache API exists in browsers and workers; transformers.js throws if asked to use it elsewhere.
  // Files the user picked are on their disk already: caching them again would only cost space.
  env.useBrowserCache = (cfg.browserCache ?? true) && typeof caches !== 'undefined' && source.kind !== 'files';
  // Node: onnxruntime-node opens model files by path, so remote files must land in a file cache
  // (transformers.js fails with "Unable to get model file path or buffer" otherwise).
  // Not for a local folder: transformers.js looks in its cache first, so a copy downloaded earlier
  // (from the hub, under the same repo path) would be used instead of the folder's files.
  env.useFSCache = env.useFS && cfg.fsCacheDir !== null && source.kind !== 'local';
  if (cfg.fsCacheDir) env.cacheDir = cfg.fsCacheDir;
  const wasm = env.backends.onnx.wasm;
  if (wasm) {
    if (cfg.wasmPaths) wasm.wasmPaths = { ...cfg.wasmPaths };
    if (cfg.wasmThreads !== undefined) wasm.numThreads = cfg.wasmThreads;
    wasm.proxy = false; // we are already off the main thread
  }
}

/** The Cache API bucket transformers.js downloads into, or null outside browsers/workers. */
export async function openModelCache(): Promise<Cache | null> {
  if (typeof caches === 'undefined') return null;
  return caches.open(env.cacheKey);
}

export type LoadProgressFn = (p: LoadProgress) => void;

// Minimal shapes of the transformers.js objects we touch (their d.ts types are very wide).
interface Tok {
  (text: string[], opts: Record<string, unknown>): Record<string, number[][]>;
  encode(text: string, opts?: { add_special_tokens?: boolean }): number[];
  decode(ids: number[], opts?: { skip_special_tokens?: boolean }): string;
  pad_token_id: number;
  model_max_length: number;
}
interface Model {
  (inputs: Record<string, Tensor>): Promise<Record<string, Tensor>>;
  config: { id2label?: Id2Label; max_position_embeddings?: number };
  dispose(): Promise<unknown>;
}

export interface LoadedModel {
  spec: ModelSpec;
  maxTokens: number;
  id2label: Id2Label | null;
  dispose(): Promise<void>;
}
export interface LoadedClassifier extends LoadedModel {
  classify: ClassifyFn;
}
export interface LoadedEmbedder extends LoadedModel {
  embed: EmbedFn;
}

function progressAdapter(spec: ModelSpec, onProgress?: LoadProgressFn) {
  if (!onProgress) return undefined;
  return (info: Record<string, unknown>) => {
    const status = info.status as string;
    if (status !== 'initiate' && status !== 'download' && status !== 'progress' && status !== 'done' && status !== 'ready') return;
    onProgress({
      role: spec.role,
      repo: spec.repo,
      file: typeof info.file === 'string' ? info.file : null,
      status,
      loadedBytes: typeof info.loaded === 'number' ? info.loaded : 0,
      totalBytes: typeof info.total === 'number' ? info.total : 0,
    });
  };
}

/** Where transformers.js reads a repo file from under the current settings, as messages name it. */
function fileLocation(spec: ModelSpec, file: string): string {
  if (env.allowRemoteModels) return remoteFileUrl(spec.repo, spec.revision, file);
  // A picked folder is served under a made-up path: its files are named from the folder down.
  return env.localModelPath === PICKED_FILES_PATH ? `${spec.repo}/${file}` : `${env.localModelPath}${spec.repo}/${file}`;
}

/**
 * transformers.js reads the tokenizer only when tokenizer_config.json exists, and without it fails
 * with "Cannot read properties of undefined (reading 'tokenizer_class')": name the missing file.
 */
async function loadTokenizer(spec: ModelSpec, opts: Record<string, unknown>): Promise<Tok> {
  try {
    return (await AutoTokenizer.from_pretrained(spec.repo, opts as never)) as unknown as Tok;
  } catch (e) {
    if (e instanceof TypeError && /tokenizer_class/.test(e.message)) throw new Error(`${fileLocation(spec, 'tokenizer_config.json')} not found`);
    throw e;
  }
}

async function loadParts(spec: ModelSpec, kind: 'classifier' | 'embedder', onProgress?: LoadProgressFn, device?: string) {
  expectPinnedFiles(spec);
  const opts = {
    revision: spec.revision,
    progress_callback: progressAdapter(spec, onProgress),
  };
  const tokenizer = await loadTokenizer(spec, opts);
  const Auto = kind === 'classifier' ? AutoModelForSequenceClassification : AutoModel;
  const model = (await Auto.from_pretrained(spec.repo, {
    ...opts,
    dtype: spec.dtype,
    ...(device ? { device } : {}),
    session_options: { ...sessionOptions },
  } as never)) as unknown as Model;
  const posLimit = model.config.max_position_embeddings ?? Infinity;
  const tokLimit = Number.isFinite(tokenizer.model_max_length) ? tokenizer.model_max_length : Infinity;
  // 512: no model we use reads more; guards against tokenizers that report model_max_length = 1e30.
  const maxTokens = Math.min(posLimit, tokLimit, spec.maxTokens ?? 512, 512);
  return { tokenizer, model, maxTokens };
}

/**
 * Encode inputs (pairs or single texts) with special tokens, each cut to maxTokens keeping its
 * special tokens. Texts far longer than the model takes are first shortened at the token level so a
 * 200 kB response is tokenised once, not once per persona statement.
 */
function encodeBatch(tok: Tok, inputs: readonly ClassifyInput[] | readonly string[], maxTokens: number): { encodings: Encoding[]; truncated: boolean[] } {
  const items: ClassifyInput[] = inputs.map((x) => (typeof x === 'string' ? { text: x } : x));
  const short = new Map<string, { text: string; cut: boolean }>();
  const shorten = (t: string) => {
    let s = short.get(t);
    if (!s) {
      // Cheap bound first: a token covers at least one character.
      if (t.length <= maxTokens) s = { text: t, cut: false };
      else {
        const ids = tok.encode(t, { add_special_tokens: false });
        s = ids.length <= maxTokens ? { text: t, cut: false } : { text: tok.decode(ids.slice(0, maxTokens), { skip_special_tokens: true }), cut: true };
      }
      short.set(t, s);
    }
    return s;
  };
  const encodings: Encoding[] = [];
  const truncated: boolean[] = [];
  for (const it of items) {
    const a = shorten(it.text);
    const b = it.textPair !== undefined ? shorten(it.textPair) : null;
    const raw = b
      ? tok([a.text], { text_pair: [b.text], padding: false, truncation: false, return_tensor: false })
      : tok([a.text], { padding: false, truncation: false, return_tensor: false });
    const full: Encoding = {
      input_ids: raw.input_ids[0].map(Number),
      attention_mask: raw.attention_mask[0].map(Number),
      ...(raw.token_type_ids ? { token_type_ids: raw.token_type_ids[0].map(Number) } : {}),
    };
    const fit =
      full.input_ids.length <= maxTokens
        ? { encoding: full, truncated: false }
        : fitToLength(full, tok.encode(a.text, { add_special_tokens: false }), b ? tok.encode(b.text, { add_special_tokens: false }) : null, maxTokens);
    encodings.push(fit.encoding);
    truncated.push(a.cut || (b?.cut ?? false) || fit.truncated);
  }
  return { encodings, truncated };
}

function toTensors(tok: Tok, encodings: Encoding[]): Record<string, Tensor> {
  const padded = padBatch(encodings, tok.pad_token_id ?? 0);
  const t = (arr: number[]) => new Tensor('int64', BigInt64Array.from(arr, (x) => BigInt(x)), padded.dims);
  const out: Record<string, Tensor> = { input_ids: t(padded.input_ids), attention_mask: t(padded.attention_mask) };
  if (padded.token_type_ids) out.token_type_ids = t(padded.token_type_ids);
  return out;
}

export interface LoadOptions {
  onProgress?: LoadProgressFn;
  /** transformers.js device: 'wasm' (the browser bundle ships only ONNX Runtime's plain wasm build, see vite.config.ts) or 'cpu' in Node; default: the library's choice. */
  device?: string;
  /** Most inputs per model call (default 16); inputs are grouped by length (length-batches.ts). */
  batchSize?: number;
}

export async function loadClassifier(spec: ModelSpec, opts: LoadOptions = {}): Promise<LoadedClassifier> {
  const { tokenizer, model, maxTokens } = await loadParts(spec, 'classifier', opts.onProgress, opts.device);
  const id2label = model.config.id2label ?? {};
  const batchSize = opts.batchSize ?? 16;
  const classify: ClassifyFn = async (inputs) => {
    const { encodings, truncated } = encodeBatch(tokenizer, inputs, maxTokens);
    const logits: number[][] = new Array(inputs.length);
    for (const batch of lengthBatches(encodings.map((e) => e.input_ids.length), batchSize)) {
      const result = await model(toTensors(tokenizer, batch.map((i) => encodings[i])));
      const [, c] = result.logits.dims as [number, number];
      const data = result.logits.data as Float32Array;
      batch.forEach((i, r) => (logits[i] = Array.from(data.subarray(r * c, (r + 1) * c))));
    }
    return { id2label, logits, truncated, maxTokens } satisfies ClassifyOutput;
  };
  return { spec, maxTokens, id2label, classify: rememberingClassify(classify), dispose: async () => void (await model.dispose()) };
}

export async function loadEmbedder(spec: ModelSpec, opts: LoadOptions = {}): Promise<LoadedEmbedder> {
  const { tokenizer, model, maxTokens } = await loadParts(spec, 'embedder', opts.onProgress, opts.device);
  const batchSize = opts.batchSize ?? 16;
  const embed: EmbedFn = async (texts) => {
    const { encodings, truncated } = encodeBatch(tokenizer, texts, maxTokens);
    const vectors: number[][] = new Array(texts.length);
    for (const batch of lengthBatches(encodings.map((e) => e.input_ids.length), batchSize)) {
      const inputs = toTensors(tokenizer, batch.map((i) => encodings[i]));
      const hidden = (await model(inputs)).last_hidden_state;
      const pooled = meanPool(hidden.data as Float32Array, hidden.dims as [number, number, number], inputs.attention_mask.data as BigInt64Array);
      batch.forEach((i, r) => (vectors[i] = l2normalize(pooled[r])));
    }
    return { vectors, truncated, maxTokens } satisfies EmbedOutput;
  };
  return { spec, maxTokens, id2label: null, embed: rememberingEmbed(embed), dispose: async () => void (await model.dispose()) };
}
