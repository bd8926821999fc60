// The only door views have to DuckDB: lazy single boot, tables loaded on demand from the catalog,
// one query at a time, cancellation, and plain JS results.
import type { Catalog, CellValue, QueryResult, TableInfo } from '../types.ts';
import { tableToResult } from './arrow-rows.ts';
import { ENGINE_SETTINGS, type Connector } from './connector.ts';
import { DbError, QueryCancelled, toDbError } from './errors.ts';
import { quoteIdent, sqlNames } from './sql-text.ts';

export type DbState = 'idle' | 'booting' | 'ready' | 'failed';

export interface DbStatus {
  state: DbState;
  /** Why booting failed, or what is being loaded. */
  message?: string;
  /** Milliseconds from boot() to ready. */
  bootMs?: number;
}

/** Where the catalog and the published table files come from (fetch in the browser, fs in Node). */
export interface TableSource {
  catalog(): Promise<Catalog>;
  /** Bytes of a published table file (path relative to the data root), gunzipped. */
  tableBytes(file: string): Promise<Uint8Array>;
}

export interface QueryOptions {
  params?: CellValue[];
  signal?: AbortSignal;
}

/**
 * Raw engine access for modules of the db layer (user tables): serialised with every other call,
 * but it neither waits for boot nor loads catalog tables. Errors are DbError.
 */
export interface Engine {
  run(sql: string, params?: CellValue[]): Promise<QueryResult>;
  registerFileBuffer(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  insertArrowIPC(schema: string, table: string, ipc: Uint8Array): Promise<void>;
}

const SQL_TYPE: Record<string, string> = { VARCHAR: 'VARCHAR', DOUBLE: 'DOUBLE', INTEGER: 'INTEGER', BOOLEAN: 'BOOLEAN' };

export class DbClient {
  status: DbStatus = { state: 'idle' };
  private listeners = new Set<(s: DbStatus) => void>();
  private booting: Promise<void> | null = null;
  private connector: Connector | null = null;
  private tables = new Map<string, TableInfo>();
  private loads = new Map<string, Promise<void>>();
  /** Serialises engine calls: one connection, one statement at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Work that must finish before the client reports ready (e.g. restoring the user's tables). */
  private bootTasks: ((engine: Engine) => Promise<void>)[] = [];
  private loadTasks = new Map<string, ((engine: Engine) => Promise<void>)[]>();
  /** View → the catalog tables it reads, so that naming the view loads them. */
  private dependencies = new Map<string, string[]>();

  constructor(
    private readonly makeConnector: () => Promise<Connector>,
    private readonly source: TableSource,
  ) {}

  onStatus(cb: (s: DbStatus) => void): () => void {
    this.listeners.add(cb);
    cb(this.status);
    return () => this.listeners.delete(cb);
  }

  private setStatus(s: DbStatus): void {
    this.status = s;
    this.listeners.forEach((cb) => cb(s));
  }

