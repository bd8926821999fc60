// The scorer as a service: load models (with download progress), score a batch (with items-done
// and ETA progress, one callback per finished row), cancel, free. The browser worker exposes an
// instance of this class through comlink; Node (CLI, tests) uses it directly.
import { cancelDownloads } from './download-watch.ts';
import { deleteCachedModel, listCachedModels, type CachedCopy, type CachedModel, type CacheLike } from './model-cache.ts';
import { configureRuntime, loadClassifier, loadEmbedder, openModelCache, type LoadedClassifier, type LoadedEmbedder, type ModelSource, type RuntimeConfig } from './runtime.ts';
import { sameModel } from './registry.ts';
import { pickRemembered, type RememberedMappings } from './remembered-mappings.ts';
import { guessColumnMapping, missingColumns, parseFile, toScoreInputs, type ColumnMapping } from './input.ts';
import { scoreBatch, type BatchSummary, type ScorerModels } from './scorer.ts';
import type { BatchProgress, LoadProgress, ModelSpec, RowIssue, RowOutcome, ScoreInput, ScoreOptions, ScoringRole } from './types.ts';

export interface ServiceConfig extends RuntimeConfig {
  /** transformers.js device: 'wasm' in the browser worker, left to the library in Node. */
  device?: string;
  /** Inputs per model call. */
  batchSize?: number;
}

/** Download progress of one load() call, summed over its files. */
export interface LoadProgressEvent extends LoadProgress {
  /** Bytes of every file seen so far in this load() call. */
  overallLoaded: number;
  overallTotal: number;
}

export interface LoadedModelInfo {
  role: ScoringRole;
  repo: string;
  revision: string;
  dtype: string;
  maxTokens: number;
  id2label: Record<string, string> | null;
}

/** A batch file read for scoring: its columns, the mapping used, the rows to score and the problems. */
export interface BatchFile {
  columns: string[];
  mapping: ColumnMapping;
  /** Required columns the mapping lacks (no inputs until they are mapped). */
  missing: string[];
  /** Data rows found in the file. */
  rows: number;
  inputs: ScoreInput[];
  issues: RowIssue[];
}

/** Parse and validate a CSV/TSV/JSONL batch (off the main thread in the browser: files can be large). */
/**
 * `mapping`: the columns as the reviewer chose them; without it, one `remembered` for files with these
 * columns, else a guess from the column names.
 */
export async function readBatchFile(file: Blob, fileName: string, mapping?: ColumnMapping, remembered: RememberedMappings = []): Promise<BatchFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) {
    const issue: RowIssue = { level: 'error', code: 'missing-columns', message: `${fileName} is empty (0 bytes)`, line: null, id: null };
    return { columns: [], mapping: guessColumnMapping([]), missing: [], rows: 0, inputs: [], issues: [issue] };
  }
  const parsed = parseFile(fileName, bytes);
  const used = mapping ?? pickRemembered(parsed.columns, remembered) ?? guessColumnMapping(parsed.columns);
  const { inputs, issues } = toScoreInputs(parsed, used);
  return { columns: parsed.columns, mapping: used, missing: missingColumns(used), rows: parsed.rows.length, inputs, issues };
}

export class ModelUnavailableError extends Error {
  override name = 'ModelUnavailableError';
}

export class BusyError extends Error {
  override name = 'BusyError';
}

type Loaded = LoadedClassifier | LoadedEmbedder;

/** What tells two sources apart (picked files arrive as a fresh copy on every call: by name and size). */
function sourceKey(s: ModelSource): string {
  if (s.kind === 'files') return JSON.stringify([s.kind, s.folderName, Object.entries(s.files).map(([name, blob]) => [name, blob.size]).sort()]);
  return JSON.stringify(s);
}


/**
 * Why a download could not start and what to do, for the source used (the hub, or a mirror that
 * is null here) and where it runs: the page's settings, or the CLI's --models.
 */
