// The page's way to build mine.scores and mine.score_statements: in a worker of its own, started for
// the one call, since reading and flattening thousands of saved rows would hold the main thread
// for longer than a frame. A worker that fails to start or dies rejects the call.
import * as Comlink from 'comlink';
import type { ScoresTablesWorker } from '../../../workers/scores-tables.worker.ts';
import type { ScoresTableFiles } from './scores-tables.ts';
import { unlessWorkerDies } from '../unless-worker-dies.ts';

export async function buildScoresTablesInWorker(): Promise<ScoresTableFiles> {
  const worker = new Worker(new URL('../../../workers/scores-tables.worker.ts', import.meta.url), { type: 'module', name: 'personascope-scores-tables' });
  try {
    return await unlessWorkerDies(
      worker,
      Comlink.wrap<ScoresTablesWorker>(worker).build(),
      (message) => new Error(`the worker building the scores tables stopped: ${message ?? 'it could not be loaded'}`),
    );
  } finally {
    worker.terminate();
  }
}
