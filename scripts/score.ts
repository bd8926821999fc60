// `npm run score -- input.jsonl --out scores.jsonl [--models <dir or base URL>] ...`: score a CSV,
// TSV, JSONL or JSON-array file of persona responses from the command line with the same scorer modules as the
// browser worker (transformers.js on onnxruntime-node).
//
// Good rows are written as they finish; rows that cannot be scored are reported on stderr with
// their line number. Exit code: 0 every row scored, 1 some row (or the file) failed, 2 usage error,
// a model could not be loaded or the output could not be written, 130 interrupted (Ctrl-C: the
// rows scored so far are in the output and the summary says where to go on from).
import fs from 'node:fs';
import path from 'node:path';
import { countIssues } from '../src/lib/scoring/issue-counts.ts';
import { guessColumnMapping, missingColumns, parseFile, TARGET_COLUMNS as TARGETS, toScoreInputs, type ColumnMapping, type TargetColumn } from '../src/lib/scoring/input.ts';
import { csvHeader, csvLine, flattenScore } from '../src/lib/scoring/output.ts';
import { defaultModelSet, rolesFor } from '../src/lib/scoring/registry.ts';
import { unpinned } from '../src/lib/scoring/model-pins.ts';
import { neededFiles } from '../src/lib/scoring/picked-folder.ts';
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
  --map <col>=<name>[,...] which column of the file holds persona, question, response, id, model
                           or statements, when its name differs (e.g. --map persona=character,response=reply)
  --threshold <p>          contradiction threshold (default 0.5)
  --cache <dir>            keep downloaded model files in this folder (default: transformers.js's cache)
  --quiet                  no progress bar

Input columns: persona, question, response, optional id, model and statements (the persona's
statements: a JSON list, or one per line; else they are split from the persona). Names are matched
case-insensitively. A CSV may use commas, semicolons or tabs (found from its header); a .json file
is an array of row objects or one object per line.
Output: .jsonl = one nested result per scored row (per-statement detail); .csv = one flat row each,
for spreadsheets: a text that starts with = + - or @ gets a leading ' so it is not run as a formula.`;

export class UsageError extends Error {}

interface Args {
  input: string;
  out: string;
  format: 'csv' | 'jsonl';
  map: Partial<ColumnMapping>;
  models: string | null;
  scorers: ScorerName[];
  overrides: Partial<Record<ScoringRole, { repo: string; revision?: string; dtype?: ModelDtype }>>;
  threshold: number | undefined;
  cache: string | null;
  quiet: boolean;
}

export function parseArgs(argv: string[]): Args {
  const a: Args = { input: '', out: '', format: 'jsonl', map: {}, models: null, scorers: [...SCORERS], overrides: {}, threshold: undefined, cache: null, quiet: false };
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
    else if (arg === '--map') {
      for (const pair of need(++i, arg).split(',')) {
        const m = /^\s*(\w+)\s*=(.+)$/u.exec(pair);
        if (!m || !TARGETS.includes(m[1] as TargetColumn)) throw new UsageError(`--map takes <column>=<name in the file>, column one of ${TARGETS.join(', ')} (got "${pair}")`);
        a.map[m[1] as TargetColumn] = m[2].trim();
      }
    }
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
  const ext = path.extname(a.out).toLowerCase();
  if (ext === '.csv') a.format = 'csv';
  else if (ext !== '.jsonl' && ext !== '.ndjson') throw new UsageError(`--out must end in .jsonl, .ndjson or .csv, which say the format to write (got "${a.out}")`);
  return a;
}

/** The file's columns, as guessed from their names and then as --map says; a mapped name must exist. */
function columnMapping(columns: readonly string[], map: Partial<ColumnMapping>): ColumnMapping {
  const unknown = Object.entries(map).filter(([, name]) => !columns.includes(name!));
  if (unknown.length) throw new UsageError(`--map: the file has no column ${unknown.map(([, n]) => `"${n}"`).join(', ')} (columns: ${columns.join(', ') || 'none'})`);
  return { ...guessColumnMapping(columns), ...map };
}

/** True when `a` and `b` name one existing file (the output would overwrite the input). */
function sameFile(a: string, b: string): boolean {
  try {
    const x = fs.statSync(a);
    const y = fs.statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
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

/**
 * What a local models folder lacks for these models (a missing model folder once, else its missing
 * files), so a wrong folder is named before anything loads; empty when all are there.
 */
function missingModelFiles(dir: string, specs: ModelSpec[]): string[] {
  return specs.flatMap((spec) => {
    const folder = path.join(dir, spec.repo);
    if (!fs.existsSync(folder)) return [`${folder}${path.sep} (no such folder)`];
    return neededFiles(spec).map((f) => path.join(dir, f)).filter((f) => !fs.existsSync(f));
  });
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
  const folder = cfg.source?.kind === 'local' ? cfg.source.path : null;
  const lacking = folder ? missingModelFiles(folder, Object.values(modelSpecs(args))) : [];
  if (lacking.length) {
    err(`score: --models ${folder} lacks what the models need (laid out <folder>/<owner>/<name>/, as on the hub):`);
    lacking.forEach((f) => err(`  ${f}`));
    return 2;
  }
  const report = (i: RowIssue) => err(`${i.level === 'error' ? 'error' : 'warning'}: ${i.message}`);

  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(args.input);
  } catch (e) {
    err(`score: cannot read ${args.input}: ${(e as Error).message}`);
    return 2;
  }
  const outPath = path.resolve(args.out);
  if (sameFile(args.input, outPath)) {
    err(`score: --out ${args.out} is the input file; it would be overwritten. Choose another path.`);
    return 2;
  }
  const parsed = parseFile(args.input, bytes);
  let mapping: ColumnMapping;
  try {
    mapping = columnMapping(parsed.columns, args.map);
  } catch (e) {
    err(`score: ${(e as Error).message}`);
    return 2;
  }
  const { inputs, issues } = toScoreInputs(parsed, mapping);
  issues.forEach(report);
  const missing = missingColumns(mapping);
  // --map helps only a file with columns (not an empty or binary one).
  if (missing.length && parsed.columns.length) err(`score: name the file's ${missing.join(', ')} column${missing.length > 1 ? 's' : ''} with --map, e.g. --map ${missing[0]}=<column>`);
  const inputCounts = countIssues(issues);
  const inputWarnings = new Set(inputs.flatMap((i) => i.warnings ?? []));

  // Opened before the models load (which can take minutes): a path that cannot be written is said
  // at once, and the file always holds this run's rows, none when none can be scored.
  let fd: number;
  try {
    fs.mkdirSync(path.dirname(outPath), { recursive: true });
    fd = fs.openSync(outPath, 'w');
  } catch (e) {
    err(`score: cannot write --out ${args.out}: ${(e as Error).message}`);
    return 2;
  }
  if (args.format === 'csv') fs.writeSync(fd, `${csvHeader()}\n`);
  if (!inputs.length) {
    fs.closeSync(fd);
    err(`score: no row of ${args.input} can be scored; ${args.out} holds none`);
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
    fs.closeSync(fd);
    err(`score: ${(e as Error).message}`);
    return 2;
  }

  // Ctrl-C: finish the row being scored, keep what is written, say where to go on from. A second
  // Ctrl-C stops at once.
  let interrupted = false;
  const onInterrupt = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    if (tty) process.stderr.write('\r\x1b[K');
    err('score: interrupted; stopping after the row being scored (Ctrl-C again to stop now)');
    void service.cancel();
  };
  process.on('SIGINT', onInterrupt);
  let written = 0;
  let lastPrint = 0;
  const rowsWord = (n: number) => `${n} row${n === 1 ? '' : 's'}`;
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
        written++;
        if (outcome.ok) {
          fs.writeSync(fd, args.format === 'csv' ? `${csvLine(flattenScore(outcome.score), undefined, { spreadsheetSafe: true })}\n` : `${JSON.stringify(outcome.score)}\n`);
          // A row's input warnings (a text cut to length) were said with the input's problems.
          outcome.score.warnings.filter((w) => !inputWarnings.has(w)).forEach((w) => {
            if (tty) process.stderr.write('\r\x1b[K');
            report(w);
          });
        } else {
          if (tty) process.stderr.write('\r\x1b[K');
          outcome.failure.errors.forEach(report);
        }
      },
    );
    const failedRows = inputCounts.rowsNotScored + summary.failed;
    const fileNote = inputCounts.fileProblems ? `, ${inputCounts.fileProblems} problem${inputCounts.fileProblems > 1 ? 's' : ''} with the file` : '';
    if (summary.cancelled) {
      const next = inputs[written];
      err(
        `score: interrupted: ${rowsWord(summary.done)} scored and written to ${args.out}, ${summary.failed} failed, ${rowsWord(inputs.length - written)} not scored` +
          (next ? ` (from line ${next.line ?? '?'}, id ${next.id}, on)` : ''),
      );
      return 130;
    }
    err(`score: ${rowsWord(summary.done)} scored, ${failedRows} failed${fileNote}, written to ${args.out} (${formatDuration(summary.elapsedMs)})`);
    return failedRows > 0 || inputCounts.fileProblems > 0 ? 1 : 0;
  } catch (e) {
    if (tty) process.stderr.write('\r\x1b[K');
    err(`score: stopped: ${(e as Error).message}; the ${rowsWord(written)} before it are in ${args.out}`);
    return 2;
  } finally {
    process.off('SIGINT', onInterrupt);
    fs.closeSync(fd);
    await service.free();
  }
}

runWhenInvoked(import.meta.url, main, 2);
