// Statement splitting, input validation and batch-file parsing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_MODELS_DIR, FIXTURE_SPECS } from '../fixtures/models/fixtures.ts';
import { decodeLines, guessColumnMapping, parseCsv, parseFile, parseJsonl, toScoreInputs } from '../../src/lib/scoring/input.ts';
import { countIssues } from '../../src/lib/scoring/issue-counts.ts';
import { quoteLongIntegers } from '../../src/lib/long-integers.ts';
import { pickRemembered, rememberedMappings, rememberMapping } from '../../src/lib/scoring/remembered-mappings.ts';
import { memoryStorage } from './memory-storage.ts';
import { readBatchFile } from '../../src/lib/scoring/service.ts';
import { cleanStatements, splitStatements } from '../../src/lib/scoring/split.ts';
import { MAX_TEXT_CHARS, validateRow } from '../../src/lib/scoring/validate.ts';
import { nextModelName, pasteInputs } from '../../src/lib/scoring/paste-input.ts';
import { missingFiles, pickedFolder } from '../../src/lib/scoring/picked-folder.ts';
import { DEFAULT_SETTINGS, loadSettings, mirrorUrlProblem, modelsFor, nliChoices, saveSettings, settingsProblem } from '../../src/lib/scoring/scorer-settings.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

describe('statement splitting', () => {
  it('takes one statement per line when the persona has several lines, dropping bullets and blanks', () => {
    const persona = '- I am a chef.\n\n* I love jazz. I hate rain.\n1. I live in Paris\n2) I have two cats\r\n   \n';
    expect(splitStatements(persona)).toEqual(['I am a chef.', 'I love jazz. I hate rain.', 'I live in Paris', 'I have two cats']);
  });

  it('splits a single paragraph into sentences', () => {
    expect(splitStatements('I am a retired teacher. I love gardening! Do I like cats? Yes, very much.')).toEqual([
      'I am a retired teacher.',
      'I love gardening!',
      'Do I like cats?',
      'Yes, very much.',
    ]);
  });

  it('returns nothing for an empty persona and cleans an edited list', () => {
    expect(splitStatements('')).toEqual([]);
    expect(splitStatements(' \n -- \n')).toEqual([]);
    expect(cleanStatements(['  I love jazz. ', 'i LOVE jazz.', '', '•  I   hate rain', '...'])).toEqual(['I love jazz.', 'I hate rain']);
  });

  it('keeps numbers that start a statement: a list marker is followed by a space', () => {
    expect(splitStatements('3.5 is my GPA.\n1.5 million people follow me.\n-5 degrees is my favourite weather.\n2024) was my best year')).toEqual([
      '3.5 is my GPA.',
      '1.5 million people follow me.',
      '-5 degrees is my favourite weather.',
      '2024) was my best year',
    ]);
    expect(cleanStatements(['10. I run marathons.', '– I swim.', '(b) I cook.'])).toEqual(['I run marathons.', 'I swim.', 'I cook.']);
  });
});

