// `npm run score -- input.jsonl --out scores.jsonl [--models <dir or base URL>] ...`: score a CSV,
// TSV, JSONL or JSON-array file of persona responses from the command line with the same scorer modules as the
// browser worker (transformers.js on onnxruntime-node).
//
// Good rows are written as they finish; rows that cannot be scored are reported on stderr with
// their line number. Exit code: 0 every row scored, 1 some row (or the file) failed, 2 usage error
// or a model could not be loaded.
import fs from 'node:fs';
import path from 'node:path';
import { parseFile, toScoreInputs } from '../src/lib/scoring/input.ts';
import { csvHeader, csvLine, flattenScore } from '../src/lib/scoring/output.ts';
import { defaultModelSet, rolesFor } from '../src/lib/scoring/registry.ts';
import { unpinned } from '../src/lib/scoring/model-pins.ts';
import type { RuntimeConfig } from '../src/lib/scoring/runtime.ts';
import { runWhenInvoked } from './run-when-invoked.ts';
import type { BatchProgress, ModelDtype, ModelSpec, RowIssue, ScorerName, ScoringRole } from '../src/lib/scoring/types.ts';

const SCORERS: ScorerName[] = ['apc', 'toxicity', 'contradictions', 'fit'];
const ROLES: ScoringRole[] = ['nli', 'relevance', 'toxicity', 'embedding'];

const USAGE = `usage: npm run score -- <input.csv|.tsv|.jsonl|.json> --out <scores.jsonl|.csv> [options]

  --models <dir|url>       a local folder laid out <dir>/<owner>/<name>/..., or a mirror base URL laid
                           out like the hub (<url>/<owner>/<name>/resolve/<revision>/...); default: the hub
  --scorers <list>         comma-separated: ${SCORERS.join(', ')} (default: all)
  --model <role>=<repo>[@<revision>][:<dtype>]
                           use another repo for a role (${ROLES.join(', ')}); labels are read by name
  --threshold <p>          contradiction threshold (default 0.5)
  --cache <dir>            keep downloaded model files in this folder (default: transformers.js's cache)
  --quiet                  no progress bar

Input columns: persona, question, response, optional id, model and statements (the persona's
statements: a JSON list, or one per line; else they are split from the persona). Names are matched
case-insensitively. A CSV may use commas, semicolons or tabs (found from its header); a .json file
is an array of row objects or one object per line.
Output: .jsonl = one nested result per scored row (per-statement detail); .csv = one flat row each.`;

export class UsageError extends Error {}

interface Args {
  input: string;
  out: string;
  models: string | null;
  scorers: ScorerName[];
  overrides: Partial<Record<ScoringRole, { repo: string; revision?: string; dtype?: ModelDtype }>>;
  threshold: number | undefined;
  cache: string | null;
  quiet: boolean;
}

export function parseArgs(argv: string[]): Args {
  const a: Args = { input: '', out: '', models: null, scorers: [...SCORERS], overrides: {}, threshold: undefined, cache: null, quiet: false };
  const positional: string[] = [];
  const need = (i: number, flag: string) => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out' || arg === '-o') a.out = need(++i, arg);
    else if (arg === '--models') a.models = need(++i, arg);
    else if (arg === '--cache') a.cache = need(++i, arg);
    else if (arg === '--quiet' || arg === '-q') a.quiet = true;
    else if (arg === '--threshold') {
      const t = Number(need(++i, arg));
      if (!(t >= 0 && t <= 1)) throw new UsageError('--threshold must be a number between 0 and 1');
      a.threshold = t;
    } else if (arg === '--scorers') {
      const list = need(++i, arg).split(',').map((s) => s.trim()).filter(Boolean);
      const bad = list.filter((s) => !SCORERS.includes(s as ScorerName));
      if (bad.length || !list.length) throw new UsageError(`unknown scorer ${bad.join(', ') || '(none)'}; choose from ${SCORERS.join(', ')}`);
      a.scorers = list as ScorerName[];
    } else if (arg === '--model') {
      const m = /^(\w+)=([^@:\s]+\/[^@:\s]+)(?:@([^:\s]+))?(?::(q8|fp32))?$/.exec(need(++i, arg));
      if (!m || !ROLES.includes(m[1] as ScoringRole)) throw new UsageError(`--model takes <role>=<owner/name>[@revision][:q8|fp32] with role one of ${ROLES.join(', ')}`);
      a.overrides[m[1] as ScoringRole] = { repo: m[2], ...(m[3] ? { revision: m[3] } : {}), ...(m[4] ? { dtype: m[4] as ModelDtype } : {}) };
    } else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 1) throw new UsageError(positional.length ? 'give one input file' : 'no input file');
  a.input = positional[0];
  if (!a.out) throw new UsageError('--out is required');
  return a;
}

