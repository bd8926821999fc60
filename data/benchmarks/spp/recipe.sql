-- Solo Performance Prompting (MikeWangWZHL/Solo-Performance-Prompting @ 619c8a0):
-- the three tasks' items (raw/data), the six GPT-4 Codenames run logs we mirror (raw/logs), and our
-- per-instance scores of all 72 released logs (derived/, made from the repo's logs; see SOURCES.md).

-- ---------------------------------------------------------------- Trivia Creative Writing items
-- The JSONL lines carry no idx: an item's idx is its 0-based line number (the logs number items the same way).
CREATE TABLE _trivia_lines AS
SELECT regexp_extract(filename, '([^/]+)$', 1) AS data_file,
       regexp_extract(filename, '(raw/data/.*)$', 1) AS source,
       (generate_subscripts(string_split(rtrim(content, chr(10)), chr(10)), 1) - 1)::INTEGER AS idx,
       unnest(string_split(rtrim(content, chr(10)), chr(10))) AS line
FROM read_text('{{raw}}/data/trivia_creative_writing/trivia_creative_writing_100_n_*.jsonl');

CREATE TABLE _trivia AS
SELECT data_file, source, idx,
       json_extract_string(line, '$.topic') AS topic,
       json_extract(line, '$.questions')::VARCHAR[] AS questions,
       json_extract(line, '$.answers')::VARCHAR[][] AS answers,
       json_extract(line, '$.question_ids')::VARCHAR[] AS question_ids
FROM _trivia_lines;

CREATE TABLE trivia_items AS
SELECT data_file, len(questions)::INTEGER AS n_questions, idx, topic,
       array_to_string(question_ids, ', ') AS question_ids, source
FROM _trivia ORDER BY n_questions, idx;

CREATE TABLE trivia_questions AS
SELECT t.data_file, len(t.questions)::INTEGER AS n_questions, t.idx, q.i::INTEGER AS question_index,
       t.question_ids[q.i] AS question_id, t.questions[q.i] AS question,
       t.answers[q.i][1] AS answer, array_to_string(t.answers[q.i], ' | ') AS answer_aliases,
       len(t.answers[q.i])::INTEGER AS n_aliases
FROM _trivia t, LATERAL (SELECT unnest(range(1, len(t.questions) + 1)) AS i) q
ORDER BY n_questions, idx, question_index;

-- The 100 topics, one per line; line i is the topic of item i in both trivia files (checked).
CREATE TABLE _topics AS
SELECT (generate_subscripts(string_split(rtrim(content, chr(10)), chr(10)), 1) - 1)::INTEGER AS idx,
       unnest(string_split(rtrim(content, chr(10)), chr(10))) AS topic
FROM read_text('{{raw}}/data/trivia_creative_writing/topics_pop_culture_100_gpt4_gen_PG_rated.txt');

-- ---------------------------------------------------------------- Codenames Collaborative items
CREATE TABLE codenames_items AS
SELECT idx::INTEGER AS idx, array_to_string(word_list, ', ') AS word_list, array_to_string(target_words, ', ') AS target_words,
       len(word_list)::INTEGER AS n_words, len(target_words)::INTEGER AS n_targets,
       regexp_extract(filename, '(raw/data/.*)$', 1) AS source
FROM read_json('{{raw}}/data/codenames_collaborative/codenames_50.jsonl', format = 'newline_delimited', filename = true,
               columns = {idx: 'INTEGER', word_list: 'VARCHAR[]', target_words: 'VARCHAR[]'})
ORDER BY idx;

-- ---------------------------------------------------------------- Logic Grid Puzzle items
CREATE TABLE _logic AS
SELECT idx::INTEGER AS idx,
       regexp_extract(inputs, 'There are (\d+) houses', 1)::INTEGER AS n_houses,
       inputs AS puzzle,
       array_to_string(multiple_choice_targets, ', ') AS choices,
       targets[1] AS answer,
       len(targets)::INTEGER AS n_targets,
       list_sum(multiple_choice_scores)::INTEGER AS n_correct_choices,
       multiple_choice_scores[list_position(multiple_choice_targets, targets[1])]::INTEGER AS answer_choice_score,
       regexp_extract(filename, '(raw/data/.*)$', 1) AS source
FROM read_json('{{raw}}/data/logic_grid_puzzle/logic_grid_puzzle_200.jsonl', format = 'newline_delimited', filename = true,
               columns = {idx: 'INTEGER', inputs: 'VARCHAR', targets: 'VARCHAR[]', multiple_choice_targets: 'VARCHAR[]', multiple_choice_scores: 'INTEGER[]'});

CREATE TABLE logic_grid_items AS
SELECT idx, n_houses, puzzle, choices, answer, source FROM _logic ORDER BY idx;

-- ---------------------------------------------------------------- per-instance scores of all 72 logs (derived/)
CREATE TABLE instance_scores AS
SELECT task, data_file, model_setting, method,
       nullif(refine_round, '') AS refine_round,
       system_message_present = 'yes' AS system_message,
       idx::INTEGER AS idx,
       has_eval = 'yes' AS has_eval,
       score_numerator::INTEGER AS score_numerator,
       score_denominator::INTEGER AS score_denominator,
       score::DOUBLE AS score,
       CASE parsing_success WHEN '[True]' THEN true WHEN '[False]' THEN false END AS parsing_success,
       log_file
FROM read_csv('{{here}}/derived/spp_log_instance_metrics.csv', header = true, all_varchar = true)
ORDER BY task, data_file, model_setting, method, refine_round, idx;

-- Number of items each data file holds (the denominator when absent records count as 0).
CREATE TABLE _expected AS
SELECT 'trivia_creative_writing' AS task, data_file, count(*) AS expected_n FROM trivia_items GROUP BY ALL
UNION ALL SELECT 'logic_grid_puzzle', 'logic_grid_puzzle_200.jsonl', count(*) FROM logic_grid_items
UNION ALL SELECT 'codenames_collaborative', f.data_file, count(*) FROM codenames_items, (VALUES ('codenames_50.jsonl'), ('codenames_85.jsonl')) f(data_file) GROUP BY ALL;

-- One row per task × data file × setting × method (× self-refine round), recomputed from instance_scores.
CREATE TABLE run_summary AS
SELECT s.task, s.data_file,
       CASE s.task WHEN 'trivia_creative_writing' THEN max(s.score_denominator) END::INTEGER AS n_questions,
       s.model_setting,
       CASE WHEN s.model_setting LIKE 'gpt4%' THEN 'Table 2' ELSE 'Figure 6' END AS paper_exhibit,
       s.method, s.refine_round,
       s.method || coalesce('_round' || s.refine_round, '') AS method_key,
       bool_and(s.system_message) AS system_message,
       max(e.expected_n)::INTEGER AS expected_n,
       count(*)::INTEGER AS n_records,
       count(*) FILTER (NOT s.has_eval)::INTEGER AS n_records_without_eval,
       100 * avg(s.score) AS mean_score_pct_over_logged,
       100 * coalesce(sum(s.score), 0) / max(e.expected_n) AS mean_score_pct_absent_as_zero,
       any_value(s.log_file) AS log_file
FROM instance_scores s JOIN _expected e USING (task, data_file)
GROUP BY s.task, s.data_file, s.model_setting, s.method, s.refine_round
ORDER BY task, data_file, model_setting, method_key;

-- The derived summary (rounded to 2 decimals), kept for checks.sql to compare with run_summary.
CREATE TABLE _summary_csv AS
SELECT * FROM read_csv('{{here}}/derived/spp_log_summary_recomputed.csv', header = true);

-- ---------------------------------------------------------------- Codenames GPT-4 logs (with system message)
-- Six of the 72 logs are mirrored. Empty {} lines (failed API calls) are left out; recipe.ts records how many.
CREATE TABLE _cn_log AS
SELECT regexp_extract(filename, '(raw/logs/.*)$', 1) AS source, *
FROM read_json('{{raw}}/logs/codenames_collaborative/gpt4_w_sys_mes/*.jsonl', format = 'newline_delimited',
               union_by_name = true, filename = true, sample_size = -1);

CREATE TABLE _cn_records AS
SELECT r.method, r.idx::INTEGER AS idx,
       r.hint_word,
       coalesce(array_to_string(r.spymaster_output, ' | '), array_to_string(r.spymaster_logs.answer_1.unwrapped_output, ' | ')) AS spymaster_output,
       coalesce(array_to_string(r.guesser_output, ' | '), array_to_string(r.guesser_logs.answer_1.unwrapped_output, ' | ')) AS guesser_output,
       r.parsing_success_flag_spymaster[1] AS spymaster_parsed,
       r.parsing_success_flag_guesser[1] AS guesser_parsed,
       array_to_string(r.test_output_infos[1].matched_words, ', ') AS matched_words,
       r.test_output_infos[1].matched_count::INTEGER AS matched_count,
       r.test_output_infos[1].target_count::INTEGER AS target_count,
       r.test_output_infos[1].matched_count / r.test_output_infos[1].target_count AS score,
       nullif(trim(regexp_extract(coalesce(r.raw_response_spymaster[1].choices[1].message.content, ''), 'Participants:[ \t]*([^\n]*)', 1)), '') AS spymaster_participants,
       nullif(trim(regexp_extract(coalesce(r.raw_response_guesser[1].choices[1].message.content, ''), 'Participants:[ \t]*([^\n]*)', 1)), '') AS guesser_participants,
       r.model, r.gpt_config.engine AS engine, r.temperature, r.system_message,
       r.task_data_file,
       array_to_string(r.task_data.word_list, ', ') AS logged_word_list,
       array_to_string(r.task_data.target_words, ', ') AS logged_target_words,
       regexp_extract(r.source, '([^/]+)$', 1) AS log_file,
       r.source
FROM _cn_log r
WHERE r.idx IS NOT NULL;

CREATE TABLE codenames_log_records AS
SELECT * EXCLUDE (logged_word_list, logged_target_words) FROM _cn_records ORDER BY method, idx;

-- Each model call of a record: one response per role for standard/cot/spp*, and answer → feedback → refined answer
-- per role for self_refine. Prompts are left out (long, and the same templates for every item).
CREATE TABLE _cn_calls AS
SELECT method, idx, 'spymaster' AS role, 'response' AS step, 1 AS step_order, raw_response_spymaster[1] AS call, source FROM _cn_log WHERE raw_response_spymaster IS NOT NULL
UNION ALL SELECT method, idx, 'guesser', 'response', 1, raw_response_guesser[1], source FROM _cn_log WHERE raw_response_guesser IS NOT NULL
UNION ALL SELECT method, idx, 'spymaster', 'answer_0', 1, spymaster_logs.answer_0.raw_response[1], source FROM _cn_log WHERE spymaster_logs IS NOT NULL
UNION ALL SELECT method, idx, 'spymaster', 'feedback_0', 2, spymaster_logs.feedback_0.raw_response[1], source FROM _cn_log WHERE spymaster_logs IS NOT NULL
UNION ALL SELECT method, idx, 'spymaster', 'answer_1', 3, spymaster_logs.answer_1.raw_response[1], source FROM _cn_log WHERE spymaster_logs IS NOT NULL
UNION ALL SELECT method, idx, 'guesser', 'answer_0', 1, guesser_logs.answer_0.raw_response[1], source FROM _cn_log WHERE guesser_logs IS NOT NULL
UNION ALL SELECT method, idx, 'guesser', 'feedback_0', 2, guesser_logs.feedback_0.raw_response[1], source FROM _cn_log WHERE guesser_logs IS NOT NULL
UNION ALL SELECT method, idx, 'guesser', 'answer_1', 3, guesser_logs.answer_1.raw_response[1], source FROM _cn_log WHERE guesser_logs IS NOT NULL;

CREATE TABLE codenames_log_calls AS
SELECT method, idx::INTEGER AS idx, role, step, step_order::INTEGER AS step_order,
       call.choices[1].message.content AS response,
       call.choices[1].finish_reason AS finish_reason,
       call.usage.prompt_tokens::INTEGER AS prompt_tokens,
       call.usage.completion_tokens::INTEGER AS completion_tokens,
       call.model AS api_model,
       to_timestamp(call.created)::VARCHAR AS created_utc,
       len(call.choices)::INTEGER AS n_choices,
       source
FROM _cn_calls
ORDER BY method, idx, role DESC, step_order;

-- ---------------------------------------------------------------- cross-benchmark results
-- Recomputed means (no paper table could be transcribed): both variants, per task × setting × method.
-- The stray trivia N=5 self_refine "final" record (one record, no evaluation) has no score and is left out.
CREATE TABLE _boards AS
SELECT *,
       CASE task WHEN 'trivia_creative_writing' THEN 'Trivia Creative Writing N=' || n_questions
                 WHEN 'codenames_collaborative' THEN 'Codenames Collaborative'
                 WHEN 'logic_grid_puzzle' THEN 'Logic Grid Puzzle' END
         || ' / ' || method_key || ' / ' || CASE WHEN system_message THEN 'with system message' ELSE 'without system message' END AS subset
FROM run_summary
WHERE n_records > n_records_without_eval;

CREATE TABLE results AS
SELECT model_setting AS model,
       m.metric,
       subset,
       CASE m.metric WHEN 'score % (mean over logged records, recomputed)' THEN mean_score_pct_over_logged ELSE mean_score_pct_absent_as_zero END AS value,
       '% (0–100)' AS unit, true AS higher_is_better,
       'derived/spp_log_instance_metrics.csv (recomputed mean of ' || task || '/' || data_file || '/' || model_setting || '/' || method_key || ')' AS source
FROM _boards,
     (VALUES ('score % (mean over logged records, recomputed)'), ('score % (absent records as 0, recomputed)')) m(metric)
ORDER BY model, subset, metric;

-- The logged records behind "mean over logged records" (item = idx in the data file), so leaderboards
-- can bootstrap them. "Absent records as 0" gets no items: it divides by the data file's item count,
-- and the items missing from a log have no record, so its zeros are not rows of the release; we do not
-- make rows for them (the build checks that each itemized value is exactly its items' mean).
CREATE TABLE result_items AS
SELECT b.model_setting AS model, 'score % (mean over logged records, recomputed)' AS metric, b.subset,
       s.idx::VARCHAR AS item, 100 * s.score AS value
FROM _boards b JOIN instance_scores s
  ON s.task = b.task AND s.data_file = b.data_file AND s.model_setting = b.model_setting
 AND s.method = b.method AND s.refine_round IS NOT DISTINCT FROM b.refine_round
WHERE s.score IS NOT NULL
ORDER BY model, subset, s.idx;