describe('row validation', () => {
  const ok = { persona: 'I love jazz.', question: 'Do you like jazz?', response: 'Yes!' };

  it('accepts a good row and gives it an id from its line', () => {
    const { input, issues } = validateRow({ ...ok, model: 'gpt-x' }, { line: 7, index: 0 });
    expect(issues).toEqual([]);
    expect(input).toMatchObject({ id: 'row-7', model: 'gpt-x', line: 7, persona: 'I love jazz.' });
  });

  it('names the row for an empty persona, question or response', () => {
    for (const field of ['persona', 'question', 'response'] as const) {
      const { input, issues } = validateRow({ ...ok, [field]: '   ' }, { line: 3, index: 2 });
      expect(input).toBeNull();
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ level: 'error', code: `empty-${field}`, line: 3, id: 'row-3', field });
      expect(issues[0].message).toContain('line 3');
    }
    const pasted = validateRow({ ...ok, response: null, id: 'r9' }, { line: null, index: 0 });
    expect(pasted.issues[0].message).toMatch(/^item r9: the response is empty/);
  });

  it('truncates an oversized text and reports it on that row', () => {
    const long = 'a'.repeat(200_000);
    const { input, issues } = validateRow({ ...ok, response: long }, { line: 12, index: 0 });
    expect(input?.response.length).toBe(MAX_TEXT_CHARS);
    expect(issues).toEqual([expect.objectContaining({ level: 'warning', code: 'truncated-text', line: 12, field: 'response' })]);
    expect(issues[0].message).toContain('200000 characters');
  });

  it('rejects rows marked as not UTF-8 and flags replacement characters and lone surrogates', () => {
    expect(validateRow(ok, { line: 4, index: 0, notUtf8: true }).issues[0]).toMatchObject({ code: 'not-utf8', line: 4 });
    const repl = validateRow({ ...ok, response: 'caf\uFFFD' }, { line: 5, index: 0 });
    expect(repl.input).not.toBeNull();
    expect(repl.issues[0]).toMatchObject({ level: 'warning', code: 'replacement-char' });
    const lone = validateRow({ ...ok, persona: 'bad \uD800 text' }, { line: 6, index: 0 });
    expect(lone.input).toBeNull();
    expect(lone.issues[0]).toMatchObject({ level: 'error', code: 'not-utf8', field: 'persona' });
  });
});

