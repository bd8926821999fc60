// URL state: the hash's query part round-trips every table-view setting, and odd input degrades gracefully.
import { describe, expect, it } from 'vitest';
import { drillLinks } from '../../src/lib/explore/drill-links.ts';
import { saveSqlDraft, sqlDraft } from '../../src/lib/state/sql-drafts.ts';
import { memoryStorage } from './memory-storage.ts';
import { parseRoute } from '../../src/lib/state/router.ts';
import {
  EMPTY_TABLE_STATE,
  NULL_TOKEN,
  isInverted,
  joinHash,
  parseList,
  parseRowNumber,
  parseTablePanels,
  parseTableState,
  unreadRanges,
  splitHash,
  tableStateHref,
  writeTablePanels,
  writeTableState,
  type TableViewState,
} from '../../src/lib/state/url-state.ts';

describe('url state', () => {
  it('splits and joins the hash around "?"', () => {
    const { path, query } = splitHash('#/b/personagym/questions?facet.task=Toxicity&sort=-question_index&q=hiking');
    expect(path).toBe('/b/personagym/questions');
    expect(query.get('q')).toBe('hiking');
    expect(joinHash(path, query)).toBe('#/b/personagym/questions?facet.task=Toxicity&sort=-question_index&q=hiking');
    expect(joinHash('/models', new URLSearchParams())).toBe('#/models');
  });

  it('reads search, sort, several facets and ranges', () => {
    const state = parseTableState(
      new URLSearchParams('q=hiking&sort=-question_index&facet.task=Toxicity&facet.task=Expected%20Action&facet.persona_id=3&range.score=1..&range.x=..2.5'),
    );
    expect(state).toEqual<TableViewState>({
      search: 'hiking',
      sort: { column: 'question_index', desc: true },
      facets: { task: ['Toxicity', 'Expected Action'], persona_id: ['3'] },
      ranges: { score: { min: 1, max: null }, x: { min: null, max: 2.5 } },
    });
  });

  it('round-trips any state, odd characters and nulls included', () => {
    const state: TableViewState = {
      search: 'a&b=c ?#%',
      sort: { column: 'weird "col"', desc: false },
      facets: { 'col.with.dots': ['x,y', NULL_TOKEN], n: ['1'] },
      ranges: { v: { min: -1.5, max: 3 } },
    };
    const hash = joinHash('/b/x/y', writeTableState(state));
    expect(parseRoute(hash)).toEqual({ page: 'table', id: 'x', table: 'y' });
    expect(parseTableState(splitHash(hash).query)).toEqual(state);
  });

  it('ignores malformed parts instead of failing', () => {
    expect(parseTableState(new URLSearchParams('sort=-&range.v=abc..&facet.=x'))).toEqual(EMPTY_TABLE_STATE);
  });

  it('keeps the open row and the column summary beside the filters, and says which row texts are row numbers', () => {
    const query = writeTableState({ ...EMPTY_TABLE_STATE, search: 'x' }, new URLSearchParams('sql=SELECT 1'));
    writeTablePanels({ row: '3', summary: 'persona id' }, query);
    const hash = joinHash('/b/personagym/personas', query);
    const back = splitHash(hash).query;
    expect(parseTablePanels(back)).toEqual({ row: '3', summary: 'persona id' });
    expect(parseTableState(back).search).toBe('x');
    // Writing the filters keeps the panels, and closing them leaves no key behind.
    expect(writeTableState(EMPTY_TABLE_STATE, back).get('row')).toBe('3');
    expect(writeTablePanels({ row: null, summary: null }, back).toString()).toBe('sql=SELECT+1');
    expect(parseTablePanels(new URLSearchParams())).toEqual({ row: null, summary: null });
    expect([' 12 ', '1', '0', '-2', '1.5', 'abc', '', '99999999999999999999'].map(parseRowNumber)).toEqual([12, 1, null, null, null, null, null, null]);
  });

  it('does not apply half of a range a link cannot read, and names it', () => {
    const query = new URLSearchParams('range.persona_id=abc..5&range.a=5&range.b=1..2..3&range.ok=..5&range.open=..');
    expect(parseTableState(query).ranges).toEqual({ ok: { min: null, max: 5 } });
    expect(unreadRanges(query)).toEqual({ persona_id: 'abc..5', a: '5', b: '1..2..3' });
  });

  it('calls a range inverted only when both ends are there and the minimum is above the maximum', () => {
    expect(isInverted({ min: 10, max: 5 })).toBe(true);
    expect(isInverted({ min: 5, max: 5 })).toBe(false);
    expect(isInverted({ min: 10, max: null })).toBe(false);
    expect(isInverted(parseTableState(new URLSearchParams('range.persona_id=10..5')).ranges.persona_id)).toBe(true);
  });

  it('keeps a page’s other keys when writing the table state', () => {
    const q = writeTableState({ ...EMPTY_TABLE_STATE, search: 'x' }, new URLSearchParams('m=a,b&q=old&facet.t=1'));
    expect(q.toString()).toBe('m=a%2Cb&q=x');
    expect(parseList(q.get('m'))).toEqual(['a', 'b']);
    expect(parseList(' a, ,b ')).toEqual(['a', 'b']);
  });

  it('builds drill-down links the router understands', () => {
    const href = tableStateHref('/b/personagym/questions', { facets: { persona_id: ['7'] }, sort: { column: 'task', desc: false } });
    expect(href).toBe('#/b/personagym/questions?sort=task&facet.persona_id=7');
    expect(parseRoute(href)).toEqual({ page: 'table', id: 'personagym', table: 'questions' });
  });

  it('links a PersonaBench evidence row to its segment only when that segment is shipped (noise 0)', () => {
    const labels = (shipped: boolean) => drillLinks('personabench.evidence', { segment_id: '000001_s3', noise_ratio: shipped ? 0 : 0.3, document_shipped: shipped }).map((l) => l.label);
    expect(labels(true)).toEqual(['The segment’s turns', 'The segment']);
    expect(labels(false)).toEqual([]);
  });

  it('routes the explorer pages', () => {
    expect(parseRoute('#/leaderboard?benchmark=personagym&metric=score')).toEqual({ page: 'leaderboard' });
    expect(parseRoute('#/models')).toEqual({ page: 'models' });
    expect(parseRoute('#/models/gpt-4o')).toEqual({ page: 'model', id: 'gpt-4o' });
    expect(parseRoute('#/compare?m=a,b')).toEqual({ page: 'compare' });
  });
});

describe('SQL drafts', () => {
  it('keeps what was typed per box, forgets a box put back as it started, and the oldest beyond 50', () => {
    const store = memoryStorage();
    saveSqlDraft('SELECT * FROM t', 'SELECT a FROM t', 'SELECT * FROM t', store);
    expect(sqlDraft('SELECT * FROM t', store)).toBe('SELECT a FROM t');
    saveSqlDraft('SELECT * FROM t', 'SELECT * FROM t', 'SELECT * FROM t', store);
    expect(sqlDraft('SELECT * FROM t', store)).toBeNull();
    for (let i = 0; i < 51; i++) saveSqlDraft(`box ${i}`, `typed ${i}`, null, store);
    expect(sqlDraft('box 0', store)).toBeNull();
    expect(sqlDraft('box 50', store)).toBe('typed 50');
  });
});
