// Every view except the catalog is its own chunk, fetched the first time its route is visited, so the
// first screen downloads only the shell and the catalog (the console's editor, the charts, the scorer
// client and the table browser come with the pages that use them).

/** A view fetched on demand; once fetched, `current` (reactive) holds it, so a remount ({#key}) renders at once. */
export interface LazyComponent<C> {
  readonly current: C | undefined;
  load(): Promise<C>;
}

function lazy<C>(importer: () => Promise<{ default: C }>): LazyComponent<C> {
  let current = $state.raw<C | undefined>();
  let pending: Promise<C> | undefined;
  return {
    get current() {
      return current;
    },
    load() {
      pending ??= importer().then(
        (module) => (current = module.default),
        (error: unknown) => {
          // Forget the failure so that trying again fetches the chunk again.
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
  };
}

export const views = {
  benchmark: lazy(() => import('./BenchmarkView.svelte')),
  table: lazy(() => import('./TableView.svelte')),
  leaderboard: lazy(() => import('./LeaderboardView.svelte')),
  models: lazy(() => import('./ModelsView.svelte')),
  model: lazy(() => import('./ModelView.svelte')),
  compare: lazy(() => import('./CompareView.svelte')),
  mine: lazy(() => import('./MineView.svelte')),
  mineTable: lazy(() => import('./MineTableView.svelte')),
  sql: lazy(() => import('./ConsoleView.svelte')),
  sqlResult: lazy(() => import('./ResultView.svelte')),
  score: lazy(() => import('./ScoreView.svelte')),
};
