// The catalog as CodeMirror's SQL completion namespace: schemas → tables → columns, each with its
// title or type and description, so completing a name also says what it is.
import type { Completion } from '@codemirror/autocomplete';
import type { SQLNamespace } from '@codemirror/lang-sql';
import type { Catalog, TableInfo } from '../types.ts';

/** A name as it must be typed: bare when it is a plain lower-case identifier, else double-quoted. */
export function sqlName(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

function tableNode(t: TableInfo): SQLNamespace {
  const self: Completion = { label: sqlName(t.name), type: 'type', detail: `table · ${t.rows.toLocaleString('en-US')} rows`, info: t.title || t.description };
  const children: Completion[] = t.columns.map((c) => ({
    label: sqlName(c.name),
    type: 'property',
    detail: c.type,
    info: c.description || undefined,
  }));
  return { self, children };
}

/** `extra`: tables outside the catalog (the visitor's own, schema mine). */
export function completionSchema(catalog: Catalog, extra: TableInfo[] = []): SQLNamespace {
  const schemas: Record<string, { title: string; tables: TableInfo[] }> = {};
  for (const t of catalog.shared) (schemas[t.schema] ??= { title: 'Cross-benchmark tables', tables: [] }).tables.push(t);
  for (const b of catalog.benchmarks)
    for (const t of b.tables) (schemas[t.schema] ??= { title: b.short, tables: [] }).tables.push(t);
  for (const t of extra) (schemas[t.schema] ??= { title: 'Your data', tables: [] }).tables.push(t);
  const ns: Record<string, SQLNamespace> = {};
  for (const [schema, { title, tables }] of Object.entries(schemas)) {
    ns[sqlName(schema)] = {
      self: { label: sqlName(schema), type: 'namespace', detail: `schema · ${title}` },
      children: Object.fromEntries(tables.map((t) => [sqlName(t.name), tableNode(t)])),
    };
  }
  return ns;
}
