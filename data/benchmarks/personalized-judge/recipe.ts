// Can LLM be a Personalized Judge? (dong-river/Personalized-Judge @ 4d93fde): nine JSONL files of per-item
// judge outputs (AP, EC, PRISM tasks). A recipe.ts because we need each row's file and line number (DuckDB's
// read_json gives neither reliably) and because the AP files carry the candidates only inside the prompt,
// which has to be parsed. Every derived table is then made in SQL.
import fs from 'node:fs';
import path from 'node:path';
import type { RecipeContext } from '../../build/recipe.ts';

type Task = 'AP' | 'EC' | 'PRISM';

// outputs/<task>_all_features[_all_features]_<judge>[_<run tag>].jsonl
const FILE_RE = /^(ap|ec|prism)_all_features(?:_all_features)?_(.+?)(?:_(jun5))?\.jsonl$/;

// The AP prompt: fixed instructions, the profile, then two question–answer pairs.
const AP_RE =
  /^(?<head>[\s\S]*?\[User Profile\]\n)(?<persona>[\s\S]*?)\n\n\[Question-Answer Pair A\]\nQuestion: (?<qa>[\s\S]*?)\nAnswer: (?<aa>[\s\S]*?)\n\n\[Question-Answer Pair B\]\nQuestion: (?<qb>[\s\S]*?)\nAnswer: (?<ab>[\s\S]*?)\n\n\[Answer\]\n\[\[$/d;

interface Parsed {
  persona: string;
  context: string | null;
  questionA: string | null;
  questionB: string | null;
  candA: string;
  candB: string;
  template: string;
}

/** Replaces the given values, in this order, by their placeholders; fails if one is not found after the previous one. */
function templateOf(prompt: string, parts: [string, string][], where: string): string {
  let out = '';
  let pos = 0;
  for (const [placeholder, value] of parts) {
    const at = prompt.indexOf(value, pos);
    if (!value || at < 0) throw new Error(`${where}: the prompt does not contain the released ${placeholder} (in prompt order)`);
    out += prompt.slice(pos, at) + `{${placeholder}}`;
    pos = at + value.length;
  }
  return out + prompt.slice(pos);
}

function parse(task: Task, r: Record<string, unknown>, where: string): Parsed {
  const prompt = String(r.prompt ?? '');
  if (task === 'AP') {
    const m = AP_RE.exec(prompt);
    if (!m || !m.groups || !m.indices?.groups) throw new Error(`${where}: AP prompt does not have the expected profile / pair A / pair B layout`);
    const g = m.groups;
    const idx = m.indices.groups;
    // Template: cut out each filled span by its match indices.
    const spans = (['persona', 'qa', 'aa', 'qb', 'ab'] as const).map((k) => [k, idx[k]] as const);
    const names = { persona: 'persona', qa: 'question_a', aa: 'candidate_a', qb: 'question_b', ab: 'candidate_b' };
    let template = '';
    let pos = 0;
    for (const [k, [s, e]] of spans) {
      template += prompt.slice(pos, s) + `{${names[k]}}`;
      pos = e;
    }
    template += prompt.slice(pos);
    return {
      persona: g.persona.trim(),
      context: null,
      questionA: g.qa.trim(),
      questionB: g.qb.trim(),
      candA: g.aa.trim(),
      candB: g.ab.trim(),
      template,
    };
  }
  const persona = String(r.user_info ?? '');
  const candA = String(r.asst_A ?? '');
  const candB = String(r.asst_B ?? '');
  const context = String((task === 'EC' ? r.article : r.question) ?? '');
  const parts: [string, string][] =
    task === 'EC'
      ? [['context', context], ['persona', persona], ['candidate_a', candA], ['candidate_b', candB]]
      : [['persona', persona], ['context', context], ['candidate_a', candA], ['candidate_b', candB]];
  return { persona, context, questionA: null, questionB: null, candA, candB, template: templateOf(prompt, parts, where) };
}

export default async function (ctx: RecipeContext): Promise<void> {
  const dir = ctx.raw('outputs');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  if (!files.length) throw new Error(`no JSONL files under ${dir}`);

  const judgments: unknown[][] = [];
  const released: unknown[][] = [];
  const pairIds = new Map<string, string>();
  const personaIds = new Map<string, string>();
  const counters: Record<string, { pairs: number; personas: number }> = {};

  for (const file of files) {
    const fm = FILE_RE.exec(file);
    if (!fm) throw new Error(`raw/outputs/${file}: file name does not follow <task>_all_features_<judge>.jsonl`);
    const task = fm[1].toUpperCase() as Task;
    const judge = fm[2];
    const runTag = fm[3] ?? null;
    const source = `raw/outputs/${file}`;
    counters[task] ??= { pairs: 0, personas: 0 };
    const lines = fs.readFileSync(path.join(dir, file), 'utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    lines.forEach((text, i) => {
      const line = i + 1;
      const where = `${source}:${line}`;
      let r: Record<string, unknown>;
      try {
        r = JSON.parse(text);
      } catch (e) {
        throw new Error(`${where}: not valid JSON: ${(e as Error).message}`);
      }
      const p = parse(task, r, where);
      if (typeof r.acc !== 'boolean') throw new Error(`${where}: "acc" is not a boolean`);

      // Same judged pair across judges: same persona, context and the same true / other candidate.
      const gtA = r.ground_truth === 'A';
      const trueCand = [gtA ? p.questionA : p.questionB, gtA ? p.candA : p.candB];
      const otherCand = [gtA ? p.questionB : p.questionA, gtA ? p.candB : p.candA];
      const pairKey = JSON.stringify([task, p.persona, p.context, trueCand, otherCand]);
      if (!pairIds.has(pairKey)) pairIds.set(pairKey, `${task}-${String(++counters[task].pairs).padStart(4, '0')}`);
      const personaKey = JSON.stringify([task, p.persona]);
      if (!personaIds.has(personaKey)) personaIds.set(personaKey, `${task}-P${String(++counters[task].personas).padStart(3, '0')}`);

      const answerRaw = r.answer === undefined || r.answer === null ? null : String(r.answer);
      const certRaw = r.certainty === undefined || r.certainty === null ? null : String(r.certainty);
      judgments.push([
        `${task}/${judge}/${line}`,
        task,
        judge,
        runTag,
        source,
        line,
        pairIds.get(pairKey),
        personaIds.get(personaKey),
        p.persona,
        p.context,
        task === 'PRISM' ? String(r.conversation_type ?? '') || null : null,
        p.questionA,
        p.questionB,
        p.candA,
        p.candB,
        r.ground_truth === undefined || r.ground_truth === null ? null : String(r.ground_truth),
        answerRaw,
        answerRaw === 'A' || answerRaw === 'B' ? answerRaw : null,
        certRaw !== null && /^\d+(\.\d+)?$/.test(certRaw) ? Number(certRaw) : null,
        certRaw,
        r.acc,
        typeof r.res === 'string' ? r.res : null,
      ]);
      // Released fields we do not publish per row, kept in a scratch table for the checks.
      released.push([
        source,
        line,
        String(r.user_info ?? ''),
        p.template,
        typeof r.similar_persona === 'string' ? r.similar_persona : null,
        typeof r.similar_question === 'string' ? r.similar_question : null,
        typeof r.similar_response === 'string' ? r.similar_response : null,
      ]);
    });
  }

  await ctx.createTable(
    '_judgments',
    {
      item_id: 'VARCHAR',
      task: 'VARCHAR',
      judge: 'VARCHAR',
      run_tag: 'VARCHAR',
      source: 'VARCHAR',
      line: 'INTEGER',
      pair_id: 'VARCHAR',
      persona_id: 'VARCHAR',
      persona: 'VARCHAR',
      context: 'VARCHAR',
      conversation_type: 'VARCHAR',
      question_a: 'VARCHAR',
      question_b: 'VARCHAR',
      candidate_a: 'VARCHAR',
      candidate_b: 'VARCHAR',
      ground_truth: 'VARCHAR',
      answer_raw: 'VARCHAR',
      answer: 'VARCHAR',
      certainty: 'DOUBLE',
      certainty_raw: 'VARCHAR',
      correct: 'BOOLEAN',
      raw_output: 'VARCHAR',
    },
    judgments,
  );
  await ctx.createTable(
    '_released',
    {
      source: 'VARCHAR',
      line: 'INTEGER',
      user_info: 'VARCHAR',
      template: 'VARCHAR',
      similar_persona: 'VARCHAR',
      similar_question: 'VARCHAR',
      similar_response: 'VARCHAR',
    },
    released,
  );

  await ctx.sql(`CREATE TABLE judgments AS SELECT * FROM _judgments ORDER BY task, judge, line`);

  await ctx.sql(`
    CREATE TABLE personas AS
    SELECT persona_id, task, any_value(persona) AS persona,
           count(DISTINCT pair_id)::INTEGER AS n_pairs, count(*)::INTEGER AS n_judgments
    FROM judgments GROUP BY persona_id, task ORDER BY task, persona_id`);

  await ctx.sql(`
    CREATE TABLE prompt_templates AS
    SELECT j.task, r.template, count(*)::INTEGER AS n_judgments, count(DISTINCT j.source)::INTEGER AS n_files
    FROM judgments j JOIN _released r USING (source, line)
    GROUP BY j.task, r.template ORDER BY j.task`);

  await ctx.sql(`
    CREATE TABLE accuracy AS
    SELECT task, judge, any_value(run_tag) AS run_tag, source,
           count(*)::INTEGER AS n_judgments,
           count(answer)::INTEGER AS n_valid_answers,
           count(*) FILTER (correct)::INTEGER AS n_correct,
           avg(correct::INTEGER) AS accuracy,
           avg(correct::INTEGER) FILTER (answer IS NOT NULL) AS accuracy_valid_answers,
           avg(certainty) AS mean_certainty,
           avg(certainty) FILTER (correct) AS mean_certainty_correct,
           avg(certainty) FILTER (NOT correct) AS mean_certainty_wrong
    FROM judgments GROUP BY task, judge, source ORDER BY task, judge`);

  await ctx.sql(`
    CREATE TABLE position_bias AS
    SELECT task, judge, source,
           count(*)::INTEGER AS n_judgments,
           count(*) FILTER (ground_truth = 'A')::INTEGER AS truth_a,
           count(*) FILTER (ground_truth = 'B')::INTEGER AS truth_b,
           count(*) FILTER (answer = 'A')::INTEGER AS answered_a,
           count(*) FILTER (answer = 'B')::INTEGER AS answered_b,
           count(*) FILTER (answer IS NULL)::INTEGER AS answered_invalid,
           count(*) FILTER (answer = 'A') / count(*) AS share_answered_a,
           count(*) FILTER (ground_truth = 'A') / count(*) AS share_truth_a,
           (count(*) FILTER (answer = 'A') - count(*) FILTER (ground_truth = 'A')) / count(*) AS a_bias,
           avg(correct::INTEGER) FILTER (ground_truth = 'A') AS accuracy_when_truth_a,
           avg(correct::INTEGER) FILTER (ground_truth = 'B') AS accuracy_when_truth_b
    FROM judgments GROUP BY task, judge, source ORDER BY task, judge`);

  // For every certainty level a run used: the judgments at or above it, their share and accuracy.
  await ctx.sql(`
    CREATE TABLE certainty_curve AS
    WITH runs AS (SELECT source, count(*) AS n_all FROM judgments GROUP BY source),
    levels AS (SELECT DISTINCT task, judge, source, certainty AS threshold FROM judgments WHERE certainty IS NOT NULL)
    SELECT l.task, l.judge, l.source, l.threshold,
           count(*)::INTEGER AS n_at_or_above,
           count(*) / any_value(r.n_all) AS coverage,
           avg(j.correct::INTEGER) AS accuracy
    FROM levels l JOIN runs r USING (source)
    JOIN judgments j ON j.source = l.source AND j.certainty >= l.threshold
    GROUP BY l.task, l.judge, l.source, l.threshold
    ORDER BY l.task, l.judge, l.threshold`);

  await ctx.sql(`
    CREATE TABLE results AS
    SELECT judge AS model, 'accuracy' AS metric, task AS subset, accuracy AS value,
           'accuracy 0–1' AS unit, true AS higher_is_better, source
    FROM accuracy ORDER BY task, judge`);

  // The judgments behind each accuracy (1 = correct), named by judged pair, so leaderboards can
  // bootstrap them; accuracy is exactly their mean (the build checks it).
  await ctx.sql(`
    CREATE TABLE result_items AS
    SELECT judge AS model, 'accuracy' AS metric, task AS subset, pair_id AS item, correct::INTEGER::DOUBLE AS value
    FROM judgments ORDER BY task, judge, line`);

  await ctx.sql(`ALTER TABLE judgments DROP COLUMN certainty_raw`);
}
