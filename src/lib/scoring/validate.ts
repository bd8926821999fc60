// Input validation: every problem names its row; bad rows are reported and skipped, the others
// are still scored.
import { rowName } from './row-name.ts';
import type { RowIssue, ScoreInput } from './types.ts';

/**
 * Longest text (in UTF-16 code units) kept per field. Far above what the models read (512 tokens at
 * most, a few thousand characters); it only bounds tokenisation work on huge inputs. The models'
 * own token limit is applied later and reported separately (code 'truncated-tokens').
 */
export const MAX_TEXT_CHARS = 20_000;

export const TEXT_FIELDS = ['persona', 'question', 'response'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export interface RawRow {
  persona?: unknown;
  question?: unknown;
  response?: unknown;
  id?: unknown;
  model?: unknown;
  statements?: unknown;
}

export interface RowContext {
  /** 1-based line in the source file (null for pasted input). */
  line: number | null;
  /** 0-based position among the rows, used for default ids. */
  index: number;
  /** 1-based position in a JSON array: the default id there, since a minified array is all on line 1. */
  element?: number;
  /** The decoder found bytes that are not UTF-8 on this row's lines. */
  notUtf8?: boolean;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

function asText(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/**
 * A text field's value from a JSON file: a list of texts is one per line (a persona given as its
 * statements, as PersonaChat does); an object or a list of anything else is a problem to report.
 */
function fieldText(v: unknown): { text: string } | { problem: string } {
  if (Array.isArray(v)) {
    const bad = v.findIndex((x) => typeof x !== 'string' && typeof x !== 'number');
    return bad < 0 ? { text: v.join('\n') } : { problem: `is a list whose item ${bad + 1} is not a text (${JSON.stringify(v[bad])})` };
  }
  if (v !== null && typeof v === 'object') {
    const json = JSON.stringify(v);
    return { problem: `is a JSON object (${json.length > 60 ? `${json.slice(0, 60)}…` : json}), not a text: map a column that holds text` };
  }
  return { text: asText(v) };
}

/**
 * A row's own persona statements: a list of texts (JSONL), or in a text cell either a JSON list or
 * one statement per line. Empty or absent: none given (they are split from the persona).
 */
function givenStatements(v: unknown): { statements: string[] | undefined } | { problem: string } {
  if (v == null || (typeof v === 'string' && !v.trim())) return { statements: undefined };
  let list: unknown = v;
  if (typeof v === 'string') {
    const text = v.trim();
    if (text.startsWith('[')) {
      try {
        list = JSON.parse(text);
      } catch {
        return { problem: 'statements starts with "[" but is not a JSON list (give a JSON list of texts, or one statement per line)' };
      }
    } else list = text.split(/\r\n?|\n/u);
  }
  if (!Array.isArray(list)) return { problem: 'statements must be a list of texts or one statement per line' };
  const bad = list.findIndex((x) => typeof x !== 'string');
  if (bad >= 0) return { problem: `statement ${bad + 1} is not a text (${JSON.stringify(list[bad])})` };
  const statements = (list as string[]).map((x) => x.trim()).filter(Boolean);
  return { statements: statements.length ? statements : undefined };
}

/** Validate one row; `input` is set when the row can be scored (possibly with warnings). */
export function validateRow(raw: RawRow, ctx: RowContext): { input: ScoreInput | null; issues: RowIssue[] } {
  const idRaw = asText(raw.id).trim();
  const id = idRaw || (ctx.element != null ? `item-${ctx.element}` : ctx.line != null ? `row-${ctx.line}` : `item-${ctx.index + 1}`);
  const at = rowName({ line: ctx.line, id });
  const issues: RowIssue[] = [];
  const issue = (level: RowIssue['level'], code: RowIssue['code'], message: string, field?: string) =>
    issues.push({ level, code, message: `${at}: ${message}`, line: ctx.line, id, ...(field ? { field } : {}) });

  if (ctx.notUtf8) {
    issue('error', 'not-utf8', 'the text is not valid UTF-8 (save the file as UTF-8 and try again)');
    return { input: null, issues };
  }

  const fields = {} as Record<TextField, string>;
  for (const f of TEXT_FIELDS) {
    const value = fieldText(raw[f]);
    if ('problem' in value) {
      issue('error', 'bad-row', `${f} ${value.problem}`, f);
      continue;
    }
    let text = value.text.replace(/\r\n?/gu, '\n').trim();
    if (LONE_SURROGATE.test(text)) {
      issue('error', 'not-utf8', `${f} contains an unpaired surrogate (not valid Unicode text)`, f);
      continue;
    }
    if (text.includes('\uFFFD')) {
      issue('warning', 'replacement-char', `${f} contains U+FFFD replacement characters: part of it was probably not UTF-8`, f);
    }
    if (text.length > MAX_TEXT_CHARS) {
      issue('warning', 'truncated-text', `${f} has ${text.length} characters; only the first ${MAX_TEXT_CHARS} are scored`, f);
      // Do not split a surrogate pair.
      let cut = MAX_TEXT_CHARS;
      const code = text.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut--;
      text = text.slice(0, cut);
    }
    fields[f] = text;
  }
  if (issues.some((i) => i.level === 'error')) return { input: null, issues };
  if (!fields.persona) issue('error', 'empty-persona', 'the persona is empty', 'persona');
  if (!fields.question) issue('error', 'empty-question', 'the question is empty (APC needs the query)', 'question');
  if (!fields.response) issue('error', 'empty-response', 'the response is empty', 'response');
  if (issues.some((i) => i.level === 'error')) return { input: null, issues };

  const given = givenStatements(raw.statements);
  if ('problem' in given) {
    issue('error', 'bad-statements', given.problem, 'statements');
    return { input: null, issues };
  }
  const statements = given.statements;
  const model = asText(raw.model).trim() || null;
  // Only warnings are left here; the row carries them so its score and downloads say them too.
  return {
    input: {
      id,
      model,
      line: ctx.line,
      persona: fields.persona,
      question: fields.question,
      response: fields.response,
      ...(statements ? { statements } : {}),
      ...(issues.length ? { warnings: [...issues] } : {}),
    },
    issues,
  };
}
