-- Bias Runs Deep (allenai/persona-bias @ db099336fc7b): the repo's sample run (outputs/), three files per run:
--   <persona>_raw_responses_s<start>_e<end>_temp<T>_gen<N>_<timestamp>.jsonl          (id, system_prompt, user_prompt, raw_response = OpenAI chat.completion)
--   <persona>_text_predictions_s<start>_e<end>_temp<T>_gen<N>_<timestamp>.jsonl       (id, question, answer, predicted_explanations)
--   <persona>_text_predictions_..._labeled.jsonl                                        (… + predicted_answer, is_correct)
-- File names follow persona/run.py: s = start index, e = end index (-1 = whole dataset), temp = temperature,
-- gen = samples per question, then the run's local time "MMm-DDd_HHh-MMm_SSs_<microseconds>ms".
-- run_id is the file name without the kind (raw_responses / text_predictions) and without "_labeled".

CREATE TABLE _raw AS
SELECT regexp_replace(regexp_extract(filename, '([^/]+)\.jsonl$', 1), '_raw_responses_', '_') AS run_id,
       regexp_extract(filename, '(raw/outputs/[^/]+)$', 1) AS source,
       id, system_prompt, user_prompt, raw_response
FROM read_json('{{raw}}/outputs/*_raw_responses_*.jsonl', filename = true, format = 'newline_delimited');

CREATE TABLE _text AS
SELECT regexp_replace(regexp_extract(filename, '([^/]+)\.jsonl$', 1), '_text_predictions_', '_') AS run_id,
       regexp_extract(filename, '(raw/outputs/[^/]+)$', 1) AS source,
       id, question, answer, predicted_explanations
FROM read_json('{{raw}}/outputs/*_text_predictions_*.jsonl', filename = true, format = 'newline_delimited')
WHERE NOT filename LIKE '%\_labeled.jsonl' ESCAPE '\';

CREATE TABLE _labeled AS
SELECT regexp_replace(regexp_replace(regexp_extract(filename, '([^/]+)\.jsonl$', 1), '_labeled$', ''), '_text_predictions_', '_') AS run_id,
       regexp_extract(filename, '(raw/outputs/[^/]+)$', 1) AS source,
       id, question, answer, predicted_explanations, predicted_answer, is_correct
FROM read_json('{{raw}}/outputs/*_labeled.jsonl', filename = true, format = 'newline_delimited');

-- Questions (MMLU-style multiple choice): the released question text is "<stem>\nOptions:\n(A) …\n(B) …\n(C) …\n(D) …".
CREATE TABLE items AS
SELECT l.id::INTEGER AS item_id,
       regexp_extract(l.question, '(?s)^(.*)\nOptions:\n\(A\) ', 1) AS stem,
       regexp_extract(l.question, '\n\(A\) (.*)\n\(B\) ', 1) AS option_a,
       regexp_extract(l.question, '\n\(B\) (.*)\n\(C\) ', 1) AS option_b,
       regexp_extract(l.question, '\n\(C\) (.*)\n\(D\) ', 1) AS option_c,
       regexp_extract(l.question, '\n\(D\) (.*)$', 1) AS option_d,
       l.answer AS answer,
       l.question AS question,
       l.source
FROM _labeled l
ORDER BY item_id;

-- One row per item of the run: the raw API response joined to the extracted and the labeled predictions by id.
-- The response text is kept once (it is repeated verbatim in all three files: see checks.sql).
CREATE TABLE outputs AS
SELECT l.run_id,
       l.id::INTEGER AS item_id,
       regexp_extract(r.system_prompt, '^Adopt the identity of (.*)\. Answer the questions', 1) AS persona,
       r.raw_response.model AS model,
       r.raw_response.choices[1].message.content AS response,
       nullif(l.predicted_answer, '') AS predicted_answer,
       l.answer AS gold_answer,
       l.is_correct,
       l.predicted_answer <> '' AS answer_extracted,
       strpos(lower(r.raw_response.choices[1].message.content),
              'as ' || lower(regexp_extract(r.system_prompt, '^Adopt the identity of (.*)\. Answer the questions', 1))) > 0 AS mentions_persona,
       r.raw_response.choices[1].finish_reason AS finish_reason,
       r.raw_response.usage.prompt_tokens::INTEGER AS prompt_tokens,
       r.raw_response.usage.completion_tokens::INTEGER AS completion_tokens,
       r.raw_response.usage.total_tokens::INTEGER AS total_tokens,
       r.raw_response.id AS completion_id,
       strftime(to_timestamp(r.raw_response.created), '%Y-%m-%d %H:%M:%S') AS created_utc,
       (r.raw_response.choices[1].message.content = t.predicted_explanations[1]
        AND t.predicted_explanations = l.predicted_explanations
        AND t.question = l.question AND t.answer = l.answer
        AND strpos(r.user_prompt, 'Question: ' || l.question) > 0) AS files_agree,
       r.source AS source_raw,
       l.source AS source_labeled
