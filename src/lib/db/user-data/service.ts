// The user's own tables as the app sees them: add a file (or a URL's response), list, map to
// results, delete; kept in a store and rebuilt in DuckDB at every boot. Works the same in Node
// (memory store, in-thread parsing) and the browser (IndexedDB, a Web Worker).
import type { ColumnKind, QueryResult, ResultsMapping, TableInfo, UserTableInfo } from '../../types.ts';
import { quoteIdent } from '../sql-text.ts';
import type { DbClient, Engine } from '../client.ts';
import { checkSize, type Prepared } from './prepare.ts';
import { safeTableName, uniqueName } from './names.ts';
import { NameTakenError, type UploadStore } from './store.ts';
import { asUploadError, UploadError } from './upload-error.ts';
import {
  ambiguousModelNotes,
  createUserTable,
  dropUserTable,
  guessMapping,
  MINE,
  ownBenchmark,
  rebuildResultsViews,
  releasedSpellingNotes,
  renameUserTable,
  RESULTS_ALL_READS,
  validateMapping,
} from './user-tables.ts';
import { numbersWithMissingMarkers } from './missing-markers.ts';

/** Reads a file into what DuckDB needs (in a worker in the browser). */
export type Preparer = (file: Blob, fileName: string, contentType: string) => Promise<Prepared>;

export interface AddOutcome {
  info: UserTableInfo;
  /** Set when the file has result-like columns but they could not be joined as they are. */
  mappingProblem?: string;
  /** What the reader did that the user should know (a number column read as text because of "NA"). */
  notes: string[];
}

/** A new user table's info: not joined to the results (mapping null) until a mapping is checked. */
function tableInfo(
  name: string,
  fileName: string,
  format: UserTableInfo['format'],
  bytes: number,
  created: Pick<UserTableInfo, 'rows' | 'columns'>,
  extra: { url?: string | null; addedAt?: string },
): UserTableInfo {
  return {
    name,
    qualified: `${MINE}.${name}`,
    fileName,
    format,
    bytes,
    ...created,
    addedAt: extra.addedAt ?? new Date().toISOString(),
    url: extra.url ?? null,
    mapping: null,
  };
}

