-- check: each release file has the row count SOURCES.md documents (AP 525/525/523/525, EC 510/510/510/507, PRISM 1001)
WITH want(source, n) AS (VALUES
  ('raw/outputs/ap_all_features_all_features_command-r-plus_jun5.jsonl', 525),
  ('raw/outputs/ap_all_features_all_features_gpt-3.5-turbo.jsonl', 525),
  ('raw/outputs/ap_all_features_all_features_gpt-4o_jun5.jsonl', 523),
  ('raw/outputs/ap_all_features_all_features_meta-llama_Meta-Llama-3-70B-Instruct.jsonl', 525),
  ('raw/outputs/ec_all_features_all_features_meta-llama_Meta-Llama-3-70B-Instruct.jsonl', 510),
  ('raw/outputs/ec_all_features_command-r-plus.jsonl', 510),
  ('raw/outputs/ec_all_features_gpt-3.5-turbo.jsonl', 510),
  ('raw/outputs/ec_all_features_gpt-4o.jsonl', 507),
  ('raw/outputs/prism_all_features_command-r-plus.jsonl', 1001))
SELECT w.source, w.n AS documented, count(j.item_id) AS found
FROM want w FULL JOIN judgments j USING (source)
GROUP BY w.source, w.n HAVING w.n IS NULL OR count(j.item_id) <> w.n;

-- check: one judge per task per file, and item ids and (file, line) are unique
SELECT item_id, count(*) FROM judgments GROUP BY item_id HAVING count(*) > 1
UNION ALL SELECT source || ':' || line, count(*) FROM judgments GROUP BY source, line HAVING count(*) > 1
UNION ALL SELECT task || '/' || judge, count(DISTINCT source) FROM judgments GROUP BY task, judge HAVING count(DISTINCT source) > 1;

-- check: ground truth is A or B and every line has a persona and both candidates
SELECT item_id, ground_truth FROM judgments
WHERE ground_truth NOT IN ('A', 'B') OR ground_truth IS NULL OR persona IS NULL OR trim(persona) = ''
   OR candidate_a IS NULL OR candidate_b IS NULL OR trim(candidate_a) = '' OR trim(candidate_b) = '';

-- check: the released acc is exactly answer = ground_truth (a failed parse counts as wrong)
SELECT item_id, answer_raw, ground_truth, correct FROM judgments
WHERE correct IS DISTINCT FROM coalesce(answer = ground_truth, false);

-- check: certainty is a number from 1 to 100 wherever the answer parsed; it is missing only where the whole parse failed (the AP GPT-3.5 line released as answer = certainty = false)
SELECT item_id, answer_raw, certainty FROM _judgments
WHERE (certainty IS NOT NULL AND (certainty < 1 OR certainty > 100))
   OR (certainty IS NULL AND answer IS NOT NULL)
   OR (certainty IS NULL AND certainty_raw IS DISTINCT FROM 'false');

-- check: failed answer parses are only the known ones: false (AP GPT-3.5, 1 line), '[' (EC GPT-3.5, 9; EC GPT-4o, 1) and 'R' (EC Llama-3-70B, 1)
WITH known(source, answer_raw, n) AS (VALUES
  ('raw/outputs/ap_all_features_all_features_gpt-3.5-turbo.jsonl', 'false', 1),
  ('raw/outputs/ec_all_features_gpt-3.5-turbo.jsonl', '[', 9),
  ('raw/outputs/ec_all_features_gpt-4o.jsonl', '[', 1),
  ('raw/outputs/ec_all_features_all_features_meta-llama_Meta-Llama-3-70B-Instruct.jsonl', 'R', 1)),
found AS (SELECT source, answer_raw, count(*) AS n FROM judgments WHERE answer IS NULL GROUP BY ALL)
SELECT * FROM found f FULL JOIN known k USING (source, answer_raw) WHERE f.n IS DISTINCT FROM k.n;

