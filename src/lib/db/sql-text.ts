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
