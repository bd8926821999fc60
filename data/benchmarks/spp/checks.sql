-- check: trivia: 100 items in each of the N=5 and N=10 files, each with N questions, N answer lists and N question ids
SELECT data_file, count(*) AS n FROM trivia_items GROUP BY data_file HAVING count(*) <> 100
UNION ALL SELECT 'files', count(DISTINCT data_file) FROM trivia_items HAVING count(DISTINCT data_file) <> 2
UNION ALL SELECT data_file || '#' || idx, len(questions) FROM _trivia
  WHERE len(questions) <> regexp_extract(data_file, '_n_(\d+)\.jsonl', 1)::INTEGER OR len(answers) <> len(questions) OR len(question_ids) <> len(questions);

-- check: trivia question ids are unique within a file and every question has text and at least one answer alias
SELECT data_file, question_id, count(*) FROM trivia_questions GROUP BY ALL HAVING count(*) > 1
UNION ALL SELECT data_file, question_id, n_aliases FROM trivia_questions WHERE n_aliases < 1 OR trim(question) = '' OR question IS NULL;

-- check: the topics file has 100 distinct topics and line i is the topic of item i in both trivia files
SELECT 'topics' AS what, count(*) AS n FROM _topics HAVING count(*) <> 100 OR count(DISTINCT topic) <> 100
UNION ALL SELECT t.data_file || '#' || t.idx, 0 FROM trivia_items t LEFT JOIN _topics p USING (idx) WHERE p.topic IS DISTINCT FROM t.topic;

-- check: codenames: 50 items with idx 0–49, target words drawn from the board
SELECT 'items' AS what, count(*) AS n FROM codenames_items HAVING count(*) <> 50 OR min(idx) <> 0 OR max(idx) <> 49 OR count(DISTINCT idx) <> 50
UNION ALL SELECT 'item ' || idx, n_targets FROM codenames_items
  WHERE n_targets < 1 OR NOT list_has_all(string_split(word_list, ', '), string_split(target_words, ', '));

-- check: logic grid: 200 items with idx 0–199, one target that is the single choice scored 1, 2–5 houses
SELECT 'items' AS what, count(*) AS n FROM _logic HAVING count(*) <> 200 OR count(DISTINCT idx) <> 200 OR min(idx) <> 0 OR max(idx) <> 199
UNION ALL SELECT 'item ' || idx, n_houses FROM _logic
  WHERE n_targets <> 1 OR n_correct_choices <> 1 OR answer_choice_score IS DISTINCT FROM 1 OR n_houses NOT BETWEEN 2 AND 5;

-- check: instance_scores: the derived file covers all 72 released logs, one row per run × item (× self-refine round)
SELECT 'logs' AS what, count(DISTINCT (model_setting, task, log_file)) AS n FROM instance_scores HAVING count(DISTINCT (model_setting, task, log_file)) <> 72
UNION ALL SELECT task || '/' || data_file || '/' || model_setting || '/' || method || '/' || coalesce(refine_round, '') || '#' || idx, count(*)
  FROM instance_scores WHERE idx IS NOT NULL GROUP BY task, data_file, model_setting, method, refine_round, idx HAVING count(*) > 1
UNION ALL SELECT task || '/' || model_setting || '/' || method || '/' || coalesce(refine_round, ''), count(DISTINCT log_file)
  FROM instance_scores GROUP BY task, data_file, model_setting, method, refine_round HAVING count(DISTINCT log_file) <> 1;