-- check: accuracies match the quick facts of SOURCES.md to 3 decimals (AP: Command R+ 0.964, GPT-4o 0.946, Llama-3-70B 0.949, GPT-3.5 0.779; EC: GPT-4o 0.590, Command R+ 0.541, GPT-3.5 0.520, Llama-3-70B 0.506; PRISM Command R+ 0.720)
WITH want(task, judge, acc) AS (VALUES
  ('AP', 'command-r-plus', 0.964), ('AP', 'gpt-4o', 0.946), ('AP', 'meta-llama_Meta-Llama-3-70B-Instruct', 0.949), ('AP', 'gpt-3.5-turbo', 0.779),
  ('EC', 'gpt-4o', 0.590), ('EC', 'command-r-plus', 0.541), ('EC', 'gpt-3.5-turbo', 0.520), ('EC', 'meta-llama_Meta-Llama-3-70B-Instruct', 0.506),
  ('PRISM', 'command-r-plus', 0.720))
SELECT * FROM want w FULL JOIN accuracy a USING (task, judge) WHERE a.accuracy IS NULL OR w.acc IS NULL OR round(a.accuracy, 3) <> w.acc;

-- check: position counts quoted in SOURCES.md: on EC GPT-3.5 answers B 431 of 510 times and Llama-3-70B answers A 347 of 510
SELECT * FROM position_bias
WHERE (task = 'EC' AND judge = 'gpt-3.5-turbo' AND (answered_b <> 431 OR n_judgments <> 510))
   OR (task = 'EC' AND judge = 'meta-llama_Meta-Llama-3-70B-Instruct' AND (answered_a <> 347 OR n_judgments <> 510));

-- check: SOURCES.md: PRISM Command R+ is right on 0.893 of the 149 items with certainty >= 80
SELECT count(*) AS n, round(avg(correct::INTEGER), 3) AS acc FROM judgments
WHERE task = 'PRISM' AND judge = 'command-r-plus' AND certainty >= 80
HAVING count(*) <> 149 OR round(avg(correct::INTEGER), 3) <> 0.893;

-- check: the certainty curve agrees with the items: coverage never rises with the threshold and its lowest threshold covers every line with a certainty
SELECT c.source, c.threshold, 'coverage rises or accuracy out of range' AS problem FROM (
  SELECT *, lag(coverage) OVER (PARTITION BY source ORDER BY threshold) AS prev_coverage FROM certainty_curve) c
WHERE coverage > prev_coverage OR accuracy < 0 OR accuracy > 1
UNION ALL
SELECT c.source, c.threshold, 'lowest threshold misses lines' FROM certainty_curve c
JOIN (SELECT source, min(certainty) AS t, count(certainty) AS n FROM judgments GROUP BY source) m
  ON m.source = c.source AND m.t = c.threshold
WHERE c.n_at_or_above <> m.n;

-- check: a judged pair is the same whichever judge saw it: one persona, context and candidate set per pair_id, one pair_id per (persona, context, candidate set, correct candidate), and at most one judgment per pair per file
SELECT pair_id, 'differs across judges' AS problem FROM judgments
GROUP BY pair_id HAVING count(DISTINCT (persona, coalesce(context, ''),
  least(coalesce(question_a, '') || '|' || candidate_a, coalesce(question_b, '') || '|' || candidate_b),
  greatest(coalesce(question_a, '') || '|' || candidate_a, coalesce(question_b, '') || '|' || candidate_b))) > 1
UNION ALL
SELECT min(pair_id), 'same pair under two ids' FROM judgments
GROUP BY task, persona, coalesce(context, ''),
  CASE ground_truth WHEN 'A' THEN coalesce(question_a, '') || '|' || candidate_a ELSE coalesce(question_b, '') || '|' || candidate_b END,
  CASE ground_truth WHEN 'A' THEN coalesce(question_b, '') || '|' || candidate_b ELSE coalesce(question_a, '') || '|' || candidate_a END
HAVING count(DISTINCT pair_id) > 1
UNION ALL
SELECT pair_id || ' in ' || source, 'judged twice' FROM judgments GROUP BY pair_id, source HAVING count(*) > 1;

