-- PersonaMem: model results published on the project website (zhuoqunhao/PersonaMem.github.io @ 302773e).
-- Release files: the website's two CSVs (13 models). Curated: the website's 15-model HTML leaderboards and the
-- generative-evaluation heat map, transcribed in paper_tables/. The benchmark data itself (questions and
-- contexts) is on Hugging Face and not shipped here.

-- ── Release CSVs (13 models + Average + Random Guess), wide → long ───────────────────────────
CREATE TABLE _csv_sessions AS
SELECT "Model \ Num Sessions" AS model, sessions, value::DOUBLE AS value,
       'raw/website/static/csvs/results_long_context.csv' AS source
FROM (UNPIVOT (SELECT * FROM read_csv('{{raw}}/website/static/csvs/results_long_context.csv', header = true, all_varchar = true))
      ON COLUMNS(* EXCLUDE ("Model \ Num Sessions")) INTO NAME sessions VALUE value);

-- Model headers carry <br> line breaks ("Gemini<br>1.5-Flash"); joined with "-" they match the leaderboard names.
CREATE TABLE _csv_qa_types AS
SELECT "Question Type \ Model" AS query_type,
       CASE WHEN header = 'Random<br>Guess' THEN 'Random Guess' ELSE replace(header, '<br>', '-') END AS model,
       header, value::DOUBLE AS value,
       'raw/website/static/csvs/results_qa_types.csv' AS source
FROM (UNPIVOT (SELECT * FROM read_csv('{{raw}}/website/static/csvs/results_qa_types.csv', header = true, all_varchar = true))
      ON COLUMNS(* EXCLUDE ("Question Type \ Model")) INTO NAME header VALUE value);

-- ── Curated 15-model leaderboards ─────────────────────────────────────────────────────────────
CREATE TABLE _qa15 AS
SELECT row_number() OVER () AS csv_row, *
FROM read_csv('{{here}}/paper_tables/website_results_qa_types_15models.csv', header = true, all_varchar = true);

CREATE TABLE _sessions15 AS
SELECT row_number() OVER () AS csv_row, *
FROM read_csv('{{here}}/paper_tables/website_results_by_num_sessions_15models_128k.csv', header = true, all_varchar = true);

CREATE TABLE _generative AS
SELECT row_number() OVER () AS csv_row, *
FROM read_csv('{{here}}/paper_tables/website_results_generative_heatmap.csv', header = true, all_varchar = true);

CREATE MACRO row_kind(m) AS CASE m WHEN 'Average' THEN 'average' WHEN 'Random Guess' THEN 'random guess' ELSE 'model' END;

CREATE TABLE accuracy_by_query_type AS
SELECT q.query_type, q.model, row_kind(q.model) AS row_kind, q.value::DOUBLE AS accuracy, c.value AS csv_accuracy,
       'paper_tables/website_results_qa_types_15models.csv row ' || q.csv_row AS source
FROM _qa15 q LEFT JOIN _csv_qa_types c ON c.query_type = q.query_type AND c.model = q.model
ORDER BY q.csv_row;

CREATE TABLE accuracy_by_sessions AS
SELECT s.model, s.num_sessions AS sessions, TRY_CAST(s.num_sessions AS INTEGER) AS num_sessions, s.context,
       row_kind(s.model) AS row_kind, s.value::DOUBLE AS accuracy, c.value AS csv_accuracy,
       'paper_tables/website_results_by_num_sessions_15models_128k.csv row ' || s.csv_row AS source
FROM _sessions15 s LEFT JOIN _csv_sessions c ON c.model = s.model AND c.sessions = s.num_sessions
ORDER BY s.csv_row;

CREATE TABLE generative_accuracy_by_query_type AS
SELECT query_type, model, row_kind(model) AS row_kind,
       CASE WHEN row_kind(model) <> 'model' THEN NULL WHEN model LIKE '%(MCQ)' THEN 'multiple choice' ELSE 'generative' END AS setting,
       value::DOUBLE AS accuracy,
       'paper_tables/website_results_generative_heatmap.csv row ' || csv_row AS source
FROM _generative ORDER BY csv_row;

-- ── Cross-benchmark results: the 15 models of the website leaderboards ───────────────────────
-- The query-type table's "Overall Accuracy" row repeats the session table's Overall (checks.sql), so it is
-- taken once, from the session table whose context (128k) is stated.
CREATE TABLE results AS
SELECT model, 'MCQ accuracy' AS metric, 'query type: ' || query_type AS subset, accuracy AS value,
       'accuracy 0–1' AS unit, true AS higher_is_better, source || ' (website leaderboard by query type)' AS source
FROM accuracy_by_query_type WHERE row_kind = 'model' AND query_type <> 'Overall Accuracy'
UNION ALL
SELECT model, 'MCQ accuracy',
       CASE WHEN num_sessions IS NULL THEN 'overall · ' || context || ' context'
            ELSE 'sessions elapsed: ' || num_sessions || ' · ' || context || ' context' END,
       accuracy, 'accuracy 0–1', true, source || ' (website leaderboard by session count)'
FROM accuracy_by_sessions WHERE row_kind = 'model';
