// A job's outcomes as they arrive, kept in input order with running per-model sums, so the results
// panel does work in proportion to the rows that came since it last drew rather than to the whole
// batch (a batch of 10,000 rows re-sorted and re-summed every frame made long main-thread tasks).
import { METRICS, modelName, tallyOf, type ModelSummary, type ModelTally, type ScoreMetric } from './result-views.ts';
import type { RowIssue, RowOutcome, ScoreInput } from './types.ts';

export class ResultTally {
  /** Every outcome by input index. */
  readonly outcomes = new Map<number, RowOutcome>();
  /** The same, in input order. */
  readonly rows: [number, RowOutcome][] = [];
  /** The failed rows' problems, in the order the rows arrived. */
  failures: RowIssue[] = [];
  scored = 0;
  /** Metrics at least one scored row has. */
  readonly usable = new Set<ScoreMetric>();
  /** The model of every row, failed ones included (theirs comes from the input). */
  readonly models = new Set<string>();
  private tallies = new Map<string, ModelTally>();

  constructor(
    readonly jobId: string | null,
    private readonly inputs: readonly ScoreInput[],
    outcomes: ReadonlyMap<number, RowOutcome> = new Map(),
  ) {
    for (const [index, outcome] of [...outcomes].sort((a, b) => a[0] - b[0])) this.add(index, outcome);
  }

  modelOf = (index: number): string => modelName(this.inputs[index] ?? { model: null });

  add(index: number, outcome: RowOutcome): void {
    if (this.outcomes.has(index)) return this.replace(index, outcome);
    this.outcomes.set(index, outcome);
    // Rows arrive in input order but for those a crash skipped or an earlier run left: append, else insert.
    const last = this.rows.at(-1);
    if (!last || last[0] < index) this.rows.push([index, outcome]);
    else this.rows.splice(this.positionOf(index), 0, [index, outcome]);
    this.count(index, outcome);
  }

  /** Per-model means and counts, models in the order their first row arrived. */
  summary(): ModelSummary[] {
    return [...this.tallies.values()].map((t) => t.summary());
  }

  private count(index: number, outcome: RowOutcome): void {
    this.models.add(this.modelOf(index));
    if (!outcome.ok) {
      this.failures.push(...outcome.failure.errors);
      return;
    }
    this.scored++;
    tallyOf(this.tallies, modelName(outcome.score)).add(outcome.score);
    for (const m of Object.keys(METRICS) as ScoreMetric[]) if (METRICS[m].value(outcome.score) !== null) this.usable.add(m);
  }

  /** A row saved again (not done by the runner, which saves a row once): everything is counted anew. */
  private replace(index: number, outcome: RowOutcome): void {
    this.outcomes.set(index, outcome);
    this.rows[this.positionOf(index)] = [index, outcome];
    this.failures = [];
    this.scored = 0;
    this.usable.clear();
    this.models.clear();
    this.tallies = new Map();
    for (const [i, o] of this.rows) this.count(i, o);
  }

  /** Where `index` is or would go in `rows` (binary search). */
  private positionOf(index: number): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[mid][0] < index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