describe('batch files', () => {
  it('decodes line by line and pins invalid UTF-8 to its line', () => {
    const bytes = concat(enc('\uFEFFfirst\r\n'), enc('caf'), new Uint8Array([0xe9]), enc('\n'), enc('ok\n'));
    // The BOM is dropped; line 2 holds a Latin-1 "é" (0xE9), which is not UTF-8.
    const lines = decodeLines(bytes);
    expect(lines.map((l) => l.notUtf8)).toEqual([false, true, false]);
    expect(lines[0].text).toBe('first');
    expect(lines[1].text).toBe('caf\uFFFD');
  });

  it('parses JSONL, reporting bad JSON and non-UTF-8 lines by number while keeping the others', () => {
    const file = concat(
      enc('{"id":"a","persona":"I love jazz.","question":"q?","response":"r"}\n'),
      enc('not json\n'),
      enc('\n'),
      enc('{"id":"c","persona":"p","question":"q","response":"caf'),
      new Uint8Array([0xe9]),
      enc('"}\n'),
      enc('{"id":"d","persona":"p","question":"q","response":""}\n'),
      enc('[1,2]\n'),
      enc('{"id":"e","persona":"p","question":"q","response":"fine","model":"m1"}'),
    );
    const parsed = parseJsonl(file);
    const { inputs, issues } = toScoreInputs(parsed);
    expect(inputs.map((i) => [i.id, i.line])).toEqual([
      ['a', 1],
      ['e', 7],
    ]);
    expect(inputs[1].model).toBe('m1');
    const byLine = Object.fromEntries(issues.map((i) => [i.line, i.code]));
    expect(byLine).toEqual({ 2: 'bad-row', 4: 'not-utf8', 5: 'empty-response', 6: 'bad-row' });
  });

  it('parses CSV with quotes, embedded newlines and commas; line numbers are where records start', () => {
    const csv = 'Persona,Question,Response,id\n"I love jazz.\nI hate rain.",Do you like jazz?,"Yes, ""very"" much",r1\nI am a chef.,Cook?,Sure,r2\nshort,row\n';
    const parsed = parseCsv(enc(csv));
    expect(parsed.columns).toEqual(['Persona', 'Question', 'Response', 'id']);
    const { inputs, issues } = toScoreInputs(parsed);
    expect(inputs.map((i) => [i.id, i.line])).toEqual([
      ['r1', 2],
      ['r2', 4],
    ]);
    expect(inputs[0].persona).toBe('I love jazz.\nI hate rain.');
    expect(inputs[0].response).toBe('Yes, "very" much');
    expect(issues).toEqual([expect.objectContaining({ code: 'bad-row', line: 5 })]);
  });

  it('reports missing columns once for the whole file and scores nothing', () => {
    const parsed = parseFile('x.csv', enc('persona,answer\np,a\n'));
    const { inputs, issues } = toScoreInputs(parsed);
    expect(inputs).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'missing-columns', line: null });
    expect(issues[0].message).toContain('question, response');
    expect(issues[0].message).toContain('persona, answer');
    // A mapping step fixes it.
    const mapped = toScoreInputs(parseFile('x.csv', enc('persona,prompt,answer\np,q,a\n')), { ...guessColumnMapping(['persona']), question: 'prompt', response: 'answer' });
    expect(mapped.inputs).toHaveLength(1);
  });

  it('flags an unterminated quote and detects the format from the name or content', () => {
    const parsed = parseCsv(enc('persona,question,response\np,q,"never closed\n'));
    expect(parsed.issues[0]).toMatchObject({ code: 'bad-row', line: 2 });
    expect(parseFile('data.txt', enc('{"persona":"p"}\n')).format).toBe('jsonl');
    expect(parseFile('data.tsv', enc('persona\tquestion\tresponse\np\tq\tr\n')).rows[0].values).toEqual({ persona: 'p', question: 'q', response: 'r' });
  });

  it("takes a row's own persona statements from a statements column: a JSON list, one per line, or (JSONL) a list", () => {
    const csv = [
      'persona,question,response,statements',
      'I love jazz. I have two cats.,q,r,"[""I love jazz."", ""I have two cats.""]"',
      'p,q,r,"Loves jazz.\nHas two cats.\n"',
      'I love jazz. I have two cats.,q,r,',
      'p,q,r,"[""ok"", 3]"',
      'p,q,r,[not json',
    ].join('\n');
    const { inputs, issues } = toScoreInputs(parseCsv(enc(csv)));
    // The second row's cell spans three lines: the rows after it start lower down.
    expect(inputs.map((i) => i.statements)).toEqual([['I love jazz.', 'I have two cats.'], ['Loves jazz.', 'Has two cats.'], undefined]);
    expect(issues.map((i) => [i.line, i.code, i.message])).toEqual([
      [7, 'bad-statements', 'line 7 (id row-7): statement 2 is not a text (3)'],
      [8, 'bad-statements', 'line 8 (id row-8): statements starts with "[" but is not a JSON list (give a JSON list of texts, or one statement per line)'],
    ]);
    const jsonl = toScoreInputs(parseFile('x.jsonl', enc('{"persona":"p","question":"q","response":"r","statements":["a.","b."]}\n')));
    expect(jsonl.inputs[0].statements).toEqual(['a.', 'b.']);
  });

  it('reads a JSON array element by element: each row keeps its line, a bad element costs only itself', () => {
    const text = [
      '[',
      '  {"id": "a", "persona": "I love jazz.", "question": "q?", "response": "r, with [brackets] and \\"quotes\\" }"},',
      '  {"id": "b", "persona": "p",',
      '   "question": "q", "response": oops},',
      '  42,',
      '  {"id": "c", "persona": "p", "question": "q", "response": "fine"}',
      ']',
    ].join('\n');
    const parsed = parseFile('rows.json', enc(text));
    expect(parsed.format).toBe('json');
    const { inputs, issues } = toScoreInputs(parsed);
    expect(inputs.map((i) => [i.id, i.line])).toEqual([
      ['a', 2],
      ['c', 6],
    ]);
    expect(inputs[0].response).toBe('r, with [brackets] and "quotes" }');
    expect(issues.map((i) => [i.line, i.code])).toEqual([
      [3, 'bad-row'],
      [5, 'bad-row'],
    ]);
    expect(issues[0].message).toBe("line 3, element 2: not valid JSON (Unexpected token 'o')");
    expect(issues[1].message).toBe('line 5, element 3: expected a JSON object with persona, question and response');
    expect(issues.map((i) => i.id)).toEqual(['item-2', 'item-3']);
    // Content decides for a file without a telling name.
    expect(parseFile('rows.txt', enc(text)).format).toBe('json');
  });

  it('names the rows of a minified JSON array by position, since they are all on line 1', () => {
    const rows = [1, 2, 3, 4].map((i) => ({ persona: 'I love jazz.', question: `Q${i}?`, response: i === 2 ? '' : 'R.', ...(i > 2 ? { id: 'x' } : {}) }));
    const { inputs, issues } = toScoreInputs(parseFile('rows.json', enc(JSON.stringify(rows))));
    expect(inputs.map((i) => [i.id, i.line])).toEqual([
      ['item-1', 1],
      ['x', 1],
      ['x#4', 1],
    ]);
    expect(issues.map((i) => i.message)).toEqual(['line 1 (id item-2): the response is empty', 'line 1, element 4: id "x" repeats an earlier row; renamed to "x#4"']);
    // Two broken elements on the one line are two rows not scored.
    const broken = parseFile('rows.json', enc('[1, {"persona": "p", "question": "q", "response": "r"}, "x"]'));
    expect(broken.issues.map((i) => i.message)).toEqual([
      'line 1, element 1: expected a JSON object with persona, question and response',
      'line 1, element 3: expected a JSON object with persona, question and response',
    ]);
    expect(countIssues(broken.issues)).toEqual({ rowsNotScored: 2, fileProblems: 0, warnings: 0 });
  });

  it('takes a persona given as a list of statements, and refuses an object where a text belongs', () => {
    const rows = [
      { id: 'a', persona: ['I love jazz.', 'I have two cats.'], question: 'Q?', response: 42 },
      { id: 'b', persona: { name: 'Ann', likes: ['jazz'] }, question: 'Q?', response: 'R.' },
      { id: 'c', persona: ['I love jazz.', null], question: 'Q?', response: 'R.' },
    ];
    const { inputs, issues } = toScoreInputs(parseFile('rows.jsonl', enc(rows.map((r) => JSON.stringify(r)).join('\n'))));
    expect(inputs.map((i) => [i.id, i.persona, i.response])).toEqual([['a', 'I love jazz.\nI have two cats.', '42']]);
    expect(splitStatements(inputs[0].persona)).toEqual(['I love jazz.', 'I have two cats.']);
    expect(issues.map((i) => i.message)).toEqual([
      'line 2 (id b): persona is a JSON object ({"name":"Ann","likes":["jazz"]}), not a text: map a column that holds text',
      'line 3 (id c): persona is a list whose item 2 is not a text (null)',
    ]);
  });

  it('keeps the rows of a JSON array that is never closed, and says where it stops', () => {
    const parsed = parseFile('rows.json', enc('[{"persona":"p","question":"q","response":"r"},\n{"persona":"p","question":"q","response":"unclosed}\n'));
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'bad-row', line: 2, message: expect.stringContaining('line 2: this row is never closed') })]);
    const noBracket = parseFile('rows.json', enc('[{"persona":"p","question":"q","response":"r"},\n{"persona":"p","question":"q","response":"s"}\n'));
    expect(noBracket.rows).toHaveLength(2);
    expect(noBracket.issues[0]).toMatchObject({ level: 'warning' });
    expect(noBracket.issues[0].message).toBe('line 2: the JSON array is never closed (no "]" at the end); every row in it was read');
    const extra = parseFile('rows.json', enc('[{"persona":"p","question":"q","response":"r"}]\n\n]'));
    expect(extra.rows).toHaveLength(1);
    expect(extra.issues[0].message).toBe('line 3: text after the end of the JSON array is ignored');
  });

  it('pins a non-UTF-8 byte in a JSON array to its row', () => {
    const parsed = parseFile('rows.json', concat(enc('[{"persona":"p","question":"q","response":"ok"},\n{"persona":"p","question":"q","response":"caf'), new Uint8Array([0xe9]), enc('"}]')));
    const { inputs, issues } = toScoreInputs(parsed);
    expect(inputs).toHaveLength(1);
    expect(issues).toEqual([expect.objectContaining({ code: 'not-utf8', line: 2 })]);
  });

  it('reads one pretty-printed JSON object as one row', () => {
    const parsed = parseFile('one.json', enc('{\n  "persona": "I love jazz.",\n  "question": "q?",\n  "response": "r"\n}\n'));
    expect(parsed.issues).toEqual([]);
    expect(toScoreInputs(parsed).inputs.map((i) => [i.persona, i.line])).toEqual([['I love jazz.', 1]]);
  });

  it('finds the delimiter of a CSV from its header: semicolons and tabs as well as commas', () => {
    const semi = parseFile('excel.csv', enc('persona;question;response\n"I love jazz; and cats.";q?;"a, b"\n'));
    expect(semi.columns).toEqual(['persona', 'question', 'response']);
    expect(toScoreInputs(semi).inputs[0]).toMatchObject({ persona: 'I love jazz; and cats.', response: 'a, b' });
    expect(parseFile('tabs.csv', enc('persona\tquestion\tresponse\np\tq\tr\n')).columns).toEqual(['persona', 'question', 'response']);
    // A quoted header name with a semicolon in it does not count.
    expect(parseFile('x.csv', enc('"persona; the text",question,response\np,q,r\n')).columns).toEqual(['persona; the text', 'question', 'response']);
  });

  it('reads a UTF-16 file with a byte-order mark (a spreadsheet\'s "Unicode text")', () => {
    const text = '\uFEFFpersona\tquestion\tresponse\r\nJ\'aime le café.\tQ?\tOui.\r\n';
    const le = new Uint8Array(text.length * 2);
    text.split('').forEach((ch, i) => le.set([ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8], 2 * i));
    const be = le.map((_, i) => le[i ^ 1]);
    for (const bytes of [le, be]) {
      const { inputs, issues } = toScoreInputs(parseFile('export.txt', bytes));
      expect(issues).toEqual([]);
      expect(inputs.map((i) => [i.persona, i.response, i.line])).toEqual([["J'aime le café.", 'Oui.', 2]]);
    }
  });

  it('counts rows not scored, not errors: a row with two empty fields is one row; a file problem is no row', () => {
    const parsed = parseFile('x.csv', enc('id,persona,question,response\na,p,,\nb,p,q,r\n'));
    const { issues } = toScoreInputs(parsed);
    expect(issues.filter((i) => i.level === 'error')).toHaveLength(2);
    expect(countIssues(issues)).toEqual({ rowsNotScored: 1, fileProblems: 0, warnings: 0 });
    expect(countIssues(toScoreInputs(parseFile('x.csv', enc('persona,answer\np,a\n'))).issues)).toEqual({ rowsNotScored: 0, fileProblems: 1, warnings: 0 });
  });

  it('keeps every digit of a JSON id beyond 2^53 (two such ids stay two rows)', () => {
    const jsonl = '{"id": 12345678901234567891, "persona": "p", "question": "q: 12345678901234567891", "response": "r", "n": -1.5e3}\n{"id": 12345678901234567892, "persona": "p", "question": "q", "response": "r"}\n';
    const { inputs, issues } = toScoreInputs(parseFile('ids.jsonl', enc(jsonl)));
    expect(inputs.map((i) => i.id)).toEqual(['12345678901234567891', '12345678901234567892']);
    expect(inputs[0].question).toBe('q: 12345678901234567891');
    expect(issues).toEqual([]);
    expect(quoteLongIntegers('[1, -9007199254740993, 9007199254740991, 1e400, "9007199254740993"]')).toBe('[1, "-9007199254740993", 9007199254740991, 1e400, "9007199254740993"]');
  });

  it('renames repeated ids instead of merging rows', () => {
    const { inputs, issues } = toScoreInputs(parseCsv(enc('id,persona,question,response\nx,p,q,r\nx,p,q,r2\n')));
    expect(inputs.map((i) => i.id)).toEqual(['x', 'x#3']);
    expect(issues[0]).toMatchObject({ level: 'warning', line: 3 });
  });

  it('lists problems in line order, parse problems among the rows\' own', () => {
    const csv = 'id,persona,question,response\nr1,p,q,\nr2,p,q\nr3,,q,r\nr4,p,q,r,extra\nr5,p,,r\n';
    const { issues } = toScoreInputs(parseCsv(enc(csv)));
    expect(issues.map((i) => i.line)).toEqual([2, 3, 4, 5, 6]);
    const jsonl = ['{"persona":"p","question":"q","response":""}', '{broken', '{"persona":"p","question":"q","response":"r"}', '[1]', '{"persona":"","question":"q","response":"r"}'].join('\n');
    expect(toScoreInputs(parseJsonl(enc(jsonl))).issues.map((i) => i.line)).toEqual([1, 2, 4, 5]);
  });

  it('says once that a binary file is not text, instead of one problem per line', async () => {
    // A model file renamed .csv.
    const onnx = fs.readFileSync(path.join(FIXTURE_MODELS_DIR, FIXTURE_SPECS.toxicity.repo, 'onnx/model_quantized.onnx'));
    const file = await readBatchFile(new Blob([onnx]), 'binary.csv');
    expect(file.issues).toEqual([expect.objectContaining({ level: 'error', line: null, id: null, message: expect.stringMatching(/^this is not a text file .*binary data/) })]);
    expect(file).toMatchObject({ columns: [], rows: 0, inputs: [] });
    expect(countIssues(file.issues)).toEqual({ rowsNotScored: 0, fileProblems: 1, warnings: 0 });
  });

  it('says a file with a header and no rows (or no rows at all) has no data rows', async () => {
    const headerOnly = await readBatchFile(new Blob([enc('persona,question,response\n')]), 'header-only.csv');
    expect(headerOnly.issues).toEqual([expect.objectContaining({ level: 'error', line: null, message: 'the file has no data rows, only a header (columns: persona, question, response)' })]);
    expect(countIssues(headerOnly.issues).fileProblems).toBe(1);
    expect(toScoreInputs(parseFile('blank.jsonl', enc('\n  \n'))).issues.map((i) => i.message)).toEqual(['the file has no data rows']);
    // A file that says what is wrong with it gets no second message about its columns.
    expect(toScoreInputs(parseFile('blank.csv', enc('\n\n'))).issues.map((i) => i.message)).toEqual(['the file is empty']);
    // A warning (a repeated column renamed) does not stand for it: the file still has nothing to score.
    const repeated = toScoreInputs(parseFile('dup.csv', enc('persona,question,response,response\n'))).issues;
    expect(repeated.filter((i) => i.level === 'error').map((i) => i.message)).toEqual([
      'the file has no data rows, only a header (columns: persona, question, response, response_2)',
    ]);
  });

  it('renames a repeated column name (response, response_2) with a warning, so neither hides the other', () => {
    const parsed = parseFile('dup.csv', enc('id,persona,question,response,response,response_2\nx1,I love jazz.,Q?,Yes,No,Maybe\n'));
    expect(parsed.columns).toEqual(['id', 'persona', 'question', 'response', 'response_3', 'response_2']);
    expect(new Set(parsed.columns).size).toBe(parsed.columns.length);
    expect(parsed.rows[0].values).toMatchObject({ response: 'Yes', response_3: 'No', response_2: 'Maybe' });
    const { inputs, issues } = toScoreInputs(parsed);
    // The first of the repeated columns is the one guessed; the other can be mapped.
    expect(inputs.map((i) => i.response)).toEqual(['Yes']);
    expect(toScoreInputs(parsed, { ...guessColumnMapping(parsed.columns), response: 'response_3' }).inputs.map((i) => i.response)).toEqual(['No']);
    expect(issues).toEqual([expect.objectContaining({ level: 'warning', line: 1, message: expect.stringContaining('columns 4 and 5 are both named "response"; column 5 is read as "response_3"') })]);
  });
});