  /** Starts DuckDB once; every caller shares the same promise. */
  boot(): Promise<void> {
    this.booting ??= this.doBoot().catch((e) => {
      this.setStatus({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
      throw e;
    });
    return this.booting;
  }

  private async doBoot(): Promise<void> {
    const started = performance.now();
    this.setStatus({ state: 'booting', message: 'Starting DuckDB' });
    const [connector, catalog] = await Promise.all([this.makeConnector(), this.source.catalog()]);
    this.connector = connector;
    for (const s of ENGINE_SETTINGS) await connector.query(s);
    for (const t of [...catalog.shared, ...catalog.benchmarks.flatMap((b) => b.tables)]) this.tables.set(t.qualified, t);
    // Empty placeholders make every table visible to SHOW/DESCRIBE and completion before its data is fetched.
    const ddl: string[] = [];
    for (const schema of new Set([...this.tables.values()].map((t) => t.schema)))
      if (schema !== 'main') ddl.push(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    for (const t of this.tables.values())
      ddl.push(
        `CREATE TABLE ${quoteIdent(t.schema)}.${quoteIdent(t.name)} (${t.columns
          .map((c) => `${quoteIdent(c.name)} ${SQL_TYPE[c.type] ?? 'VARCHAR'}`)
          .join(', ')})`,
      );
    for (const stmt of ddl) await connector.query(stmt);
    for (const task of this.bootTasks) await task(this.engine);
    this.setStatus({ state: 'ready', bootMs: performance.now() - started });
  }

  /**
   * Catalog tables a query may read: those written as schema.table, and bare names of main's tables
   * or of a schema the query names (USE personagym; … questions). Erring towards loading too much
   * costs a download; loading too little would answer from an empty placeholder.
   */
  tablesFor(sql: string): string[] {
    const { qualified, bare } = sqlNames(sql);
    return [...this.tables.values()]
      .filter((t) => {
        const name = t.name.toLowerCase();
        const schema = t.schema.toLowerCase();
        if (qualified.has(`${schema}.${name}`) || qualified.has(`memory.${schema}`)) return true;
        return bare.has(name) && (schema === 'main' || bare.has(schema) || qualified.has(`memory.${schema}`));
      })
      .map((t) => t.qualified)
      .concat(
        [...this.dependencies].flatMap(([view, deps]) => {
          const [schema, name] = view.split('.');
          const named = qualified.has(view) || (bare.has(name) && (schema === 'main' || bare.has(schema)));
          return named ? deps.filter((d) => this.tables.has(d)) : [];
        }),
      )
      .filter((q, i, all) => all.indexOf(q) === i);
  }

  /** Registers a task run at boot, before ready (call it before boot()). */
  addBootTask(task: (engine: Engine) => Promise<void>): void {
    this.bootTasks.push(task);
  }

  /** Registers a task run each time this catalog table ("schema.name") is loaded, before queries that wait for it go on. */
  addLoadTask(qualified: string, task: (engine: Engine) => Promise<void>): void {
    this.loadTasks.set(qualified, [...(this.loadTasks.get(qualified) ?? []), task]);
  }

  /** Declares that a view (lower-case "schema.name") reads these catalog tables. */
  addDependency(view: string, tables: string[]): void {
    this.dependencies.set(view.toLowerCase(), tables);
  }

  /** Boots, then hands the raw engine to `fn` (for db-layer modules, not views). */
  async withEngine<T>(fn: (engine: Engine) => Promise<T>): Promise<T> {
    await this.boot();
    return fn(this.engine);
  }

  private readonly engine: Engine = {
    run: (sql, params) =>
      this.exclusive(async (c) => {
        const t0 = performance.now();
        try {
          return tableToResult(await c.query(sql, params), performance.now() - t0);
        } catch (e) {
          throw toDbError(e, sql);
        }
      }),
    registerFileBuffer: (name, bytes) => this.exclusive((c) => c.registerFileBuffer(name, bytes)),
    dropFile: (name) => this.exclusive((c) => c.dropFile(name)),
    insertArrowIPC: (schema, table, ipc) => this.exclusive((c) => c.insertArrowIPC(schema, table, ipc)),
  };

  /** Fetches and inserts the named catalog tables (once each). */
  async ensureTables(qualified: string[]): Promise<void> {
    await this.boot();
    await Promise.all(
      qualified.map((q) => {
        const info = this.tables.get(q);
        if (!info) return Promise.reject(new DbError(`Unknown table ${q}`));
        let p = this.loads.get(q);
        if (!p) {
          p = this.loadTable(info);
          this.loads.set(q, p);
          p.catch(() => this.loads.delete(q)); // a failed fetch may be retried
        }
        return p;
      }),
    );
  }

  private async loadTable(t: TableInfo): Promise<void> {
    const bytes = await this.source.tableBytes(t.file);
    await this.exclusive(async (c) => {
      await c.query(`DROP TABLE IF EXISTS ${quoteIdent(t.schema)}.${quoteIdent(t.name)}`);
      await c.insertArrowIPC(t.schema, t.name, bytes);
    });
    for (const task of this.loadTasks.get(t.qualified) ?? []) await task(this.engine);
  }

  private exclusive<T>(fn: (c: Connector) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => fn(this.connector!));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Runs one query; rejects with DbError (message and position) or QueryCancelled. */
  async query(sql: string, opts: QueryOptions = {}): Promise<QueryResult> {
    const { signal, params } = opts;
    if (signal?.aborted) throw new QueryCancelled();
    await this.boot(); // the table list comes from the catalog, known only once booted
    await this.ensureTables(this.tablesFor(sql));
    if (signal?.aborted) throw new QueryCancelled();
    let started = false;
    const onAbort = () => {
      if (started) void this.connector?.cancel();
    };
    signal?.addEventListener('abort', onAbort);
    try {
      return await this.exclusive(async (c) => {
        if (signal?.aborted) throw new QueryCancelled();
        started = true;
        const t0 = performance.now();
        try {
          const table = await c.query(sql, params);
          return tableToResult(table, performance.now() - t0);
        } catch (e) {
          if (signal?.aborted) throw new QueryCancelled();
          throw toDbError(e, sql);
        }
      });
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }
}
