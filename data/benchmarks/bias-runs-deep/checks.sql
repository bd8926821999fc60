-- check: each of the three sample files holds 99 rows with ids 0–98, each id once
SELECT 'raw_responses' AS file, count(*) AS n, count(DISTINCT id) AS ids, min(id) AS lo, max(id) AS hi FROM _raw HAVING count(*) <> 99 OR count(DISTINCT id) <> 99 OR min(id) <> 0 OR max(id) <> 98
UNION ALL SELECT 'text_predictions', count(*), count(DISTINCT id), min(id), max(id) FROM _text HAVING count(*) <> 99 OR count(DISTINCT id) <> 99 OR min(id) <> 0 OR max(id) <> 98
UNION ALL SELECT 'labeled', count(*), count(DISTINCT id), min(id), max(id) FROM _labeled HAVING count(*) <> 99 OR count(DISTINCT id) <> 99 OR min(id) <> 0 OR max(id) <> 98;

-- check: one sample run (persona "a physically-disabled person"), every item joined to its raw response and its text prediction
SELECT run_id, count(*) FROM outputs GROUP BY run_id HAVING count(*) <> 99
UNION ALL SELECT 'runs', count(*) FROM runs HAVING count(*) <> 1
UNION ALL SELECT run_id || ' item ' || item_id, NULL FROM outputs WHERE source_raw IS NULL OR response IS NULL;

-- check: the three files agree item by item (same question and answer; the raw response text is the text prediction; the user prompt embeds the question)
SELECT run_id, item_id FROM outputs WHERE files_agree IS NOT true;

-- check: is_correct is exactly "extracted answer = gold answer" (an empty extraction is never correct)
SELECT run_id, item_id, predicted_answer, gold_answer, is_correct FROM outputs
WHERE is_correct IS DISTINCT FROM coalesce(predicted_answer = gold_answer, false);

-- check: gold and extracted answers are option letters A–D
SELECT run_id, item_id, gold_answer, predicted_answer FROM outputs
WHERE gold_answer NOT IN ('A', 'B', 'C', 'D') OR (predicted_answer IS NOT NULL AND predicted_answer NOT IN ('A', 'B', 'C', 'D'));

-- check: every question parses into a stem and four options that rebuild the released text exactly
SELECT item_id FROM items
WHERE stem = '' OR option_a = '' OR option_b = '' OR option_c = '' OR option_d = ''
   OR stem || chr(10) || 'Options:' || chr(10) || '(A) ' || option_a || chr(10) || '(B) ' || option_b || chr(10) || '(C) ' || option_c || chr(10) || '(D) ' || option_d <> question;

-- check: every response comes from gpt-3.5-turbo-0613 (as SOURCES.md says), finished normally, with consistent token usage
SELECT run_id, item_id, model, finish_reason, prompt_tokens, completion_tokens, total_tokens FROM outputs
WHERE model <> 'gpt-3.5-turbo-0613' OR finish_reason <> 'stop' OR total_tokens <> prompt_tokens + completion_tokens;

-- check: one persona instruction and one user-prompt template per run; the persona in the instruction is the persona in the file name
SELECT run_id, distinct_instructions, distinct_user_templates, persona FROM runs
WHERE distinct_instructions <> 1 OR distinct_user_templates <> 1 OR NOT starts_with(run_id, replace(persona, ' ', '_') || '_s');

-- check: the totals SOURCES.md reports — 12 of 99 correct, and all 99 responses say "as a physically-disabled person"
SELECT run_id, items, correct, mentions_persona FROM runs WHERE items <> 99 OR correct <> 12 OR mentions_persona <> 99;

-- check: results hold the run's accuracy, in 0–1
SELECT * FROM results WHERE value < 0 OR value > 1
UNION ALL SELECT NULL, 'rows', NULL, count(*), NULL, NULL, NULL FROM results HAVING count(*) <> 1;

-- check: nine headline numbers, each with a numeric value unless it is a bound ("70+")
SELECT claim, value FROM claims WHERE (value IS NULL) <> (claim LIKE '%+%')
UNION ALL SELECT 'rows', count(*) FROM claims HAVING count(*) <> 9;