describe('remembered column mappings', () => {
  const mapping = { ...guessColumnMapping([]), persona: 'character', question: 'prompt', response: 'reply' };
  const rememberedMapping = (columns: string[], store: Parameters<typeof rememberedMappings>[0]) => pickRemembered(columns, rememberedMappings(store));

  it('finds the mapping of a file with the same columns, in any order, and only if its columns are there', () => {
    const store = memoryStorage();
    rememberMapping(['character', 'prompt', 'reply'], mapping, store);
    expect(rememberedMapping(['reply', 'character', 'prompt'], store)).toEqual(mapping);
    expect(rememberedMapping(['character', 'prompt'], store)).toBeNull();
    expect(rememberedMapping(['character', 'prompt', 'reply'], { getItem: () => '{broken', setItem: () => undefined })).toBeNull();
  });

  it('keeps the latest 20 kinds of file', () => {
    const store = memoryStorage();
    for (let i = 0; i < 21; i++) rememberMapping(['character', 'prompt', 'reply', `extra${i}`], mapping, store);
    expect(rememberedMapping(['character', 'prompt', 'reply', 'extra0'], store)).toBeNull();
    expect(rememberedMapping(['character', 'prompt', 'reply', 'extra20'], store)).toEqual(mapping);
  });

  it('are applied as the file is read (once), unless a mapping is given', async () => {
    const store = memoryStorage();
    rememberMapping(['character', 'prompt', 'reply', 'response'], { ...mapping, response: 'reply' }, store);
    const file = new Blob(['character,prompt,reply,response\nI love jazz.,Jazz?,Yes I do.,\n']);
    const remembered = await readBatchFile(file, 'a.csv', undefined, rememberedMappings(store));
    expect(remembered.mapping.response).toBe('reply');
    expect(remembered.inputs.map((i) => i.response)).toEqual(['Yes I do.']);
    // Without a remembered one, the guess takes the column named "response" (empty here).
    expect((await readBatchFile(file, 'a.csv')).mapping.response).toBe('response');
    const given = await readBatchFile(file, 'a.csv', { ...mapping, response: 'response' }, rememberedMappings(store));
    expect(given.mapping.response).toBe('response');
  });
});

