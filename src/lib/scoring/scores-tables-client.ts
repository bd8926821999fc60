// The page's way to build mine.scores and mine.score_statements: in a worker of its own, started for
// the one call, since reading and flattening thousands of saved rows would hold the main thread
// for longer than a frame. A worker that fails to start or dies rejects the call.
import * as Comlink from 'comlink';
import type { ScoresTablesWorker } from '../../../workers/scores-tables.worker.ts';
import type { ScoresTableFiles } from './scores-tables.ts';

export async function buildScoresTablesInWorker(): Promise<ScoresTableFiles> {
  const worker = new Worker(new URL('../../../workers/scores-tables.worker.ts', import.meta.url), { type: 'module', name: 'personascope-scores-tables' });
  try {
    const died = new Promise<never>((_, reject) =>
      worker.addEventListener('error', (e) => reject(new Error(`the worker building the scores tables stopped: ${e.message || 'it could not be loaded'}`))),
    );
    return await Promise.race([Comlink.wrap<ScoresTablesWorker>(worker).build(), died]);
  } finally {
    worker.terminate();
  }
}
