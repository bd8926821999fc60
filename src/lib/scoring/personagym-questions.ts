// PersonaGym's released questions as a scoring input: pick a persona, answer its questions (each
// task's ten), score the answers. Reads personagym.personas / personagym.questions through the db
// client with parameters only.
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