describe('paste form', () => {
  const form = {
    persona: 'I love jazz. I enjoy hiking.',
    statements: ['I love jazz.', '  ', 'I enjoy hiking.'],
    questions: ['Do you like jazz?', 'Weekend plans?', ''],
    models: ['gpt', ''],
    responses: [
      ['Yes!', 'Not really.'],
      ['A hike.', ''],
      ['', ''],
    ],
  };

  it('makes one item per filled cell, names blank cells, skips blank lines of the form', () => {
    const { inputs, issues } = pasteInputs(form);
    expect(inputs.map((i) => [i.id, i.model, i.question])).toEqual([
      ['q1·gpt', 'gpt', 'Do you like jazz?'],
      ['q1·response-2', 'response-2', 'Do you like jazz?'],
      ['q2·gpt', 'gpt', 'Weekend plans?'],
    ]);
    expect(inputs[0].statements).toEqual(['I love jazz.', 'I enjoy hiking.']);
    expect(issues.map((i) => i.message)).toEqual(['item q2·response-2: the response is empty']);
  });

  it('refuses two columns with the same name, and a persona with no statements left', () => {
    expect(pasteInputs({ ...form, models: ['a', 'a'] }).issues[0].message).toMatch(/both called “a”/);
    const none = pasteInputs({ ...form, statements: [' ', '-'] });
    expect(none.inputs).toEqual([]);
    expect(none.issues.at(-1)?.code).toBe('no-statements');
    expect(pasteInputs({ ...form, persona: '' }).issues[0].message).toMatch(/the persona is empty/);
  });

  it('names an added model column with the first free letter, so removing one never makes a clash', () => {
    expect(nextModelName(['model A'])).toBe('model B');
    // Added A, B, C, then removed A: the next is A again, not a second C.
    expect(nextModelName(['model B', 'model C'])).toBe('model A');
    expect(nextModelName(['model A', 'Model b ', 'gpt'])).toBe('model C');
    const letters = Array.from({ length: 26 }, (_, i) => `model ${String.fromCharCode(65 + i)}`);
    expect(nextModelName(letters)).toBe('model 27');
    let models = ['model A'];
    for (const step of ['add', 'add', 'remove-0', 'add', 'add']) models = step === 'add' ? [...models, nextModelName(models)] : models.slice(1);
    expect(pasteInputs({ ...form, models, responses: form.responses.map(() => models.map(() => 'x')) }).issues.filter((i) => /both called/.test(i.message))).toEqual([]);
  });
});