-- check: scores are numerator / denominator (to the file's 6 decimals) and within 0–1; logic grid is 0/1 or 1/1
SELECT * FROM instance_scores
WHERE has_eval AND (score IS NULL OR abs(score - score_numerator / score_denominator) > 1e-6 OR score NOT BETWEEN 0 AND 1
                    OR score_numerator > score_denominator OR (task = 'logic_grid_puzzle' AND score_denominator <> 1));

-- check: every scored instance points at an existing item, and its denominator is that item's question count / target-word count (this also ties the codenames_85.jsonl runs to codenames_50.jsonl)
SELECT s.task, s.data_file, s.model_setting, s.method, s.idx, s.score_denominator FROM instance_scores s
LEFT JOIN trivia_items t ON s.task = 'trivia_creative_writing' AND t.data_file = s.data_file AND t.idx = s.idx
LEFT JOIN codenames_items c ON s.task = 'codenames_collaborative' AND c.idx = s.idx
LEFT JOIN logic_grid_items l ON s.task = 'logic_grid_puzzle' AND l.idx = s.idx
WHERE s.has_eval AND (
     (s.task = 'trivia_creative_writing' AND s.score_denominator IS DISTINCT FROM t.n_questions)
  OR (s.task = 'codenames_collaborative' AND s.score_denominator IS DISTINCT FROM c.n_targets)
  OR (s.task = 'logic_grid_puzzle' AND l.idx IS NULL));

-- check: exactly one record has no evaluation, the known stray one (trivia N=5, gpt4_w_sys_mes, self_refine, round 'final', no idx) that SOURCES.md documents
SELECT * FROM instance_scores WHERE NOT has_eval
  AND NOT (task = 'trivia_creative_writing' AND data_file = 'trivia_creative_writing_100_n_5.jsonl' AND model_setting = 'gpt4_w_sys_mes'
           AND method = 'self_refine' AND refine_round = 'final' AND idx IS NULL)
UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'count ' || count(*) FROM instance_scores WHERE NOT has_eval HAVING count(*) <> 1;

-- check: no run has more evaluated records than its data file has items
SELECT * FROM run_summary WHERE n_records - n_records_without_eval > expected_n;

-- check: run_summary (recomputed from instance_scores) agrees with derived/spp_log_summary_recomputed.csv: same 79 runs, counts, and both means to its 2 decimals
WITH c AS (SELECT * FROM _summary_csv)
SELECT r.task, r.data_file, r.model_setting, r.method_key, c.method, r.n_records, c.n_records_in_log
FROM run_summary r FULL JOIN c ON r.task = c.task AND r.data_file = c.data_file AND r.model_setting = c.model_setting AND r.method_key = c.method
WHERE r.task IS NULL OR c.task IS NULL
   OR r.expected_n <> c.expected_n OR r.n_records <> c.n_records_in_log OR r.n_records_without_eval <> c.n_records_without_eval
   OR abs(r.mean_score_pct_absent_as_zero - c.mean_score_pct_absent_records_as_zero) > 0.005 + 1e-9
   OR (r.mean_score_pct_over_logged IS NULL) <> (c.mean_score_pct_over_logged IS NULL)
   OR abs(r.mean_score_pct_over_logged - c.mean_score_pct_over_logged) > 0.005 + 1e-9;

-- check: mirrored codenames logs have 50 lines each; the empty lines are pure {} (no field set) and the records cover idx 0–49 once per method
SELECT source, count(*) AS n FROM _cn_log GROUP BY source HAVING count(*) <> 50
UNION ALL SELECT 'files', count(DISTINCT source) FROM _cn_log HAVING count(DISTINCT source) <> 6
UNION ALL SELECT source, count(*) FROM _cn_log WHERE idx IS NULL AND (method IS NOT NULL OR hint_word IS NOT NULL OR test_output_infos IS NOT NULL OR task IS NOT NULL) GROUP BY source
UNION ALL SELECT method || '#' || idx, count(*) FROM codenames_log_records GROUP BY method, idx HAVING count(*) > 1 OR idx NOT BETWEEN 0 AND 49;

-- check: each mirrored log record carries the same board and targets as codenames_50.jsonl at its idx (so codenames_85.jsonl in the records is the same item set)
SELECT r.method, r.idx, r.task_data_file FROM _cn_records r LEFT JOIN codenames_items c USING (idx)
WHERE r.logged_word_list IS DISTINCT FROM c.word_list OR r.logged_target_words IS DISTINCT FROM c.target_words OR r.target_count IS DISTINCT FROM c.n_targets;

-- check: the mirrored logs agree with instance_scores (gpt4_w_sys_mes codenames): same records, same matched/target counts
SELECT coalesce(r.method, s.method) AS method, coalesce(r.idx, s.idx) AS idx, r.matched_count, s.score_numerator
FROM codenames_log_records r
FULL JOIN (SELECT * FROM instance_scores WHERE task = 'codenames_collaborative' AND model_setting = 'gpt4_w_sys_mes') s
  ON s.method = r.method AND s.idx = r.idx
WHERE r.idx IS NULL OR s.idx IS NULL OR r.matched_count <> s.score_numerator OR r.target_count <> s.score_denominator OR r.log_file <> s.log_file;

-- check: every record has its calls: one response per role (standard/cot/SPP variants) or answer, feedback, refined answer per role (self_refine), each with one choice and text
SELECT r.method, r.idx, count(c.idx) AS calls FROM codenames_log_records r LEFT JOIN codenames_log_calls c USING (method, idx)
GROUP BY r.method, r.idx HAVING count(c.idx) <> CASE WHEN r.method = 'self_refine' THEN 6 ELSE 2 END
UNION ALL SELECT method, idx, n_choices FROM codenames_log_calls WHERE n_choices <> 1 OR response IS NULL;

-- check: results: one row per model setting × subset × metric, values within 0–100
SELECT model, subset, metric, count(*) AS n FROM results GROUP BY ALL HAVING count(*) > 1
UNION ALL SELECT model, subset, metric, 0 FROM results WHERE value NOT BETWEEN 0 AND 100 OR value IS NULL;
