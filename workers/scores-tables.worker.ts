// Builds mine.scores and mine.score_statements from the scoring jobs saved in IndexedDB, off the
// main thread (scores-tables-client.ts starts it for one call). The CSV files go back as Blobs.
import * as Comlink from 'comlink';
import { indexedDbJobStore } from '../src/lib/scoring/job-store.ts';
import { buildScoresTables } from '../src/lib/scoring/scores-tables.ts';

const api = {
  build: () => buildScoresTables(indexedDbJobStore()),
};

export type ScoresTablesWorker = typeof api;
Comlink.expose(api);