export class UserData {
  tables: UserTableInfo[] = [];
  /** Tables that could not be rebuilt from their stored file at boot: name → why. */
  problems = new Map<string, string>();
  /**
   * Stored mappings the checks refuse now (a rule added since the table was joined): table name → the
   * mapping the user chose, kept in the store, and why it is refused. The table is off the leaderboards
   * (its info's mapping is null) until the mapping is fixed or taken off.
   */
  refusedMappings = new Map<string, { mapping: ResultsMapping; why: string }>();
  private listeners = new Set<() => void>();
  private listed: Promise<void> | null = null;
  private viewsBuilt: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: DbClient,
    private readonly store: UploadStore,
    private readonly prepare: Preparer,
  ) {
    // Naming main.results_all must load main.results; user tables are rebuilt before DuckDB is ready.
    db.addDependency('main.results_all', RESULTS_ALL_READS);
    db.addBootTask((engine) => this.restore(engine));
    // The views hold the released spellings read when they were built: at boot main.results is still empty.
    db.addLoadTask('main.results', (engine) => this.rebuildViewsAtLoad(engine));
  }

  /**
   * The load of main.results waits on this, so it must not fail: an upload that no longer fits its
   * mapping (a table changed or dropped in the console) leaves the leaderboards with the reason on its
   * card, and the released rows load whatever the uploads hold.
   */
  private async rebuildViewsAtLoad(engine: Engine): Promise<void> {
    try {
      await this.rebuildViews(engine);
      return;
    } catch {
      // Find the uploads that break the views, one at a time.
    }
    for (const t of this.usable().filter((u) => u.mapping)) {
      try {
        await rebuildResultsViews(engine, [t]);
      } catch (e) {
        this.problems.set(t.name, `its rows could not be joined to the leaderboards: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    await this.rebuildViews(engine).catch(() => rebuildResultsViews(engine, []));
    this.changed();
  }

  /** Rebuilds the result views for the usable tables, one rebuild at a time (the last one sees the latest tables and main.results). */
  private rebuildViews(engine: Engine): Promise<void> {
    const run = this.viewsBuilt.then(() => rebuildResultsViews(engine, this.usable()));
    this.viewsBuilt = run.catch(() => undefined);
    return run;
  }

  onChange(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  private changed(): void {
    this.listeners.forEach((cb) => cb());
  }

  /** The stored tables' info, without booting DuckDB (for the catalog's first paint). */
  list(): Promise<UserTableInfo[]> {
    this.listed ??= this.store
      .list()
      .then((all) => {
        if (this.tables.length === 0) this.tables = all.map((u) => u.info);
        this.changed();
      })
      .catch(() => undefined); // no IndexedDB (private mode): nothing stored, nothing to show
    return this.listed.then(() => this.tables);
  }

  private async restore(engine: Engine): Promise<void> {
    await engine.run(`CREATE SCHEMA IF NOT EXISTS ${MINE}`);
    const stored = await this.store.list().catch(() => []);
    const kept: UserTableInfo[] = [];
    for (const u of stored) {
      let info = u.info;
      try {
        await createUserTable(engine, info.name, await this.prepare(u.file, info.fileName, ''));
        const mapping = info.mapping;
        if (mapping)
          await validateMapping(engine, info.name, mapping).catch((e: unknown) => {
            this.refusedMappings.set(info.name, { mapping, why: e instanceof Error ? e.message : String(e) });
            info = { ...info, mapping: null };
          });
      } catch (e) {
        this.problems.set(info.name, asUploadError(e, info.fileName).message);
      }
      kept.push(info);
    }
    this.tables = kept;
    await this.rebuildViews(engine);
    this.changed();
  }

  find(name: string): UserTableInfo | undefined {
    return this.tables.find((t) => t.name === name);
  }

  /**
   * Loads a file into mine.<name>. Throws UploadError (with where) and leaves everything else as it was.
   * A file with model, metric and value columns joins main.results_all at once.
   */
  async add(file: Blob, fileName: string, opts: { url?: string; contentType?: string } = {}): Promise<AddOutcome> {
    try {
      checkSize(file.size);
      await this.list();
      const prepared = await this.prepare(file, fileName, opts.contentType ?? file.type ?? '');
      await this.db.ensureTables(RESULTS_ALL_READS); // the mapping check compares with released results
      return await this.db.withEngine(async (engine) => {
        // Names stored by other tabs count too: their uploads share this browser's store.
        const taken = new Set([...this.tables.map((t) => t.name), ...(await this.store.names().catch(() => []))]);
        const wanted = safeTableName(fileName);
        const name = uniqueName(wanted, taken);
        const { rows, columns, notes: readNotes } = await createUserTable(engine, name, prepared);
        let info = tableInfo(name, fileName, prepared.format, file.size, { rows, columns }, { url: opts.url ?? null });
        let mappingProblem: string | undefined;
        const guess = guessMapping(name, columns.map((c) => c.name));
        if (guess.exact) {
          try {
            await validateMapping(engine, name, guess.mapping as ResultsMapping);
            info.mapping = guess.mapping as ResultsMapping;
          } catch (e) {
            mappingProblem = e instanceof Error ? e.message : String(e);
          }
        }
        info = await this.storeNew(engine, info, file, wanted, taken);
        const notes = [...readNotes, ...(await numbersWithMissingMarkers(engine, info.name, columns))];
        this.tables = [...this.tables, info];
        await this.rebuildViews(engine);
        if (info.mapping) notes.push(...(await mappedNotes(engine, info)));
        this.changed();
        return { info, mappingProblem, notes };
      });
    } catch (e) {
      throw asUploadError(e, fileName);
    }
  }

  /**
   * Stores a new upload under a name no stored upload has. Another tab may have stored the same name
   * since `taken` was read: then the table takes the next free name, and that tab's upload stays.
   */
  private async storeNew(engine: Engine, info: UserTableInfo, file: Blob, wanted: string, taken: Set<string>): Promise<UserTableInfo> {
    for (;;) {
      try {
        await this.store.add({ info, file });
        return info;
      } catch (e) {
        if (!(e instanceof NameTakenError)) {
          await dropUserTable(engine, info.name);
          throw new UploadError(`it could not be kept in the browser's storage (${e instanceof Error ? e.message : String(e)}).`);
        }
        taken.add(info.name);
        const name = uniqueName(wanted, taken);
        await renameUserTable(engine, info.name, name);
        const m = info.mapping;
        // A table's own leaderboard is named after it.
        const mapping = m && 'fixed' in m.benchmark && m.benchmark.fixed === ownBenchmark(info.name) ? { ...m, benchmark: { fixed: ownBenchmark(name) } } : m;
        info = { ...info, name, qualified: `${MINE}.${name}`, mapping };
      }
    }
  }

  /**
   * Creates or replaces mine.<name> with a file this app wrote (e.g. the scorer's results), kept
   * like an upload. A file with no data rows removes the table instead.
   */
  async put(name: string, file: Blob, fileName: string): Promise<UserTableInfo | null> {
    await this.list();
    const prepared = await this.prepare(file, fileName, file.type);
    return this.db.withEngine(async (engine) => {
      const old = this.find(name);
      let created: Pick<UserTableInfo, 'rows' | 'columns'>;
      try {
        const { rows, columns } = await createUserTable(engine, name, prepared);
        created = { rows, columns };
      } catch (e) {
        if (!(e instanceof UploadError) || !/no data rows/.test(e.message)) throw e;
        await this.store.delete(name);
        this.tables = this.tables.filter((t) => t.name !== name);
        await this.rebuildViews(engine);
        this.changed();
        return null;
      }
      const info = tableInfo(name, fileName, prepared.format, file.size, created, { addedAt: old?.addedAt });
      await this.store.put({ info, file });
      this.problems.delete(name);
      this.refusedMappings.delete(name);
      this.tables = old ? this.tables.map((t) => (t.name === name ? info : t)) : [...this.tables, info];
      await this.rebuildViews(engine);
      this.changed();
      return info;
    });
  }

  private usable(): UserTableInfo[] {
    return this.tables.filter((t) => !this.problems.has(t.name));
  }

  /**
   * Joins a table's rows to main.results_all with this mapping (null: stop joining them). Returns notes
   * on how its rows were filed (a benchmark spelled as released, a model name that spells two models).
   */
  async setMapping(name: string, mapping: ResultsMapping | null): Promise<string[]> {
    const info = this.find(name);
    if (!info) throw new UploadError(`there is no table mine.${name}.`);
    if (mapping) await this.db.ensureTables(RESULTS_ALL_READS); // the mapping check compares with released results
    const notes = await this.db.withEngine(async (engine) => {
      if (mapping) await validateMapping(engine, name, mapping);
      const next = { ...info, mapping };
      const stored = (await this.store.list()).find((u) => u.info.name === name);
      if (stored) await this.store.put({ info: next, file: stored.file });
      this.tables = this.tables.map((t) => (t.name === name ? next : t));
      this.refusedMappings.delete(name);
      await this.rebuildViews(engine);
      return mapping ? mappedNotes(engine, next) : [];
    });
    this.changed();
    return notes;
  }

  /** The first rows of a user table. */
  preview(name: string, limit = 20): Promise<QueryResult> {
    return this.db.query(`SELECT * FROM ${MINE}.${quoteIdent(name)} LIMIT ${Math.max(1, Math.floor(limit))}`);
  }

  async remove(name: string): Promise<void> {
    await this.store.delete(name);
    this.tables = this.tables.filter((t) => t.name !== name);
    this.problems.delete(name);
    this.refusedMappings.delete(name);
    if (this.db.status.state === 'ready' || this.db.status.state === 'booting')
      await this.db.withEngine(async (engine) => {
        await this.rebuildViews(engine);
        await dropUserTable(engine, name);
      });
    this.changed();
  }
}

/** What the user should know about how a mapped table's rows were filed (after the views are rebuilt). */
async function mappedNotes(engine: Engine, info: UserTableInfo): Promise<string[]> {
  return [...(await releasedSpellingNotes(engine, info)), ...(await ambiguousModelNotes(engine, info))];
}

/** DuckDB type name → the kind views sort, filter and align by. */
function kindOfType(type: string): ColumnKind {
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/i.test(type)) return 'number';
  if (/^BOOLEAN/i.test(type)) return 'boolean';
  return 'string';
}

/** A user table in the catalog's shape, so the table browser can show it like a released table. */
export function asTableInfo(t: UserTableInfo): TableInfo {
  return {
    name: t.name,
    qualified: t.qualified,
    schema: MINE,
    title: t.fileName,
    description: `Your ${t.url ? `file from ${t.url}` : `upload ${t.fileName}`}, kept in this browser.`,
    rows: t.rows,
    columns: t.columns.map((c) => ({ name: c.name, type: c.type, kind: kindOfType(c.type), description: '', unit: null })),
    file: '',
    bytes: t.bytes,
    sources: [],
    sourceCount: 0,
  };
}