function unreachable(mirror: string | null): string {
  // The Cache API exists in browsers and their workers, not in Node.
  const browser = typeof caches !== 'undefined';
  const cached = browser ? "it is not in this browser's model cache" : 'it is not in the model cache';
  if (mirror) {
    const other = browser ? 'switch the settings back to the Hugging Face hub, or load the models from a local folder' : 'leave out --models to use the Hugging Face hub, or give --models a local folder';
    return `${cached} and the mirror ${mirror} cannot be reached (offline?). Check that the mirror is running at that address, ${other}.`;
  }
  const other = browser ? 'point the settings at a mirror, or load it from a local folder' : 'or give --models a mirror URL or a local folder';
  return `${cached} and the Hugging Face hub cannot be reached (offline?). Connect once to download it, ${other}.`;
}

/** A load error in words a reviewer can act on. */
export function describeLoadError(e: unknown, spec: ModelSpec, cfg: RuntimeConfig): ModelUnavailableError {
  const msg = e instanceof Error ? e.message : String(e);
  const source = cfg.source ?? { kind: 'hub' };
  const where =
    source.kind === 'local'
      ? `the local folder ${source.path}`
      : source.kind === 'files'
        ? `the chosen folder “${source.folderName}”`
        : source.kind === 'mirror'
          ? `the mirror ${source.baseUrl}`
          : 'the Hugging Face hub';
  // A file that differs from its pin says so itself; its sizes and hashes must not read as a 404.
  if (/is not the file the model is pinned to/.test(msg)) return new ModelUnavailableError(`Cannot load ${spec.repo} from ${where}: ${msg}`);
  // Only a download can fail for want of a network: a folder's failure (a corrupt file, memory) is
  // said as it is, even when the browser is offline. ONNX Runtime's own code failing to load
  // ("Failed to fetch dynamically imported module") is not the model's download either.
  const remote = source.kind === 'hub' || source.kind === 'mirror';
  const networkError = /failed to fetch|fetch failed|networkerror|network error|load failed|econnrefused|enotfound|eai_again/i.test(msg) && !/dynamically imported module/i.test(msg);
  const offlineNow = typeof navigator !== 'undefined' && 'onLine' in navigator && navigator.onLine === false;
  if (remote && (networkError || offlineNow)) return new ModelUnavailableError(`Cannot load ${spec.repo}: ${unreachable(source.kind === 'mirror' ? source.baseUrl : null)}`);
  if (/\b404\b|not found|could not locate/i.test(msg)) {
    return new ModelUnavailableError(`Cannot load ${spec.repo} (${spec.dtype}) from ${where}: a file is missing (${msg}).`);
  }
  return new ModelUnavailableError(`Cannot load ${spec.repo} from ${where}: ${msg}`);
}

export class ScorerService {
  private config: ServiceConfig;
  private models = new Map<ScoringRole, Loaded>();
  private running: AbortController | null = null;
  /** load() calls in progress. */
  private loads = 0;

  constructor(config: ServiceConfig = {}) {
    this.config = { ...config };
    configureRuntime(this.config);
  }

  /**
   * Change where models come from (hub, mirror, local folder) and cache settings. Models loaded
   * from another source are freed: a repo at "main" may differ between the hub, a mirror and a
   * folder, and a batch must be scored with the copy the settings name.
   */
  async configure(config: Partial<ServiceConfig>): Promise<void> {
    const moved = config.source !== undefined && sourceKey(config.source) !== sourceKey(this.config.source ?? { kind: 'hub' });
    this.config = { ...this.config, ...config };
    configureRuntime(this.config);
    if (moved) await this.free();
  }

  /**
   * Load (or keep, when already loaded) the model of each given role. Replaced models are freed.
   * Progress events carry per-file and summed byte counts.
   */
  async load(specs: Partial<Record<ScoringRole, ModelSpec>>, onProgress?: (p: LoadProgressEvent) => void): Promise<LoadedModelInfo[]> {
    const files = new Map<string, { loaded: number; total: number }>();
    const progress = (p: LoadProgress) => {
      if (p.file && (p.totalBytes || p.loadedBytes)) files.set(`${p.repo}/${p.file}`, { loaded: p.loadedBytes, total: p.totalBytes });
      let overallLoaded = 0;
      let overallTotal = 0;
      for (const f of files.values()) {
        overallLoaded += f.loaded;
        overallTotal += f.total;
      }
      onProgress?.({ ...p, overallLoaded, overallTotal });
    };
    this.loads++;
    try {
      return await this.loadEach(specs, progress);
    } finally {
      this.loads--;
    }
  }