-- check: every run of a task judges the same pairs: each file's pairs are among the pairs of the task's largest file, which has them all (GPT-4o's AP and EC files just miss a few)
WITH per_file AS (SELECT task, source, count(DISTINCT pair_id) AS n FROM judgments GROUP BY ALL),
     per_task AS (SELECT task, count(DISTINCT pair_id) AS n FROM judgments GROUP BY ALL)
SELECT t.task, t.n AS task_pairs, max(f.n) AS largest_file FROM per_task t JOIN per_file f USING (task)
GROUP BY t.task, t.n HAVING max(f.n) <> t.n;

-- check: each task's prompts are one template filled in (the recipe cuts out persona, context and candidates and finds them in prompt order)
SELECT task, count(*) AS templates, sum(n_judgments) AS lines FROM prompt_templates GROUP BY task HAVING count(*) <> 1
UNION ALL SELECT 'all', count(*), sum(n_judgments) FROM prompt_templates HAVING sum(n_judgments) <> (SELECT count(*) FROM judgments);

-- check: EC and PRISM personas are the released user_info; AP's released user_info is one constant profile (not the prompt's) — it is one of the AP personas, equal to GPT-4o's similar_persona, and the author of the AP negative candidate
SELECT j.item_id, 'EC/PRISM persona is not user_info' FROM judgments j JOIN _released r USING (source, line)
WHERE j.task <> 'AP' AND j.persona <> r.user_info
UNION ALL
SELECT 'AP', 'user_info not constant' FROM judgments j JOIN _released r USING (source, line)
WHERE j.task = 'AP' HAVING count(DISTINCT r.user_info) <> 1
UNION ALL
SELECT 'AP', 'user_info is no AP persona' FROM (SELECT DISTINCT r.user_info FROM judgments j JOIN _released r USING (source, line) WHERE j.task = 'AP') u
WHERE u.user_info NOT IN (SELECT persona FROM personas WHERE task = 'AP')
UNION ALL
SELECT j.item_id, 'similar_* fields disagree with user_info / negative candidate' FROM judgments j JOIN _released r USING (source, line)
WHERE r.similar_persona IS NOT NULL AND (r.similar_persona <> r.user_info
   OR trim(r.similar_question, chr(10) || chr(13) || chr(9) || ' ') <> CASE j.ground_truth WHEN 'A' THEN j.question_b ELSE j.question_a END
   OR trim(r.similar_response, chr(10) || chr(13) || chr(9) || ' ') <> CASE j.ground_truth WHEN 'A' THEN j.candidate_b ELSE j.candidate_a END);

-- check: known release property: in every AP judgment the non-author candidate is the same question–answer pair
SELECT 'AP negatives', count(DISTINCT CASE ground_truth WHEN 'A' THEN question_b || '|' || candidate_b ELSE question_a || '|' || candidate_a END)
FROM judgments WHERE task = 'AP'
HAVING count(DISTINCT CASE ground_truth WHEN 'A' THEN question_b || '|' || candidate_b ELSE question_a || '|' || candidate_a END) <> 1;

-- check: both candidates differ, except the two documented pairs: one AP pair (the chef's own item whose answer is the constant negative itself) and one PRISM pair (line 961: two identical assistant replies)
SELECT task, count(DISTINCT pair_id) AS identical_pairs FROM judgments
WHERE candidate_a = candidate_b AND question_a IS NOT DISTINCT FROM question_b
GROUP BY task
HAVING (task = 'AP' AND count(DISTINCT pair_id) <> 1) OR (task = 'PRISM' AND count(DISTINCT pair_id) <> 1) OR task = 'EC'
UNION ALL
SELECT 'PRISM line 961 not identical', 0 FROM judgments WHERE task = 'PRISM' AND line = 961 AND candidate_a <> candidate_b;

-- check: results has one accuracy per judge × task file, within 0–1
SELECT model, subset, count(*) FROM results GROUP BY model, subset HAVING count(*) <> 1
UNION ALL SELECT 'rows', NULL, count(*) FROM results HAVING count(*) <> (SELECT count(DISTINCT source) FROM judgments)
UNION ALL SELECT model, subset, 1 FROM results WHERE value < 0 OR value > 1;
