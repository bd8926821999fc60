// Chart builder: defaults from column types, aggregation, validation, and the state in the URL.
import { describe, expect, it } from 'vitest';
import { aggregateRows, builderSpec, defaultState, readBuilderState, validate, writeBuilderState, type BuilderColumn } from '../../src/lib/charts/builder.ts';

const rows = [
  { model: 'a', task: 't1', score: 1, n: 10 },
  { model: 'a', task: 't2', score: 3, n: 20 },
  { model: 'b', task: 't1', score: 5, n: 30 },
];
const source = { benchmark: 'B', benchmarkId: 'b', table: 'b.t', license: 'MIT' };
const cols = (...c: [string, BuilderColumn['kind']][]): BuilderColumn[] => c.map(([name, kind]) => ({ name, kind }));

describe('chart builder', () => {
  it('picks defaults by column type', () => {
    expect(defaultState(cols(['model', 'string'], ['score', 'number']), rows)).toMatchObject({ mark: 'bar', x: 'model', y: 'score', aggregate: 'mean', sort: 'value-desc' });
    expect(defaultState(cols(['score', 'number'], ['n', 'number']), rows)).toMatchObject({ mark: 'scatter', x: 'score', y: 'n' });
    expect(defaultState(cols(['score', 'number']), rows)).toMatchObject({ mark: 'histogram', x: 'score' });
    expect(defaultState(cols(['model', 'string'], ['task', 'string'], ['score', 'number']), rows)).toMatchObject({ mark: 'heatmap', y: 'model', x: 'task', color: 'score' });
  });

  it('aggregates by the categorical channels', () => {
    expect(aggregateRows(rows, ['model'], 'score', 'mean')).toEqual([{ model: 'a', score: 2 }, { model: 'b', score: 5 }]);
    expect(aggregateRows(rows, ['model'], 'score', 'sum')).toEqual([{ model: 'a', score: 4 }, { model: 'b', score: 5 }]);
    expect(aggregateRows(rows, ['task'], null, 'count')).toEqual([{ task: 't1', count: 2 }, { task: 't2', count: 1 }]);
  });

  it('builds a sorted horizontal bar spec and names what is missing', () => {
    const state = defaultState(cols(['model', 'string'], ['score', 'number']), rows);
    const spec = builderSpec(state, rows, source, 'T');
    expect(spec.encoding).toMatchObject({ mark: 'bar', x: 'score', y: 'model', sort: 'value-desc' });
    expect(spec.data).toHaveLength(2);
    expect(validate({ ...state, y: '' }, cols(['model', 'string'], ['score', 'number']))).toEqual(['Choose a column for y.']);
    expect(validate({ ...state, mark: 'scatter' }, cols(['model', 'string'], ['score', 'number']))[0]).toMatch(/numeric/);
  });

  it('round-trips through the URL query next to other keys, and reports bad links', () => {
    const state = defaultState(cols(['model', 'string'], ['score', 'number']), rows);
    const query = writeBuilderState(state, new URLSearchParams('q=abc&facet.model=a'));
    expect(query.get('q')).toBe('abc');
    expect(readBuilderState(new URLSearchParams(query.toString()))).toEqual(state);
    expect(readBuilderState(new URLSearchParams('q=1'))).toBeNull();
    expect(readBuilderState(new URLSearchParams('chart.mark=pie'))).toEqual({ error: expect.stringContaining('Unknown chart mark “pie”') });
    expect(writeBuilderState(null, query).toString()).toBe('q=abc&facet.model=a');
  });
});
