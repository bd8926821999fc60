// The console's URL: "#/sql?q=<the SQL>", so a link reproduces the query exactly.

export const CONSOLE_PATH = '#/sql';

export function consoleHref(sql: string): string {
  return sql ? `${CONSOLE_PATH}?${new URLSearchParams({ q: sql }).toString()}` : CONSOLE_PATH;
}

/** The SQL a console URL carries, or null when it carries none. */
export function consoleSql(hash: string): string | null {
  const at = hash.indexOf('?');
  if (at < 0) return null;
  return new URLSearchParams(hash.slice(at + 1)).get('q');
}
