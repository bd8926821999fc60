// PersonaGym answer sheets: the released questions as a CSV whose response column an agent fills in
// elsewhere. Read back through the batch file parser, a filled sheet gives the same items as the
// answers typed into the form (ids, persona statements, model), and every question is on it once.
import { describe, expect, it } from 'vitest';
import { parseFile, toScoreInputs } from '../../src/lib/scoring/input.ts';
import { gymInputs, gymPersonas, gymQuestions, gymSheet, gymSheetAll, GYM_SHEET_COLUMNS } from '../../src/lib/scoring/personagym-questions.ts';
import { splitStatements } from '../../src/lib/scoring/split.ts';
import type { ScoreInput } from '../../src/lib/scoring/types.ts';
import { sharedDb } from './built-data.ts';

const db = sharedDb();
const bytes = (csv: string) => new TextEncoder().encode(csv);

describe('PersonaGym answer sheets', () => {
  it("one persona's sheet, partly answered, reads back as the items the form would score", async () => {
    const [persona] = await gymPersonas(db);
    const questions = await gymQuestions(db, persona.personaId);
    const answers = questions.map((_, i) => (i === 0 ? 'I pitch the tent by the water, "as always", for the view.' : i === 7 ? 'Because, frankly,\nI like a challenge.' : ''));
    const parsed = parseFile('sheet.csv', bytes(gymSheet(persona, questions, answers, 'agent-x')));
    expect(parsed.columns).toEqual([...GYM_SHEET_COLUMNS]);
    expect(parsed.rows.length).toBe(questions.length);
    const { inputs, issues } = toScoreInputs(parsed);
    const typed = gymInputs(persona, questions, answers, 'agent-x').inputs;
    // A batch row's statements are split from its persona when scored, as the form splits them up front.
    const item = ({ id, model, persona: p, question, response, statements }: ScoreInput) => ({ id, model, p, question, response, statements: statements ?? splitStatements(p) });
    expect(inputs.map(item)).toEqual(typed.map(item));
    // The unanswered questions are named as not scored, one each.
    expect(issues.filter((i) => i.code === 'empty-response')).toHaveLength(questions.length - 2);
  });

  it('the sheet of all personas holds every released question once', async () => {
    const parsed = parseFile('all.csv', bytes(await gymSheetAll(db, 'agent-x')));
    const expected = Number((await db.query('SELECT count(*) AS n FROM personagym.questions')).rows[0].n);
    expect(expected).toBe(200 * 50);
    expect(parsed.rows.length).toBe(expected);
    const ids = parsed.rows.map((r) => r.values.id);
    expect(new Set(ids).size).toBe(expected);
    expect(ids[0]).toMatch(/^pg\d+·.+·\d+$/);
    expect(parsed.rows.every((r) => r.values.response === '' && r.values.model === 'agent-x')).toBe(true);
  });
});
