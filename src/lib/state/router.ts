// Hash routing: the site is static (GitHub Pages), so every page lives after "#" and
// needs no server rewrite. Plain TypeScript so views, tests and the CLI can share it.

export type Route =
  | { page: 'catalog' }
  | { page: 'benchmark'; id: string }
  | { page: 'table'; id: string; table: string }
  | { page: 'not-found'; path: string };

/** Turn a location hash ("#/b/personagym") into a route. Unknown paths are kept for the message. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').replace(/\/+$/, '');
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
export function routeTitle(route: Route, names: { benchmark?: string; table?: string } = {}): string {
  const site = 'Personascope';
  switch (route.page) {
    case 'catalog':
      return `${site} · persona benchmarks`;
    case 'benchmark':
      return `${names.benchmark ?? route.id} · ${site}`;
    case 'table':
      return `${names.table ?? route.table} · ${names.benchmark ?? route.id} · ${site}`;
    case 'not-found':
      return `Not found · ${site}`;
  }
}
