// SQL for the table browser, built from a TableViewState. Names are always quoted with quoteIdent and
// every value the user chose (search text, facet values, range bounds) travels as a $n parameter.
import { quoteIdent } from '../db/sql-text.ts';
import type { TableViewState } from '../state/url-state.ts';
import { NULL_TOKEN, isInverted } from '../state/url-state.ts';
import type { CellValue, ColumnDoc, ResultColumn, TableInfo } from '../types.ts';

export interface Sql {
  sql: string;
  params: CellValue[];
}

/** What the rows are read from: the table's quoted "schema"."table", or a query result's relation. */
export function tableRef(table: Pick<TableInfo, 'schema' | 'name' | 'relation'>): string {
  return table.relation ?? `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
}

/** A query relation numbers its rows in this column: a subquery has no rowid to break sort ties with. */
const ROW_NUMBER = '__personascope_row';

/** Arrow types the browser's text search and facets can use as they are; other text-like columns are cast. */
const PLAIN_TEXT = new Set(['Utf8', 'LargeUtf8']);

/**
 * A query as a relation the browser can read like a table: `(SELECT … FROM (<sql>) AS q)`. Columns
 * that are neither plain text, number nor boolean (dates, lists, structs, enums) become VARCHAR, so
 * search, facets and summaries treat them as text. The newlines keep a trailing "-- comment" of the
 * query from swallowing the closing parenthesis. `sql` must be one query (see query-table.ts).
 */
export function queryRelation(sql: string, columns: Pick<ResultColumn, 'name' | 'type' | 'kind'>[]): string {
  const cols = columns.map((c) => {
    const name = quoteIdent(c.name);
    const keep = c.kind === 'number' || c.kind === 'boolean' || (c.kind === 'string' && PLAIN_TEXT.has(c.type));
    return keep ? name : `CAST(${name} AS VARCHAR) AS ${name}`;
  });
  return `(SELECT ${[...cols, `row_number() OVER () AS ${quoteIdent(ROW_NUMBER)}`].join(', ')} FROM (\n${sql}\n) AS q)`;
}

/** Sort ties keep the rows' own order: DuckDB's rowid for a stored table, the row number of a query. */
function rowOrder(table: Pick<TableInfo, 'relation'>): string {
  return table.relation ? quoteIdent(ROW_NUMBER) : 'rowid';
}

/** A row's number in the table's own order, from 1: what a link to one row (`row=`) names. */
function rowNumber(table: Pick<TableInfo, 'relation'>): string {
  return table.relation ? quoteIdent(ROW_NUMBER) : '(rowid + 1)';
}

/** Search text as compared: lower-cased, matched literally anywhere (no LIKE wildcards to escape). */
export function searchNeedle(text: string): string {
  return text.trim().toLowerCase();
}

/** A facet's text value converted back to the column's type, for the parameter. */
function facetParam(column: ColumnDoc | undefined, value: string): CellValue {
  if (column?.kind === 'boolean') return value === 'true';
  return value;
}

/**
 * A number bound as its text and cast by DuckDB: DuckDB-WASM passes parameters through JSON, whose
 * reader rounds the last digit of some doubles (0.9618320610687023 arrived as …024 and matched no
 * row). The column's own type keeps big integers exact too.
 */
function numberParam(column: ColumnDoc, placeholder: string): string {
  const type = /^[A-Z][A-Z0-9_ ]*(\(\d+(, ?\d+)?\))?$/i.test(column.type) ? column.type : 'DOUBLE';
  return `CAST(${placeholder} AS ${type})`;
}

/**
 * WHERE clause (with its leading " WHERE", or "") for the state's search, facets and ranges.
 * `skipFacet` leaves one column's facet out: a facet's own counts are taken under the other filters.
 * Columns not in the table, and inverted ranges, are ignored (a stale or hand-edited link must not break the query).
 */
export function whereClause(table: Pick<TableInfo, 'columns'>, state: TableViewState, skipFacet?: string, params: CellValue[] = []): Sql {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const parts: string[] = [];
  const param = (v: CellValue): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const search = state.search.trim();
  if (search) {
    // Text columns; a table with none (e.g. papi.answers, all numbers) is searched in every column as text.
    // contains(lower(…)) is a case-insensitive literal match, and measured faster than ILIKE … ESCAPE.
    const p = param(searchNeedle(search));
    const text = table.columns.filter((c) => c.kind === 'string');
    // Dates and times of an upload count as text columns too; lower() takes VARCHAR only.
    const asText = (c: ColumnDoc) => (c.type.toUpperCase() === 'VARCHAR' ? quoteIdent(c.name) : `CAST(${quoteIdent(c.name)} AS VARCHAR)`);
    const cols = (text.length ? text : table.columns).map(asText);
    parts.push(cols.length ? `(${cols.map((c) => `contains(lower(${c}), ${p})`).join(' OR ')})` : 'FALSE');
  }
  for (const [name, values] of Object.entries(state.facets)) {
    if (name === skipFacet || values.length === 0 || !byName.has(name)) continue;
    const column = byName.get(name);
    const numeric = column?.kind === 'number';
    // A value that is not a number cannot match a number column (a hand-edited link): no row, not an error.
    const kept = values.filter((v) => v !== NULL_TOKEN && (!numeric || Number.isFinite(Number(v))));
    const value = (v: string) => (numeric ? numberParam(column!, param(v.trim())) : param(facetParam(column, v)));
    const ors: string[] = [];
    if (kept.length === 1) ors.push(`${quoteIdent(name)} = ${value(kept[0])}`);
    else if (kept.length > 1) ors.push(`${quoteIdent(name)} IN (${kept.map(value).join(', ')})`);
    if (values.includes(NULL_TOKEN)) ors.push(`${quoteIdent(name)} IS NULL`);
    if (ors.length === 0) ors.push('FALSE');
    parts.push(ors.length === 1 ? ors[0] : `(${ors.join(' OR ')})`);
  }
  for (const [name, range] of Object.entries(state.ranges)) {
    // An inverted range (min above max, from a link) is not applied, as typing it is refused.
    if (byName.get(name)?.kind !== 'number' || isInverted(range)) continue;
    if (range.min !== null) parts.push(`${quoteIdent(name)} >= CAST(${param(String(range.min))} AS DOUBLE)`);
    if (range.max !== null) parts.push(`${quoteIdent(name)} <= CAST(${param(String(range.max))} AS DOUBLE)`);
  }
  return { sql: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', params };
}

/**
 * ORDER BY for the state's sort, ties broken by the table's own order (rowid). Unsorted pages need no
 * ORDER BY: DuckDB keeps insertion order by default, and a plain LIMIT can stop scanning early.
 */
export function orderClause(table: Pick<TableInfo, 'columns' | 'relation'>, state: TableViewState): string {
  const sort = state.sort;
  if (sort && table.columns.some((c) => c.name === sort.column)) {
    return ` ORDER BY ${quoteIdent(sort.column)} ${sort.desc ? 'DESC' : 'ASC'} NULLS LAST, ${rowOrder(table)}`;
  }
  return '';
}

/** Number of rows matching the state. */
export function countQuery(table: TableInfo, state: TableViewState): Sql {
  const where = whereClause(table, state);
  return { sql: `SELECT count(*)::INTEGER AS n FROM ${tableRef(table)}${where.sql}`, params: where.params };
}

/** One page of matching rows (every column), in the state's order. */
export function pageQuery(table: TableInfo, state: TableViewState, offset: number, limit: number): Sql {
  const where = whereClause(table, state);
  const cols = table.columns.map((c) => quoteIdent(c.name)).join(', ');
  const sql = `SELECT ${cols} FROM ${tableRef(table)}${where.sql}${orderClause(table, state)} LIMIT ${Math.max(0, Math.floor(limit))} OFFSET ${Math.max(0, Math.floor(offset))}`;
  return { sql, params: where.params };
}

/** The number (rowNumber) of the row at `index` of the state's rows, in the order pageQuery shows them. */
export function rowNumberAtQuery(table: TableInfo, state: TableViewState, index: number): Sql {
  const where = whereClause(table, state);
  const sql = `SELECT ${rowNumber(table)}::BIGINT AS n FROM ${tableRef(table)}${where.sql}${orderClause(table, state)} LIMIT 1 OFFSET ${Math.max(0, Math.floor(index))}`;
  return { sql, params: where.params };
}

/**
 * The place (from 1, as pageQuery shows them) of the row numbered `n` among the state's rows: no row
 * when the filters leave it out. A row opened by a link is named by its number, whatever the filters.
 */
export function rowPositionQuery(table: TableInfo, state: TableViewState, n: number): Sql {
  const where = whereClause(table, state);
  const order = orderClause(table, state).replace(/^ ORDER BY /, '') || rowOrder(table);
  const kept = `SELECT ${rowNumber(table)}::BIGINT AS n, row_number() OVER (ORDER BY ${order})::BIGINT AS position FROM ${tableRef(table)}${where.sql}`;
  return { sql: `SELECT position FROM (${kept}) WHERE n = CAST($${where.params.length + 1} AS BIGINT)`, params: [...where.params, String(n)] };
}

/** The row numbered `n` (rowNumber) with every column, whatever the filters: none when there is no such row. */
export function rowByNumberQuery(table: TableInfo, n: number): Sql {
  const cols = table.columns.map((c) => quoteIdent(c.name)).join(', ');
  return { sql: `SELECT ${cols} FROM ${tableRef(table)} WHERE ${rowNumber(table)} = CAST($1 AS BIGINT)`, params: [String(n)] };
}

/**
 * The first page and the matching count in one statement (one engine round trip instead of two): every
 * row carries the count in "__total"; no row means nothing matches.
 */
export function firstPageQuery(table: TableInfo, state: TableViewState, limit: number): Sql {
  const where = whereClause(table, state);
  const cols = table.columns.map((c) => quoteIdent(c.name)).join(', ');
  const ref = tableRef(table);
  const sql = `SELECT (SELECT count(*) FROM ${ref}${where.sql})::INTEGER AS "__total", ${cols} FROM ${ref}${where.sql}${orderClause(table, state)} LIMIT ${Math.max(0, Math.floor(limit))}`;
  return { sql, params: where.params };
}

/**
 * The rows the state keeps, grouped by `keys` (as k0, k1 …) with one aggregate as "value": the rows'
 * count, or the mean or sum of the finite values of `value`, as the chart builder reduces rows
 * (aggregateRows). Groups come in the order of their first row, as reading the rows in order finds them.
 */
export function groupQuery(table: TableInfo, state: TableViewState, keys: string[], value: string | null, how: 'count' | 'mean' | 'sum'): Sql {
  const where = whereClause(table, state);
  const v = value ? `CAST(${quoteIdent(value)} AS DOUBLE)` : 'CAST(NULL AS DOUBLE)';
  const finite = `FILTER (WHERE isfinite(${v}))`;
  const agg = how === 'count' ? 'count(*)::INTEGER' : how === 'sum' ? `coalesce(sum(${v}) ${finite}, 0)` : `avg(${v}) ${finite}`;
  const cols = keys.map((k, i) => `${quoteIdent(k)} AS ${quoteIdent(`k${i}`)}`);
  const groupBy = keys.length ? ` GROUP BY ${keys.map((_, i) => i + 1).join(', ')}` : '';
  return {
    sql: `SELECT ${[...cols, `${agg} AS "value"`].join(', ')} FROM ${tableRef(table)}${where.sql}${groupBy} ORDER BY min(${rowOrder(table)})`,
    params: where.params,
  };
}

/** Counts per value of one facet column under every other filter, commonest first. */
export function facetQuery(table: TableInfo, state: TableViewState, column: string, limit = 60): Sql {
  const where = whereClause(table, state, column);
  const c = quoteIdent(column);
  return {
    sql: `SELECT ${c} AS value, count(*)::INTEGER AS n FROM ${tableRef(table)}${where.sql} GROUP BY 1 ORDER BY n DESC, value NULLS LAST LIMIT ${limit}`,
    params: where.params,
  };
}

/** Distinct-value counts of every column (which ones are low-cardinality enough to be facets). */
export function cardinalityQuery(table: TableInfo): Sql {
  const parts = table.columns.map((c, i) => `count(DISTINCT ${quoteIdent(c.name)})::INTEGER AS ${quoteIdent(`d${i}`)}`);
  return { sql: `SELECT ${parts.join(', ')} FROM ${tableRef(table)}`, params: [] };
}

/** Nulls, distinct values and (for numbers) min, max and mean of one column under the filters. */
export function summaryQuery(table: TableInfo, state: TableViewState, column: ColumnDoc): Sql {
  const where = whereClause(table, state);
  const c = quoteIdent(column.name);
  const numeric =
    column.kind === 'number' ? `, min(${c})::DOUBLE AS min, max(${c})::DOUBLE AS max, avg(${c})::DOUBLE AS mean` : '';
  return {
    sql: `SELECT count(*)::INTEGER AS rows, count(*) FILTER (WHERE ${c} IS NULL)::INTEGER AS nulls, count(DISTINCT ${c})::INTEGER AS distinct_values${numeric} FROM ${tableRef(table)}${where.sql}`,
    params: where.params,
  };
}

/** Equal-width histogram of a numeric column between lo and hi (bins 0..bins-1) under the filters. */
export function histogramQuery(table: TableInfo, state: TableViewState, column: string, lo: number, hi: number, bins: number): Sql {
  const where = whereClause(table, state);
  const c = quoteIdent(column);
  const params = where.params;
  params.push(lo, hi);
  const loP = `$${params.length - 1}`;
  const hiP = `$${params.length}`;
  const width = `greatest((${hiP}::DOUBLE - ${loP}::DOUBLE) / ${bins}, 1e-300)`;
  const cond = where.sql ? `${where.sql} AND ${c} IS NOT NULL` : ` WHERE ${c} IS NOT NULL`;
  return {
    sql: `SELECT least(floor((${c} - ${loP}::DOUBLE) / ${width}), ${bins - 1})::INTEGER AS bin, count(*)::INTEGER AS n FROM ${tableRef(table)}${cond} GROUP BY 1 ORDER BY 1`,
    params,
  };
}
