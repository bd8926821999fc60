// The paste form → score inputs: one persona (its statements as edited), one or more questions and,
// for each question, the responses of one or more models side by side. Every non-empty cell is one
// item; a question with no response at all is reported, not silently dropped.
import { cleanStatements } from './split.ts';
import type { RowIssue, ScoreInput } from './types.ts';
import { validateRow } from './validate.ts';

export interface PasteForm {
  persona: string;
  /** Statements as the user edited them (split from the persona by default). */
  statements: string[];
  questions: string[];
  /** Model (or agent) names, one per response column. */
  models: string[];
  /** responses[question][model]. */
  responses: string[][];
}

/** The item id of a cell: "q2·model-b". */
export function pasteItemId(questionIndex: number, model: string, modelIndex: number): string {
  const name = model.trim() || `response-${modelIndex + 1}`;
  return `q${questionIndex + 1}·${name}`;
}

/** The default name of an added response column: the first of model A … model Z (then model 27 …) not in use. */
export function nextModelName(models: readonly string[]): string {
  const taken = new Set(models.map((m) => m.trim().toLowerCase()));
  for (let i = 0; ; i++) {
    const name = `model ${i < 26 ? String.fromCharCode(65 + i) : i + 1}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

export function pasteInputs(form: PasteForm): { inputs: ScoreInput[]; issues: RowIssue[] } {
  const inputs: ScoreInput[] = [];
  const issues: RowIssue[] = [];
  const statements = cleanStatements(form.statements);
  const named = form.models.map((m, i) => m.trim() || `response-${i + 1}`);
  const dup = named.find((m, i) => named.indexOf(m) !== i);
  if (dup) {
    issues.push({ level: 'error', code: 'bad-row', message: `two response columns are both called “${dup}”: give each model its own name`, line: null, id: null, field: 'model' });
    return { inputs, issues };
  }
  let index = 0;
  form.questions.forEach((question, qi) => {
    const cells = form.models.map((_, mi) => form.responses[qi]?.[mi] ?? '');
    if (!question.trim() && cells.every((c) => !c.trim())) return; // an unused blank line of the form
    cells.forEach((response, mi) => {
      // A blank cell next to filled ones: that model did not answer this question; say so and go on.
      const raw = { persona: form.persona, question, response, model: named[mi], id: pasteItemId(qi, form.models[mi], mi), statements };
      const { input, issues: found } = validateRow(raw, { line: null, index: index++ });
      issues.push(...found);
      if (input) inputs.push(input);
    });
  });
  if (inputs.length === 0 && issues.length === 0) {
    issues.push({ level: 'error', code: 'empty-question', message: 'write at least one question and one response', line: null, id: null });
  }
  if (statements.length === 0 && form.persona.trim()) {
    issues.push({ level: 'error', code: 'no-statements', message: 'the persona has no statements left after editing: add at least one', line: null, id: null, field: 'persona' });
    return { inputs: [], issues };
  }
  return { inputs, issues };
}
