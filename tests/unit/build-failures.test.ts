// The data build refuses to go on silently: missing files, bad rows and broken invariants stop it
// with a message that names the file (and line) at fault.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../../data/build/recipe.ts';
import { readManifest } from '../../data/build/manifest.ts';

const run = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'build-fail-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('data build failures', () => {
  it('with no mirror and no network, stops with one line per missing file', async () => {
    const env = {
      ...process.env,
      PERSONASCOPE_MIRROR: path.join(tmp, 'no-mirror'),
      PERSONASCOPE_STAGE: path.join(tmp, 'stage'),
      PERSONASCOPE_OUT: path.join(tmp, 'out'),
      PERSONASCOPE_OFFLINE: '1',
    };
    const err = await run('npx', ['tsx', 'data/build/index.ts', '--only', 'personagym'], { env }).catch((e) => e);
    expect(err.code).toBe(1);
    const missing = String(err.stderr)
      .split('\n')
      .filter((l) => l.startsWith('missing personagym/'));
    expect(missing).toHaveLength(readManifest('personagym').length);
    expect(missing[0]).toMatch(/not in mirror .*no-mirror and download of https:\/\/raw\.githubusercontent\.com\/.* failed/);
  });

  it('names a benchmark whose release files are not listed, instead of failing later on a glob', () => {
    const release = { local: 'raw/', url: 'https://raw.githubusercontent.com/o/r/0123456789012345678901234567890123456789/', repo: 'o/r', commit: '0123456789012345678901234567890123456789', license: 'MIT' };
    expect(() => readManifest('no-such-benchmark', [release])).toThrow(
      /^no-such-benchmark: meta\.json names a release, but data\/benchmarks\/no-such-benchmark\/sources\.json lists no release files \(missing\): run `npm run manifest -- no-such-benchmark`/,
    );
    // A benchmark that ships nothing needs no manifest.
    expect(readManifest('no-such-benchmark', [])).toEqual([]);
  });

  it('names the file and line of a malformed JSONL row', async () => {
    const file = path.join(tmp, 'bad.jsonl');
    fs.writeFileSync(file, '{"a": 1}\n{"a": 2}\n{"a": 3,,}\n{"a": 4}\n');
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const err = await runScript(conn, `CREATE TABLE t AS SELECT * FROM read_json('${file}', format = 'newline_delimited');`, 'x/recipe.sql').catch((e) => e);
    expect(err.message).toContain('x/recipe.sql: statement 1 of 1 failed');
    expect(err.message).toContain(`first line that does not parse: ${file}:3: {"a": 3,,}`);
  });
});
