// Small, engine-free helpers over SQL text.

/** Quotes an identifier for DuckDB ("a""b"); use it for every name that came from data or a user. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal ('it''s'). Prefer query parameters; use this only where DuckDB takes no parameter. */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** URLs a query would read from outside the site (read_csv('https://…'), ATTACH 's3://…' …). */
export function hasOutsideAccess(sql: string): string[] {
  const found = sql.match(/\b(?:https?|s3|s3a|gcs|gs|r2|az|azure|abfss|hf|ftp):\/\/[^\s'"`)]+/gi) ?? [];
  return [...new Set(found)];
}

/** Lower-cased word tokens of the SQL (identifiers and keywords, quoted or not). */
export function sqlTokens(sql: string): Set<string> {
  return new Set((sql.match(/[A-Za-z_][A-Za-z0-9_$]*/g) ?? []).map((t) => t.toLowerCase()));
}

export interface SqlNames {
  /** "schema.table" pairs written with a dot (quoted or not), lower-cased. */
  qualified: Set<string>;
  /** Words not written after a dot: bare table names, schema names, keywords. */
  bare: Set<string>;
}

/** Names a query may refer to, read from its text without parsing it (so it over-approximates). */
export function sqlNames(sql: string): SqlNames {
  const ident = String.raw`(?:"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*))`;
  const qualified = new Set<string>();
  const pair = new RegExp(`${ident}\\s*\\.\\s*${ident}`, 'g');
  const unq = (quoted: string | undefined, plain: string | undefined) => (quoted?.replaceAll('""', '"') ?? plain ?? '').toLowerCase();
  for (const m of sql.matchAll(pair)) qualified.add(`${unq(m[1], m[2])}.${unq(m[3], m[4])}`);
  const bare = new Set<string>();
  for (const m of sql.matchAll(new RegExp(`(\\.\\s*)?${ident}`, 'g'))) if (!m[1]) bare.add(unq(m[2], m[3]));
  return { qualified, bare };
}
