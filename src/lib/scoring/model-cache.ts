// Models the browser has cached (Cache API, where transformers.js keeps downloads): list them with
// their size and delete one. Works on any Cache-like object so it can be tested without a browser.
// A download that failed half way (a mirror missing a file) leaves some files cached: such a copy
// is listed as incomplete, with the files it lacks, not as a model.
import { modelFiles } from './model-files.ts';

/** The part of the Web Cache API we use. */
export interface CacheLike {
  keys(): Promise<readonly { url: string }[]>;
  match(request: { url: string } | string): Promise<{ headers: { get(name: string): string | null }; blob(): Promise<{ size: number }> } | undefined>;
  delete(request: { url: string } | string): Promise<boolean>;
}

export interface CachedModel {
  /** "owner/name" for hub-layout URLs; the URL's directory otherwise. */
  repo: string;
  revision: string | null;
  /** Origin (and path prefix) the files came from: the hub or a mirror. */
  host: string;
  files: { file: string; bytes: number; url: string }[];
  bytes: number;
  /** Files the scorer loads that this copy lacks (empty: complete; always empty outside the hub layout). */
  missing: string[];
}

/** Cached copies of one host: the hub, a mirror, or this site (ONNX Runtime's files). */
export interface CachedHost {
  host: string;
  /** "the Hugging Face hub", "the mirror https://…/", "this site". */
  label: string;
  models: CachedModel[];
}

const HUB = 'https://huggingface.co/';
/** Weights go by dtype (onnx/model.onnx, onnx/model_quantized.onnx…): any one of them counts. */
const WEIGHTS = 'ONNX weights (onnx/*.onnx)';
const NEEDED = modelFiles('fp32').filter((f) => !f.startsWith('onnx/'));

function missingFiles(files: readonly { file: string }[]): string[] {
  const have = new Set(files.map((f) => f.file));
  const missing = NEEDED.filter((f) => !have.has(f));
  if (!files.some((f) => /^onnx\/.+\.onnx$/.test(f.file))) missing.push(WEIGHTS);
  return missing;
}

/** transformers.js's default Cache API bucket (env.cacheKey). */
export const TRANSFORMERS_CACHE_NAME = 'transformers-cache';

const HUB_LAYOUT = /^(.*?\/)([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/;

export function parseModelUrl(url: string): { host: string; repo: string; revision: string | null; file: string } {
  const m = HUB_LAYOUT.exec(url);
  if (m) return { host: m[1], repo: m[2], revision: decodeURIComponent(m[3]), file: m[4] };
  const cut = url.lastIndexOf('/');
  return { host: '', repo: url.slice(0, cut), revision: null, file: url.slice(cut + 1) };
}

async function sizeOf(cache: CacheLike, key: { url: string }): Promise<number> {
  const res = await cache.match(key);
  if (!res) return 0;
  const header = Number(res.headers.get('content-length'));
  return Number.isFinite(header) && header > 0 ? header : (await res.blob()).size;
}

/** Cached models grouped by host, repo and revision, largest first. */
export async function listCachedModels(cache: CacheLike): Promise<CachedModel[]> {
  const groups = new Map<string, CachedModel>();
  for (const key of await cache.keys()) {
    const { host, repo, revision, file } = parseModelUrl(key.url);
    const id = `${host}\u0000${repo}\u0000${revision ?? ''}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { repo, revision, host, files: [], bytes: 0, missing: [] }));
    const bytes = await sizeOf(cache, key);
    g.files.push({ file, bytes, url: key.url });
    g.bytes += bytes;
  }
  for (const g of groups.values()) if (g.revision !== null) g.missing = missingFiles(g.files);
  return [...groups.values()].sort((a, b) => b.bytes - a.bytes);
}

/** The list by host, the hub first, then the mirrors, then this site's own files. */
export function cachedByHost(models: readonly CachedModel[]): CachedHost[] {
  const hosts = new Map<string, CachedModel[]>();
  for (const m of models) hosts.set(m.host, [...(hosts.get(m.host) ?? []), m]);
  const rank = (host: string) => (host === HUB ? 0 : host ? 1 : 2);
  return [...hosts]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([host, list]) => ({ host, label: host === HUB ? 'the Hugging Face hub' : host ? `the mirror ${host}` : 'this site', models: list }));
}

/** Delete every cached file of a repo (all revisions and hosts unless given). Returns files deleted. */
/** Which copies of a repo: of one revision, from one host (unset: any). */
export interface CachedCopy {
  revision?: string;
  host?: string;
}

export async function deleteCachedModel(cache: CacheLike, repo: string, opts: CachedCopy = {}): Promise<number> {
  let n = 0;
  for (const key of await cache.keys()) {
    const p = parseModelUrl(key.url);
    if (p.repo !== repo) continue;
    if (opts.revision !== undefined && p.revision !== opts.revision) continue;
    if (opts.host !== undefined && p.host !== opts.host) continue;
    if (await cache.delete(key)) n++;
  }
  return n;
}