function runtimeConfig(a: Args): RuntimeConfig {
  const cfg: RuntimeConfig = { browserCache: false, ...(a.cache ? { fsCacheDir: path.resolve(a.cache) } : {}) };
  if (!a.models) cfg.source = { kind: 'hub' };
  else if (/^https?:\/\//i.test(a.models)) cfg.source = { kind: 'mirror', baseUrl: a.models };
  else {
    const dir = path.resolve(a.models);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`--models: no folder at ${dir}`);
    cfg.source = { kind: 'local', path: dir };
  }
  return cfg;
}

function modelSpecs(a: Args): Partial<Record<ScoringRole, ModelSpec>> {
  const defaults = defaultModelSet();
  const specs: Partial<Record<ScoringRole, ModelSpec>> = {};
  for (const role of rolesFor(a.scorers)) {
    const o = a.overrides[role];
    const spec = { ...defaults[role] };
    if (o) {
      spec.repo = o.repo;
      Object.assign(spec, unpinned(o.revision));
      if (o.dtype) spec.dtype = o.dtype;
    }
    specs[role] = spec;
  }
  return specs;
}

function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

function progressLine(p: BatchProgress): string {
  const finished = p.done + p.failed;
  const width = 24;
  const filled = p.total ? Math.round((finished / p.total) * width) : width;
  const rate = p.itemsPerSecond != null ? `${p.itemsPerSecond.toFixed(1)}/s` : '–/s';
  const eta = p.etaMs != null ? `ETA ${formatDuration(p.etaMs)}` : 'ETA –';
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${finished}/${p.total} rows, ${p.failed} failed, ${rate}, ${eta}`;
}

export async function main(argv: string[]): Promise<number> {
  let args: Args;
  let cfg: RuntimeConfig;
  try {
    args = parseArgs(argv);
    cfg = runtimeConfig(args);
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) console.error(`score: ${e.message}`);
      console.error(USAGE);
      return e.message ? 2 : 0;
    }
    throw e;
  }
  const err = (s: string) => process.stderr.write(`${s}\n`);
  const report = (i: RowIssue) => err(`${i.level === 'error' ? 'error' : 'warning'}: ${i.message}`);

  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(args.input);
  } catch (e) {
    err(`score: cannot read ${args.input}: ${(e as Error).message}`);
    return 2;
  }
  const parsed = parseFile(args.input, bytes);
  const { inputs, issues } = toScoreInputs(parsed);
  let failed = issues.filter((i) => i.level === 'error').length;
  issues.forEach(report);
  if (!inputs.length) {
    err(`score: no row of ${args.input} can be scored`);
    return 1;
  }

  // Imported only now: transformers.js and onnxruntime-node take a while to load.
  const { ScorerService } = await import('../src/lib/scoring/service.ts');
  const service = new ScorerService(cfg);
  const specs = modelSpecs(args);
  const tty = process.stderr.isTTY && !args.quiet;
  try {
    let lastFile = '';
    await service.load(specs, (p) => {
      if (args.quiet || p.status !== 'done' || !p.file || p.file === lastFile) return;
      lastFile = p.file;
      err(`loaded ${p.repo}/${p.file}`);
    });
  } catch (e) {
    err(`score: ${(e as Error).message}`);
    return 2;
  }

  const outPath = path.resolve(args.out);
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  const csv = outPath.toLowerCase().endsWith('.csv');
  const fd = fs.openSync(outPath, 'w');
  if (csv) fs.writeSync(fd, `${csvHeader()}\n`);
  let lastPrint = 0;
  try {
    const summary = await service.score(
      inputs,
      { scorers: args.scorers, ...(args.threshold !== undefined ? { contradictionThreshold: args.threshold } : {}) },
      (p) => {
        if (args.quiet) return;
        const now = Date.now();
        const finished = p.done + p.failed;
        if (tty) {
          if (now - lastPrint > 100 || finished === p.total) process.stderr.write(`\r${progressLine(p)}${finished === p.total ? '\n' : ''}`);
        } else if (finished > 0 && (now - lastPrint > 2000 || finished === p.total)) err(progressLine(p));
        else return;
        lastPrint = now;
      },
      (outcome) => {
        if (outcome.ok) {
          fs.writeSync(fd, csv ? `${csvLine(flattenScore(outcome.score))}\n` : `${JSON.stringify(outcome.score)}\n`);
          outcome.score.warnings.forEach((w) => {
            if (tty) process.stderr.write('\r\x1b[K');
            report(w);
          });
        } else {
          if (tty) process.stderr.write('\r\x1b[K');
          outcome.failure.errors.forEach(report);
        }
      },
    );
    failed += summary.failed;
    err(`score: ${summary.done} row${summary.done === 1 ? '' : 's'} scored, ${failed} failed, written to ${args.out} (${formatDuration(summary.elapsedMs)})`);
  } finally {
    fs.closeSync(fd);
    await service.free();
  }
  return failed > 0 ? 1 : 0;
}

runWhenInvoked(import.meta.url, main, 2);