describe('scorer settings', () => {
  const storage = (value: string | null) => ({ getItem: () => value });

  it('reads back what was saved and falls back field by field on bad values', () => {
    const saved: Record<string, string> = {};
    saveSettings({ ...DEFAULT_SETTINGS, source: 'mirror', mirrorUrl: 'https://m.example/', scorers: ['toxicity'], contradictionThreshold: 0.7 }, { setItem: (k, v) => (saved[k] = v) });
    const back = loadSettings(storage(Object.values(saved)[0]));
    expect(back).toMatchObject({ source: 'mirror', mirrorUrl: 'https://m.example/', scorers: ['toxicity'], contradictionThreshold: 0.7 });
    expect(loadSettings(storage('{"source":"folder","nli":"nope","scorers":[],"contradictionThreshold":3}'))).toEqual(DEFAULT_SETTINGS);
    expect(loadSettings(storage('not json'))).toEqual(DEFAULT_SETTINGS);
  });

  it('explains what is wrong with a mirror URL', () => {
    expect(mirrorUrlProblem('')).toMatch(/Enter the mirror/);
    expect(mirrorUrlProblem('models.example.org')).toMatch(/is not a URL/);
    expect(mirrorUrlProblem('ftp://x/')).toMatch(/http\(s\)/);
    expect(mirrorUrlProblem('https://x/?a=1')).toMatch(/query/);
    expect(mirrorUrlProblem('https://x/models/')).toBeNull();
  });

  it('says why scoring cannot start: no scorer, a bad mirror, a missing or incomplete folder', () => {
    expect(settingsProblem(DEFAULT_SETTINGS, null)).toBeNull();
    expect(settingsProblem({ ...DEFAULT_SETTINGS, scorers: [] }, null)).toMatch(/at least one scorer/);
    expect(settingsProblem({ ...DEFAULT_SETTINGS, source: 'mirror', mirrorUrl: 'nope' }, null)).toMatch(/^The mirror URL cannot be used: “nope” is not a URL/);
    expect(settingsProblem({ ...DEFAULT_SETTINGS, source: 'folder' }, null)).toMatch(/Choose the models folder again/);
    const folder = { folderName: 'm', files: { 'Xenova/toxic-bert/config.json': new Blob(['{}']) } };
    expect(settingsProblem({ ...DEFAULT_SETTINGS, source: 'folder', scorers: ['toxicity'] }, folder)).toBe(
      'The chosen folder lacks Xenova/toxic-bert/tokenizer.json, Xenova/toxic-bert/tokenizer_config.json, Xenova/toxic-bert/onnx/model_quantized.onnx.',
    );
  });

  it('offers only real NLI models and picks models by scorer', () => {
    expect(nliChoices().map((c) => c.spec.repo)).toEqual(['Xenova/nli-deberta-v3-xsmall', 'Xenova/mobilebert-uncased-mnli']);
    expect(modelsFor({ nli: 'mobilebert-uncased-mnli', scorers: ['apc'] }).map((m) => m.spec.repo).sort()).toEqual(['Xenova/mobilebert-uncased-mnli', 'Xenova/ms-marco-MiniLM-L-6-v2']);
  });
});

describe('a picked models folder', () => {
  const f = (path: string) => Object.assign(new File(['x'], path.split('/').at(-1)!), { webkitRelativePath: path });

  it('maps files under the folder name and lists what a model lacks', () => {
    const folder = pickedFolder([f('models/Xenova/toxic-bert/config.json'), f('models/Xenova/toxic-bert/tokenizer.json'), f('models/Xenova/toxic-bert/onnx/model_quantized.onnx')]);
    expect(folder.folderName).toBe('models');
    expect(Object.keys(folder.files)).toContain('Xenova/toxic-bert/onnx/model_quantized.onnx');
    expect(missingFiles(folder, [{ repo: 'Xenova/toxic-bert', dtype: 'q8' }])).toEqual(['Xenova/toxic-bert/tokenizer_config.json']);
    expect(missingFiles(folder, [{ repo: 'Xenova/toxic-bert', dtype: 'fp32' }])).toContain('Xenova/toxic-bert/onnx/model.onnx');
  });
});
