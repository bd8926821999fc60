// Invariants per benchmark: checks.sql holds blocks "-- check: <what must hold>" followed by a
// query that returns the offending rows; any row returned fails the build.
import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { benchmarkDir } from './meta.ts';

export interface Check {
  name: string;
  sql: string;
}

export function parseChecks(text: string): Check[] {
  const checks: Check[] = [];
  let current: Check | null = null;
  for (const line of text.split('\n')) {
    const m = /^--\s*check:\s*(.+)$/.exec(line.trim());
    if (m) {
      current = { name: m[1].trim(), sql: '' };
      checks.push(current);
    } else if (current) current.sql += line + '\n';
  }
  return checks.filter((c) => c.sql.trim());
}

/** Returns one message per failed check (empty when all hold). */
export async function runChecks(conn: DuckDBConnection, id: string, schema: string): Promise<{ passed: number; failures: string[] }> {
  const file = path.join(benchmarkDir(id), 'checks.sql');
  if (!fs.existsSync(file)) return { passed: 0, failures: [] };
  const failures: string[] = [];
  let passed = 0;
  await conn.run(`USE "${schema}"`);
  try {
    for (const c of parseChecks(fs.readFileSync(file, 'utf8'))) {
      try {
        const rows = (await conn.runAndReadAll(c.sql.trim().replace(/;\s*$/, ''))).getRowObjectsJS();
        if (rows.length) {
          const shown = rows.slice(0, 5).map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
          failures.push(`${id}: check failed: ${c.name} (${rows.length} offending rows)\n    ${shown.join('\n    ')}`);
        } else passed++;
      } catch (e) {
        failures.push(`${id}: check "${c.name}" could not run: ${(e as Error).message}`);
      }
    }
  } finally {
    await conn.run('USE memory.main');
  }
  return { passed, failures };
}
