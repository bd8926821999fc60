// An upload's model names are linked to canonical models the way the releases' are: "GPT-4o" (the
// spelling PersonaMem's release uses) is gpt-4o, in any case; the typed name stays visible.
import { describe, expect, it } from 'vitest';
import { createNodeDbWithUserData } from '../../src/lib/db/node.ts';
import { memoryStore } from '../../src/lib/db/user-data/store.ts';
import { resultsService } from '../../src/lib/explore/results-service.ts';
import { dataDir } from './built-data.ts';

const { db, userData } = createNodeDbWithUserData(dataDir, memoryStore());
const file = (text: string) => new Blob([text]);

describe('model names of uploads', () => {
  it('maps the name the site shows (display_name) too', async () => {
    const [shown] = (await db.query("select display_name, model_id from main.models where model_id = 'gpt-4o-mini'")).rows;
    await userData.add(file(`model,benchmark,metric,value\n${String(shown.display_name).toUpperCase()},own,acc,0.5\n`), 'shown.csv');
    const rows = await db.query("select model_id from main.results_all where upload = 'mine.shown'");
    expect(rows.rows).toEqual([{ model_id: 'gpt-4o-mini' }]);
    await userData.remove('shown');
  });

  it('maps ids and aliases case-insensitively onto main.models, keeping the typed name', async () => {
    const alias = await db.query("select alias, model_id from main.model_aliases where alias = 'GPT-4o' limit 1");
    expect(alias.rows).toEqual([{ alias: 'GPT-4o', model_id: 'gpt-4o' }]);
    const csv = 'model,benchmark,metric,value\nGPT-4o,own,acc,0.5\ngpt-4O-MINI ,own,acc,0.4\nmy-agent,own,acc,0.3\n';
    await userData.add(file(csv), 'names.csv');
    const rows = await resultsService(db).board({ benchmark: 'own', metric: 'acc', subset: '' });
    expect(rows.map((r) => [r.model, r.model_id, r.canonical])).toEqual([
      ['GPT-4o', 'gpt-4o', true],
      ['gpt-4O-MINI ', 'gpt-4o-mini', true],
      ['my-agent', 'my-agent', false],
    ]);
    await userData.remove('names');
  });

  it('leaves a name that spells two models as typed, and says so at upload', async () => {
    // No released spelling is shared today; two releases naming different models alike would make one.
    await db.query("INSERT INTO main.model_aliases VALUES ('GPT-4 family', 'gpt-4o', 'one'), ('gpt-4 FAMILY', 'gpt-4o-mini', 'two')");
    const { notes } = await userData.add(file('model,benchmark,metric,value\nGPT-4 family,own,acc,0.5\ngpt-4o,own,acc,0.4\n'), 'shared.csv');
    expect(notes).toEqual(['“GPT-4 family” spells more than one model here (gpt-4o, gpt-4o-mini), so its rows stay under the name as typed: write one of those ids in the file to link them to that model.']);
    const rows = await db.query("select model, model_id from main.results_all where upload = 'mine.shared' order by model");
    expect(rows.rows).toEqual([
      { model: 'GPT-4 family', model_id: 'GPT-4 family' },
      { model: 'gpt-4o', model_id: 'gpt-4o' },
    ]);
    await userData.remove('shared');
    await db.query("DELETE FROM main.model_aliases WHERE benchmark IN ('one', 'two')");
  });

  it('reads a model column named model_id (the join cannot take it for its own)', async () => {
    await userData.add(file('model_id,metric,value\nGPT-4o,acc,0.5\n'), 'ids.csv');
    await userData.setMapping('ids', { model: 'model_id', metric: 'metric', value: 'value', benchmark: { fixed: 'mine:ids' }, subset: null, unit: null, higherIsBetter: null });
    const r = await db.query("select model, model_id from main.results_all where upload = 'mine.ids'");
    expect(r.rows).toEqual([{ model: 'GPT-4o', model_id: 'gpt-4o' }]);
  });
});
