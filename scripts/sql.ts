// `npm run sql -- [--json] [--data DIR] "<query>"`: query the built tables from the terminal with the
// same engine and the same table names as the browser (DuckDB-WASM, Node build).
import { DbError } from '../src/lib/db/errors.ts';
import { createNodeDb } from '../src/lib/db/node.ts';
import { formatTable } from './format-table.ts';

const USAGE = 'usage: npm run sql -- [--json] [--data DIR] "<query>"   (tables: <benchmark>.<table>, main.results, main.models)';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  let json = false;
  let dataDir: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--json') json = true;
    else if (args[i] === '--data') dataDir = args[++i];
    else if (args[i] === '--help' || args[i] === '-h') {
      console.log(USAGE);
      return 0;
    } else rest.push(args[i]);
  }
  const sql = rest.join(' ').trim();
  if (!sql) {
    console.error(USAGE);
    return 2;
  }
  const db = createNodeDb(dataDir);
  try {
    const result = await db.query(sql);
    if (json) console.log(JSON.stringify(result.rows, null, 1));
    else {
      console.log(formatTable(result));
      console.log(`(${result.rows.length} row${result.rows.length === 1 ? '' : 's'}, ${result.elapsedMs.toFixed(1)} ms)`);
    }
    return 0;
  } catch (e) {
    if (e instanceof DbError) {
      console.error(e.message);
      if (e.line !== undefined) console.error(`at line ${e.line}, column ${e.column}`);
      return 1;
    }
    console.error((e as Error).message);
    return 1;
  }
}

main().then((code) => process.exit(code));
