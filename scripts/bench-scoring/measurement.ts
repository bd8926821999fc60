// The figures one side (Node or browser) reports for one scorer on one model shape.
import type { BatchSummary } from '../../src/lib/scoring/scorer.ts';
import type { ScorerName } from '../../src/lib/scoring/types.ts';
import type { ShapeName } from './workload.ts';

export interface Measurement {
  shape: ShapeName;
  scorer: ScorerName;
  /** How the models ran, e.g. "browser worker, wasm, 1 thread" or "node, onnxruntime-node, 1 thread". */
  runtime: string;
  /** ms to load the scorer's models: Node from the local folder, the browser from its Cache API. */
  loadMs: number;
  items: number;
  /** Rows scored per second after the warm-up (the scorer's own clock). */
  itemsPerSecond: number;
  /** Peak resident bytes of the process doing the work (Node process / the page's renderer) and how measured. */
  peakBytes: number | null;
  /** Resident bytes before the models were loaded, for scale. */
  baselineBytes: number | null;
  memoryNote: string;
  failedRows: number;
  /** Rows per second on the batch where persona, statements and questions recur (RECURRING_SCORERS only). */
  recurringItemsPerSecond?: number;
}

/** Rows a batch finished (scored or failed) per second of its own clock. */
export function rowsPerSecond(summary: Pick<BatchSummary, 'done' | 'failed' | 'elapsedMs'>): number {
  return ((summary.done + summary.failed) / summary.elapsedMs) * 1000;
}
