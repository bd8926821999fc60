// `npm run score` end to end on the fixture models: good rows written, bad rows reported on stderr
// with their line numbers, exit code saying whether any row failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, parseArgs, UsageError } from '../../scripts/score.ts';
import { FIXTURE_CLI_ARGS } from '../fixtures/models/fixtures.ts';

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

  it('exits 1 without scoring when the file lacks a needed column', () => {
    const input = path.join(dir, 'nocols.csv');
    fs.writeFileSync(input, 'persona,answer\np,a\n');
    const r = score([input, '--out', path.join(dir, 'x.jsonl'), ...FIXTURE_CLI_ARGS]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no question, response columns \(columns found: persona, answer\)/);
  });

  it('rejects bad usage (exit code 2 from the script)', async () => {
    const bad = (args: string[]) => () => parseArgs(args);
    expect(bad(['in.jsonl'])).toThrow(/--out is required/);
    expect(bad(['in.jsonl', '--out', 'o', '--scorers', 'vibes'])).toThrow(/unknown scorer vibes/);
    expect(bad(['in.jsonl', '--out', 'o', '--model', 'toxicity=nope'])).toThrow(/--model takes/);
    expect(bad(['in.jsonl', '--out', 'o', '--threshold', '2'])).toThrow(UsageError);
    expect(bad(['a', 'b', '--out', 'o'])).toThrow(/one input file/);
    expect(parseArgs(['in.jsonl', '--out', 'o', '--model', 'nli=org/name@abc:fp32', '--scorers', 'apc'])).toMatchObject({
      overrides: { nli: { repo: 'org/name', revision: 'abc', dtype: 'fp32' } },
      scorers: ['apc'],
    });
    expect(await main(['in.jsonl', '--out', 'o', '--models', path.join(dir, 'nowhere')])).toBe(2);
  });
});
