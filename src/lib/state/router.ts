// Hash routing: the site is static (GitHub Pages), so every page lives after "#" and
// needs no server rewrite. Plain TypeScript so views, tests and the CLI can share it.

export type Route =
  | { page: 'catalog' }
  | { page: 'benchmark'; id: string }
  | { page: 'table'; id: string; table: string }
  | { page: 'leaderboard' }
  | { page: 'models' }
  | { page: 'model'; id: string }
  | { page: 'compare' }
  | { page: 'mine' }
  | { page: 'mine-table'; name: string }
  | { page: 'sql' }
  | { page: 'sql-result' }
  | { page: 'score' }
  | { page: 'not-found'; path: string };

/** Turn a location hash ("#/b/personagym") into a route. Unknown paths are kept for the message. */
export function parseRoute(hash: string): Route {
  // The query part ("?facet.x=…") is the page's own state (url-state.ts), not part of the route.
  const path = hash.replace(/^#/, '').replace(/\?.*$/s, '').replace(/^\/+/, '').replace(/\/+$/, '');
  if (path === '') return { page: 'catalog' };
  let parts: string[];
  try {
    parts = path.split('/').map((part) => decodeURIComponent(part));
  } catch {
    return { page: 'not-found', path };
  }
  if (parts[0] === 'b' && parts.length === 2 && parts[1]) return { page: 'benchmark', id: parts[1] };
  if (parts[0] === 'b' && parts.length === 3 && parts[1] && parts[2]) {
    return { page: 'table', id: parts[1], table: parts[2] };
  }
  if (parts.length === 1 && parts[0] === 'leaderboard') return { page: 'leaderboard' };
  if (parts.length === 1 && parts[0] === 'models') return { page: 'models' };
  if (parts.length === 2 && parts[0] === 'models' && parts[1]) return { page: 'model', id: parts[1] };
  if (parts.length === 1 && parts[0] === 'compare') return { page: 'compare' };
  if (parts.length === 1 && parts[0] === 'mine') return { page: 'mine' };
  if (parts.length === 2 && parts[0] === 'mine' && parts[1]) return { page: 'mine-table', name: parts[1] };
  if (parts.length === 1 && parts[0] === 'sql') return { page: 'sql' };
  // A console query opened in the table browser / chart builder (the query itself is in "?sql=").
  if (parts.length === 2 && parts[0] === 'sql' && parts[1] === 'result') return { page: 'sql-result' };
  if (parts.length === 1 && parts[0] === 'score') return { page: 'score' };
  return { page: 'not-found', path };
}

/** The href (hash included) that opens a route; inverse of parseRoute. */
export function routeHref(route: Route): string {
  switch (route.page) {
    case 'catalog':
      return '#/';
    case 'benchmark':
      return `#/b/${encodeURIComponent(route.id)}`;
    case 'table':
      return `#/b/${encodeURIComponent(route.id)}/${encodeURIComponent(route.table)}`;
    case 'leaderboard':
      return '#/leaderboard';
    case 'models':
      return '#/models';
    case 'model':
      return `#/models/${encodeURIComponent(route.id)}`;
    case 'compare':
      return '#/compare';
    case 'mine':
      return '#/mine';
    case 'mine-table':
      return `#/mine/${encodeURIComponent(route.name)}`;
    case 'sql':
      return '#/sql';
    case 'sql-result':
      return '#/sql/result';
    case 'score':
      return '#/score';
    case 'not-found':
      return `#/${route.path}`;
  }
}

/** Current route of the window. */
export function currentRoute(): Route {
  return parseRoute(window.location.hash);
}

/** Call `listener` with the new route whenever the hash changes; returns the unsubscribe function. */
export function onRouteChange(listener: (route: Route) => void): () => void {
  const handler = () => listener(currentRoute());
  window.addEventListener('hashchange', handler);
  return () => window.removeEventListener('hashchange', handler);
}

/** A short, human title for the document (the tab), e.g. "PersonaGym · Personascope". */
export function routeTitle(route: Route, names: { benchmark?: string; table?: string; model?: string } = {}): string {
  const site = 'Personascope';
  switch (route.page) {
    case 'catalog':
      return `${site} · persona benchmarks`;
    case 'benchmark':
      return `${names.benchmark ?? route.id} · ${site}`;
    case 'table':
      return `${names.table ?? route.table} · ${names.benchmark ?? route.id} · ${site}`;
    case 'leaderboard':
      return `Leaderboards · ${site}`;
    case 'models':
      return `Models · ${site}`;
    case 'model':
      return `${names.model ?? route.id} · Models · ${site}`;
    case 'compare':
      return `Compare models · ${site}`;
    case 'mine':
      return `Your data · ${site}`;
    case 'mine-table':
      return `mine.${route.name} · Your data · ${site}`;
    case 'sql':
      return `SQL console · ${site}`;
    case 'sql-result':
      return `Query result · ${site}`;
    case 'score':
      return `Score responses · ${site}`;
    case 'not-found':
      return `Not found · ${site}`;
  }
}
