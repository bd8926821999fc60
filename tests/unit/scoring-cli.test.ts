// `npm run score` end to end on the fixture models: good rows written, bad rows reported on stderr
// with their line numbers, exit code saying whether any row failed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, parseArgs, UsageError } from '../../scripts/score.ts';
import { FIXTURE_CLI_ARGS, FIXTURE_MODELS_DIR, FIXTURE_SPECS } from '../fixtures/models/fixtures.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'personascope-score-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function score(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/score.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('score CLI', () => {
  it('writes every good row, reports bad rows by line, and exits 1', () => {
    const input = path.join(dir, 'in.jsonl');
    const rows = [
      JSON.stringify({ id: 'good-1', model: 'm1', persona: 'I love jazz.\nI enjoy hiking.', question: 'Do you like jazz?', response: 'I do not love jazz.' }),
      JSON.stringify({ id: 'empty', persona: 'I love jazz.', question: 'Do you like jazz?', response: '  ' }),
      '{"id": "broken", ',
      JSON.stringify({ id: 'good-2', model: 'm2', persona: 'I love jazz.\nI enjoy hiking.', question: 'Do you like jazz?', response: 'Yes, I really love jazz.' }),
    ];
    fs.writeFileSync(input, `${rows.join('\n')}\n`);
    const out = path.join(dir, 'out.jsonl');
    const r = score([input, '--out', out, '--quiet', ...FIXTURE_CLI_ARGS]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: line 2 \(id empty\): the response is empty/);
    expect(r.stderr).toMatch(/error: line 3: not valid JSON/);
    expect(r.stderr).toMatch(/2 rows scored, 2 failed/);
    const written = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(written.map((w) => [w.id, w.line, w.model])).toEqual([
      ['good-1', 1, 'm1'],
      ['good-2', 4, 'm2'],
    ]);
    expect(written[0].contradictions.hits[0].statement).toBe('I love jazz.');
    expect(written[1].apc.raw).toBeGreaterThan(written[0].apc.raw);
    expect(Object.keys(written[0].toxicity.labels)).toHaveLength(6);
    expect(written[0].fit.statements).toHaveLength(2);
  });

  it('exits 0 on a clean CSV, writes flat CSV, and shows progress when asked', () => {
    const input = path.join(dir, 'in.csv');
    fs.writeFileSync(input, 'Persona,Question,Response\n"I love jazz.\nI like cats.",Do you like jazz?,"You are a stupid idiot."\n');
    const out = path.join(dir, 'out.csv');
    const r = score([input, '--out', out, '--scorers', 'toxicity,apc', ...FIXTURE_CLI_ARGS]);
    expect(r.stderr).toMatch(/1\/1 rows, 0 failed/);
    expect(r.code).toBe(0);
    const [header, line] = fs.readFileSync(out, 'utf8').trim().split('\n');
    const cols = header.split(',');
    const values = line.split(',');
    expect(cols).toContain('toxicity_control_derived');
    expect(values[cols.indexOf('id')]).toBe('row-2');
    expect(Number(values[cols.indexOf('toxicity_max')])).toBeGreaterThan(0.5);
    expect(values[cols.indexOf('fit_persona')]).toBe('');
  });

  it('exits 1 without scoring when the file lacks a needed column, says to use --map, and scores with it', () => {
    const input = path.join(dir, 'nocols.csv');
    fs.writeFileSync(input, 'persona,prompt,answer\nI love jazz.,Do you like jazz?,Yes.\n');
    const out = path.join(dir, 'x.jsonl');
    fs.writeFileSync(out, 'rows of an earlier run\n');
    const r = score([input, '--out', out, ...FIXTURE_CLI_ARGS]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no question, response columns \(columns found: persona, prompt, answer\)/);
    expect(r.stderr).toMatch(/name the file's question, response columns with --map, e\.g\. --map question=<column>/);
    // The output holds this run's rows (none), not an earlier run's.
    expect(fs.readFileSync(out, 'utf8')).toBe('');
    const mapped = score([input, '--out', out, '--quiet', '--map', 'question=prompt,response=answer', '--scorers', 'toxicity', ...FIXTURE_CLI_ARGS]);
    expect(mapped.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).question).toBe('Do you like jazz?');
  });

  it('counts failed rows, not errors: a row with an empty persona and an empty response is one', () => {
    const input = path.join(dir, 'two-errors.jsonl');
    fs.writeFileSync(input, `${JSON.stringify({ id: 'bad', persona: '', question: 'q', response: '' })}\n${JSON.stringify({ id: 'ok', persona: 'I love jazz.', question: 'Q?', response: 'Yes.' })}\n`);
    const r = score([input, '--out', path.join(dir, 'two-errors.out.jsonl'), '--quiet', '--scorers', 'toxicity', ...FIXTURE_CLI_ARGS]);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/^error: line 1 \(id bad\)/gm)).toHaveLength(2);
    expect(r.stderr).toMatch(/score: 1 row scored, 1 failed, written to/);
  });

  it('stops after the row being scored on Ctrl-C, keeps what it wrote and says where to go on from', async () => {
    const input = path.join(dir, 'long.jsonl');
    const row = (i: number) => JSON.stringify({ id: `r${i}`, persona: 'I love jazz.\nI enjoy hiking.', question: 'Do you like jazz?', response: `Answer number ${i}: yes.` });
    fs.writeFileSync(input, `${Array.from({ length: 3000 }, (_, i) => row(i + 1)).join('\n')}\n`);
    const out = path.join(dir, 'long.out.jsonl');
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/score.ts', input, '--out', out, '--quiet', ...FIXTURE_CLI_ARGS], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await expect.poll(() => (fs.existsSync(out) ? fs.readFileSync(out, 'utf8').length : 0), { timeout: 60_000, interval: 50 }).toBeGreaterThan(0);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
    expect(lines.length).toBeLessThan(3000);
    const m = /interrupted: (\d+) rows? scored and written to .*, 0 failed, (\d+) rows? not scored \(from line (\d+), id r(\d+), on\)/.exec(stderr);
    expect(m, stderr).not.toBeNull();
    expect(Number(m![1])).toBe(lines.length);
    expect(Number(m![2])).toBe(3000 - lines.length);
    expect(Number(m![3])).toBe(lines.length + 1);
    expect(JSON.parse(lines.at(-1)!).id).toBe(`r${lines.length}`);
  }, 90_000);

  it('refuses to overwrite its input, and an output it cannot write, before loading any model', async () => {
    const input = path.join(dir, 'self.jsonl');
    fs.writeFileSync(input, `${JSON.stringify({ persona: 'p', question: 'q', response: 'r' })}\n`);
    const folder = path.join(dir, 'a-folder.jsonl');
    fs.mkdirSync(folder, { recursive: true });
    const errors: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((s: string) => (errors.push(String(s)), true)) as typeof process.stderr.write;
    try {
      expect(await main([input, '--out', path.join(dir, '.', 'self.jsonl')])).toBe(2);
      expect(await main([input, '--out', folder])).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(errors.join('')).toMatch(/--out .*self\.jsonl is the input file; it would be overwritten/);
    expect(errors.join('')).toMatch(/cannot write --out .*a-folder\.jsonl: EISDIR/);
    expect(fs.readFileSync(input, 'utf8')).toMatch(/"persona":"p"/);
  });

  it("writes a response cut to 20000 characters into the row's warnings, and says it once on stderr", () => {
    const input = path.join(dir, 'long.jsonl');
    fs.writeFileSync(input, `${JSON.stringify({ id: 'long', persona: 'I love jazz.', question: 'Jazz?', response: `I do not love jazz. ${'la '.repeat(8_000)}` })}\n`);
    const out = path.join(dir, 'long.jsonl.out.jsonl');
    const r = score([input, '--out', out, '--quiet', '--scorers', 'toxicity', ...FIXTURE_CLI_ARGS]);
    expect(r.code).toBe(0);
    const said = 'line 1 (id long): response has 24019 characters; only the first 20000 are scored';
    expect(r.stderr.split(said).length - 1).toBe(1);
    const [row] = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(row.warnings.map((w: { message: string }) => w.message)).toContain(said);
  });

  it('says once that a binary file is not text, and that a header-only file has no data rows', async () => {
    const binary = path.join(FIXTURE_MODELS_DIR, FIXTURE_SPECS.toxicity.repo, 'onnx/model_quantized.onnx');
    const headerOnly = path.join(dir, 'header-only.csv');
    fs.writeFileSync(headerOnly, 'persona,question,response\n');
    const errors: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((s: string) => (errors.push(String(s)), true)) as typeof process.stderr.write;
    try {
      expect(await main([binary, '--out', path.join(dir, 'binary.jsonl')])).toBe(1);
      expect(await main([headerOnly, '--out', path.join(dir, 'header-only.jsonl')])).toBe(1);
    } finally {
      process.stderr.write = write;
    }
    const lines = errors.join('').trim().split('\n');
    expect(lines.filter((l) => l.startsWith('error: '))).toEqual([
      expect.stringMatching(/^error: this is not a text file/),
      'error: the file has no data rows, only a header (columns: persona, question, response)',
    ]);
    expect(lines.join('\n')).not.toMatch(/--map/);
  });

  it('names what a --models folder lacks before loading any model', async () => {
    const input = path.join(dir, 'one.csv');
    fs.writeFileSync(input, 'persona,question,response\nI love jazz.,Q?,Yes\n');
    const models = path.join(dir, 'half-models');
    const repo = FIXTURE_SPECS.toxicity.repo;
    fs.cpSync(path.join(FIXTURE_MODELS_DIR, repo), path.join(models, repo), { recursive: true });
    fs.rmSync(path.join(models, repo, 'tokenizer_config.json'));
    const errors: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((s: string) => (errors.push(String(s)), true)) as typeof process.stderr.write;
    try {
      const args = [input, '--out', path.join(dir, 'half.jsonl'), '--models', models, '--scorers', 'toxicity,fit'];
      expect(await main([...args, '--model', `toxicity=${repo}`, '--model', `embedding=${FIXTURE_SPECS.embedding.repo}:fp32`])).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(errors.join('')).toContain(`--models ${models} lacks`);
    expect(errors.join('')).toContain(path.join(models, repo, 'tokenizer_config.json'));
    expect(errors.join('')).toContain(`${path.join(models, FIXTURE_SPECS.embedding.repo)}${path.sep} (no such folder)`);
    expect(errors.join('')).not.toMatch(/tokenizer_class/);
  });

  it('rejects bad usage (exit code 2 from the script)', async () => {
    const bad = (args: string[]) => () => parseArgs(args);
    expect(bad(['in.jsonl'])).toThrow(/--out is required/);
    expect(bad(['in.jsonl', '--out', 'o.jsonl', '--scorers', 'vibes'])).toThrow(/unknown scorer vibes/);
    expect(bad(['in.jsonl', '--out', 'o.jsonl', '--model', 'toxicity=nope'])).toThrow(/--model takes/);
    expect(bad(['in.jsonl', '--out', 'o.jsonl', '--threshold', '2'])).toThrow(UsageError);
    expect(bad(['a', 'b', '--out', 'o.jsonl'])).toThrow(/one input file/);
    expect(bad(['in.jsonl', '--out', 'scores.tsv'])).toThrow(/--out must end in \.jsonl, \.ndjson or \.csv/);
    expect(bad(['in.jsonl', '--out', 'o.jsonl', '--map', 'answer=reply'])).toThrow(/--map takes <column>=<name in the file>/);
    expect(parseArgs(['in.jsonl', '--out', 'o.CSV', '--map', 'persona=character, response = reply'])).toMatchObject({ format: 'csv', map: { persona: 'character', response: 'reply' } });
    expect(parseArgs(['in.jsonl', '--out', 'o.jsonl', '--model', 'nli=org/name@abc:fp32', '--scorers', 'apc'])).toMatchObject({
      overrides: { nli: { repo: 'org/name', revision: 'abc', dtype: 'fp32' } },
      scorers: ['apc'],
      format: 'jsonl',
    });
    expect(await main(['in.jsonl', '--out', 'o.jsonl', '--models', path.join(dir, 'nowhere')])).toBe(2);
  });
});
