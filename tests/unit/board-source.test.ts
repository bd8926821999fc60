// A leaderboard chart's source line credits a released benchmark only for its released rows: a board of
// uploads alone, even under a released benchmark's id, is the visitor's; a mixed board names both.
import { describe, expect, it } from 'vitest';
import { boardChartSpec } from '../../src/lib/charts/board-chart.ts';
import { sourceLine } from '../../src/lib/charts/spec.ts';
import type { RankedBoard } from '../../src/lib/explore/results-service.ts';
import type { BenchmarkEntry } from '../../src/lib/types.ts';

const entry = { id: 'personagym', short: 'PersonaGym', license: { spdx: 'MIT', status: 'open' } } as unknown as BenchmarkEntry;
const key = { benchmark: 'personagym', metric: 'persona_consistency', subset: '' };
const row = (model: string, value: number, upload: string | null) =>
  ({ model, model_id: model, display_name: model, value, rank: 1, items: 1, unit: '', higher_is_better: true, is_mine: upload !== null, upload, interval: null }) as unknown as RankedBoard['rows'][number];

describe('a leaderboard chart’s source', () => {
  it('of uploads alone names the upload and claims no licence, even under a released id', () => {
    const spec = boardChartSpec(key, { rows: [row('my-agent', 4.2, 'mine.gymnew')], bootstrap: null }, entry);
    expect(spec.source.benchmark).toBe('your data (mine.gymnew)');
    expect(spec.source.benchmarkIds).toEqual([]); // no \cite of PersonaGym in the LaTeX export
    expect(sourceLine(spec)).not.toMatch(/PersonaGym|MIT/);
  });

  it('of a mixed board names the release and the upload, each with its licence', () => {
    const spec = boardChartSpec(key, { rows: [row('gpt-4o', 4.5, null), row('my-agent', 4.2, 'mine.gymnew')], bootstrap: null }, entry);
    expect(sourceLine(spec)).toMatch(/^Source: PersonaGym and your data \(mine\.gymnew\), main\.results_all · licence MIT for PersonaGym’s rows; none claimed for yours/);
  });

  it('of released rows alone is the benchmark and its licence, as before', () => {
    const spec = boardChartSpec(key, { rows: [row('gpt-4o', 4.5, null)], bootstrap: null }, entry);
    expect(sourceLine(spec)).toMatch(/^Source: PersonaGym, main\.results_all · licence MIT/);
    expect(spec.source.benchmarkIds).toBeUndefined();
  });
});
