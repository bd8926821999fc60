// PersonaGym's released questions as a scoring input: pick a persona, answer its questions (each
// task's ten), score the answers. Or take them away as an answer sheet (a batch file whose response
// column is to be filled by an agent elsewhere) for one persona or all. Reads personagym.personas /
// personagym.questions through the db client with parameters only.
import { toCsv } from '../export/csv.ts';
import type { CellValue, QueryResult } from '../types.ts';
import { splitStatements } from './split.ts';
import type { RowIssue, ScoreInput } from './types.ts';
import { validateRow } from './validate.ts';

/** The part of the db client this needs. */
export interface Queryable {
  query(sql: string, opts?: { params?: CellValue[] }): Promise<QueryResult>;
}

export interface GymPersona {
  personaId: number;
  persona: string;
}

export interface GymQuestion {
  task: string;
  questionIndex: number;
  question: string;
}

export async function gymPersonas(db: Queryable): Promise<GymPersona[]> {
  const r = await db.query('SELECT persona_id, persona FROM personagym.personas ORDER BY persona_id');
  return r.rows.map((row) => ({ personaId: Number(row.persona_id), persona: String(row.persona ?? '') }));
}

export async function gymQuestions(db: Queryable, personaId: number): Promise<GymQuestion[]> {
  const r = await db.query('SELECT task, question_index, question FROM personagym.questions WHERE persona_id = ? ORDER BY task, question_index', {
    params: [personaId],
  });
  return r.rows.map((row) => ({ task: String(row.task), questionIndex: Number(row.question_index), question: String(row.question ?? '') }));
}

/** The id of a PersonaGym item: "pg12·Toxicity·3". */
export function gymItemId(personaId: number, q: Pick<GymQuestion, 'task' | 'questionIndex'>): string {
  return `pg${personaId}·${q.task}·${q.questionIndex}`;
}

/**
 * Answered questions → inputs. Unanswered questions are not items (answering only some is normal);
 * the count of answered ones is for the UI to show.
 */
export function gymInputs(persona: GymPersona, questions: readonly GymQuestion[], answers: readonly string[], model: string): { inputs: ScoreInput[]; issues: RowIssue[] } {
  const inputs: ScoreInput[] = [];
  const issues: RowIssue[] = [];
  const statements = splitStatements(persona.persona);
  questions.forEach((q, i) => {
    const response = answers[i] ?? '';
    if (!response.trim()) return;
    const raw = { persona: persona.persona, question: q.question, response, model, id: gymItemId(persona.personaId, q), statements };
    const { input, issues: found } = validateRow(raw, { line: null, index: i });
    issues.push(...found);
    if (input) inputs.push(input);
  });
  if (inputs.length === 0 && issues.length === 0) {
    issues.push({ level: 'error', code: 'empty-response', message: 'answer at least one question to score', line: null, id: null });
  }
  return { inputs, issues };
}

/** Columns of an answer sheet: a batch file for the Score page once `response` is filled in. */
export const GYM_SHEET_COLUMNS = ['id', 'model', 'persona', 'task', 'question', 'response'] as const;

interface SheetQuestion extends GymQuestion {
  personaId: number;
  persona: string;
  response: string;
}

function sheetCsv(items: readonly SheetQuestion[], model: string): string {
  const rows = items.map((q) => ({ id: gymItemId(q.personaId, q), model, persona: q.persona, task: q.task, question: q.question, response: q.response }));
  return toCsv({ columns: GYM_SHEET_COLUMNS.map((name) => ({ name, type: 'Utf8', kind: 'string' as const })), rows });
}

/** One persona's questions as an answer sheet (CSV), with the answers given so far. */
export function gymSheet(persona: GymPersona, questions: readonly GymQuestion[], answers: readonly string[], model: string): string {
  return sheetCsv(questions.map((q, i) => ({ ...q, ...persona, response: answers[i] ?? '' })), model);
}

/** Every persona's questions (200 × 50) as one answer sheet (CSV), responses empty. */
export async function gymSheetAll(db: Queryable, model: string): Promise<string> {
  const r = await db.query(
    'SELECT p.persona_id, p.persona, q.task, q.question_index, q.question FROM personagym.questions q JOIN personagym.personas p USING (persona_id) ORDER BY p.persona_id, q.task, q.question_index',
  );
  const items = r.rows.map((row) => ({
    personaId: Number(row.persona_id),
    persona: String(row.persona ?? ''),
    task: String(row.task),
    questionIndex: Number(row.question_index),
    question: String(row.question ?? ''),
    response: '',
  }));
  return sheetCsv(items, model);
}