FROM _labeled l
LEFT JOIN _raw r USING (run_id, id)
LEFT JOIN _text t USING (run_id, id)
ORDER BY run_id, item_id;

-- One row per run: settings read from the file name and the prompts, and the run's totals.
CREATE TABLE runs AS
SELECT o.run_id,
       any_value(o.persona) AS persona,
       any_value(o.model) AS model,
       any_value(r.system_prompt) AS persona_instruction,
       any_value(substr(r.user_prompt, 1, strpos(r.user_prompt, 'Question: ') - 1)) || 'Question: {question}' AS user_prompt_template,
       count(DISTINCT r.system_prompt)::INTEGER AS distinct_instructions,
       count(DISTINCT substr(r.user_prompt, 1, strpos(r.user_prompt, 'Question: ') - 1))::INTEGER AS distinct_user_templates,
       regexp_extract(o.run_id, '_s(-?\d+)_e', 1)::INTEGER AS start_idx,
       regexp_extract(o.run_id, '_e(-?\d+)_temp', 1)::INTEGER AS end_idx,
       regexp_extract(o.run_id, '_temp([0-9.]+)_gen', 1)::DOUBLE AS temperature,
       regexp_extract(o.run_id, '_gen(\d+)_', 1)::INTEGER AS samples_per_question,
       regexp_extract(o.run_id, '_gen\d+_(.*)$', 1) AS run_time_local,
       min(o.created_utc) AS first_created_utc,
       max(o.created_utc) AS last_created_utc,
       count(*)::INTEGER AS items,
       count(*) FILTER (o.is_correct)::INTEGER AS correct,
       count(*) FILTER (o.is_correct)::DOUBLE / count(*) AS accuracy,
       count(*) FILTER (NOT o.answer_extracted)::INTEGER AS no_answer,
       count(*) FILTER (o.mentions_persona)::INTEGER AS mentions_persona,
       sum(o.total_tokens)::INTEGER AS total_tokens,
       any_value(o.source_labeled) AS source
FROM outputs o JOIN _raw r ON r.run_id = o.run_id AND r.id = o.item_id
GROUP BY o.run_id
ORDER BY o.run_id;

-- Cross-benchmark results: the run's accuracy from the release's own is_correct labels (the model as each raw response names it).
CREATE TABLE results AS
SELECT model, 'accuracy' AS metric,
       'persona "' || persona || '" · repo sample run (' || items || ' questions)' AS subset,
       accuracy AS value, 'accuracy 0–1' AS unit, true AS higher_is_better,
       source || ' (is_correct, ' || items || ' rows)' AS source
FROM runs;

-- Headline numbers of the abstract and the Fig. 1 caption (paper_tables/abstract_headline_numbers.csv).
-- Values such as "70+" are bounds, not numbers: they keep their text in the claim and value is null
-- (as in every recipe's claims).
CREATE TABLE claims AS
SELECT quantity || ': ' || value || CASE WHEN unit = 'count' THEN '' WHEN starts_with(unit, '%') THEN unit ELSE ' ' || unit END
         || ' (' || CASE WHEN model = 'all' THEN 'all models' ELSE model END || '; ' || scope || ')' AS claim,
       CASE WHEN value LIKE '%+%' THEN NULL ELSE TRY_CAST(regexp_extract(value, '^([0-9.]+)', 1) AS DOUBLE) END AS value,
       unit,
       source_location || ' — ' || source || '; paper_tables/abstract_headline_numbers.csv row ' || row_number() OVER () AS source
FROM read_csv('{{here}}/paper_tables/abstract_headline_numbers.csv', header = true, all_varchar = true);