  private async loadEach(specs: Partial<Record<ScoringRole, ModelSpec>>, progress: (p: LoadProgress) => void): Promise<LoadedModelInfo[]> {
    const out: LoadedModelInfo[] = [];
    for (const [role, spec] of Object.entries(specs) as [ScoringRole, ModelSpec][]) {
      if (spec.role !== role) throw new Error(`model ${spec.repo} is a ${spec.role} model, not ${role}`);
      let m = this.models.get(role);
      if (!m || !sameModel(m.spec, spec)) {
        if (m) await m.dispose();
        this.models.delete(role);
        const opts = { onProgress: progress, device: this.config.device, batchSize: this.config.batchSize };
        try {
          m = role === 'embedding' ? await loadEmbedder(spec, opts) : await loadClassifier(spec, opts);
        } catch (e) {
          throw describeLoadError(e, spec, this.config);
        }
        this.models.set(role, m);
      }
      out.push({ role, repo: spec.repo, revision: spec.revision, dtype: spec.dtype, maxTokens: m.maxTokens, id2label: m.id2label as Record<string, string> | null });
    }
    return out;
  }

  loaded(): LoadedModelInfo[] {
    return [...this.models.entries()].map(([role, m]) => ({
      role,
      repo: m.spec.repo,
      revision: m.spec.revision,
      dtype: m.spec.dtype,
      maxTokens: m.maxTokens,
      id2label: m.id2label as Record<string, string> | null,
    }));
  }

  private scorerModels(): ScorerModels {
    const s: ScorerModels = {};
    for (const [role, m] of this.models) {
      if (role === 'embedding') s.embedding = { spec: m.spec, embed: (m as LoadedEmbedder).embed };
      else s[role] = { spec: m.spec, classify: (m as LoadedClassifier).classify };
    }
    return s;
  }

  /** Score a batch; one batch at a time. Resolves with cancelled=true after cancel(). */
  async score(
    items: ScoreInput[],
    options: ScoreOptions,
    onProgress?: (p: BatchProgress) => void,
    onRow?: (outcome: RowOutcome, index: number) => void | Promise<void>,
  ): Promise<BatchSummary> {
    if (this.running) throw new BusyError('a batch is already being scored; cancel it first');
    const ctl = new AbortController();
    this.running = ctl;
    try {
      return await scoreBatch(items, this.scorerModels(), options, { signal: ctl.signal, onProgress, onRow });
    } finally {
      if (this.running === ctl) this.running = null;
    }
  }

  /**
   * Stop the running batch before its next row, and end the model downloads of a load in progress
   * (which then fails). Returns whether either was running.
   */
  cancel(): boolean {
    const loading = this.loads > 0;
    if (loading) cancelDownloads();
    if (!this.running) return loading;
    this.running.abort();
    return true;
  }

  readBatchFile(file: Blob, fileName: string, mapping?: ColumnMapping, remembered?: RememberedMappings): Promise<BatchFile> {
    return readBatchFile(file, fileName, mapping, remembered);
  }

  /** Models in the browser's cache with their sizes (empty outside browsers). */
  async cachedModels(): Promise<CachedModel[]> {
    const cache = await openModelCache();
    return cache ? listCachedModels(cache as unknown as CacheLike) : [];
  }

  /**
   * Delete a model's cached files (of one revision and from one host, when given: the hub's copy
   * and a mirror's are listed apart); a loaded copy stays usable until freed. Returns files deleted.
   */
  async deleteCachedModel(repo: string, only: CachedCopy = {}): Promise<number> {
    const cache = await openModelCache();
    return cache ? deleteCachedModel(cache as unknown as CacheLike, repo, only) : 0;
  }

  /** Release models (all, or the given roles). */
  async free(roles?: ScoringRole[]): Promise<void> {
    for (const role of roles ?? [...this.models.keys()]) {
      const m = this.models.get(role);
      if (!m) continue;
      this.models.delete(role);
      await m.dispose();
    }
  }
}
