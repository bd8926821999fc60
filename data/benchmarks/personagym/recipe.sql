-- PersonaGym (vsamuel2003/PersonaGym @ 536f705): six aggregate score files and 200 question files.

-- Task scores: one scores.json per model run, folder name "<yyyymmdd>_<model>".
CREATE TABLE _score_files AS
SELECT regexp_extract(filename, 'evaluations/(\d{8})_([^/]+)/scores\.json$', 2) AS model,
       strptime(regexp_extract(filename, 'evaluations/(\d{8})_', 1), '%Y%m%d')::DATE AS run_date,
       "Action Justification", "Expected Action", "Linguistic Habits", "Persona Consistency", "Toxicity Control", "PersonaScore",
       regexp_extract(filename, '(raw/evaluations/.*)$', 1) AS source
FROM read_json('{{raw}}/evaluations/*/scores.json', filename = true, format = 'auto');

CREATE TABLE scores AS
SELECT model, run_date, task, score, source
FROM (UNPIVOT _score_files ON "Action Justification", "Expected Action", "Linguistic Habits", "Persona Consistency", "Toxicity Control", "PersonaScore"
      INTO NAME task VALUE score)
ORDER BY model, task;

-- PersonaScore is documented as the mean of the five task scores: show where the release agrees.
CREATE TABLE score_consistency AS
SELECT model,
       max(score) FILTER (task = 'PersonaScore') AS persona_score,
       round(avg(score) FILTER (task <> 'PersonaScore'), 4) AS task_mean,
       round(max(score) FILTER (task = 'PersonaScore') - avg(score) FILTER (task <> 'PersonaScore'), 4) AS difference,
       abs(max(score) FILTER (task = 'PersonaScore') - avg(score) FILTER (task <> 'PersonaScore')) <= 0.005 + 1e-9 AS consistent
FROM scores GROUP BY model ORDER BY model;

-- Questions: each file is named after its persona and maps the five tasks to 10 questions each.
CREATE TABLE _question_files AS
SELECT regexp_extract(filename, 'benchmark-v1/(.*)\.json$', 1) AS persona,
       "Expected Action", "Toxicity", "Linguistic Habits", "Persona Consistency", "Action Justification",
       regexp_extract(filename, '(raw/questions/.*)$', 1) AS source
FROM read_json('{{raw}}/questions/benchmark-v1/*.json', filename = true, format = 'auto');

CREATE TABLE personas AS
SELECT row_number() OVER (ORDER BY persona)::INTEGER AS persona_id, persona, source
FROM _question_files ORDER BY persona_id;

CREATE TABLE questions AS
SELECT p.persona_id, q.persona, q.task, i.idx::INTEGER AS question_index, q.list[i.idx] AS question
FROM (UNPIVOT _question_files ON "Expected Action", "Toxicity", "Linguistic Habits", "Persona Consistency", "Action Justification"
      INTO NAME task VALUE list) q
JOIN personas p USING (persona),
     LATERAL (SELECT unnest(range(1, len(q.list) + 1)) AS idx) i
ORDER BY persona_id, task, question_index;

-- Cross-benchmark results: every task score and the PersonaScore (all on the 1–5 judge scale).
CREATE TABLE results AS
SELECT model, 'score' AS metric, task AS subset, score AS value, 'score 1–5' AS unit, true AS higher_is_better,
       source || '#' || task AS source
FROM scores;

-- Headline claims composed from our transcription of the abstracts (paper_tables/abstract_claims.csv).
CREATE TABLE claims AS
SELECT CASE claim_type
         WHEN 'relative_improvement' THEN model_a || ' improves ' || metric || ' by ' || value || ' ' || unit || ' relative to ' || model_b
         WHEN 'equality' THEN model_a || ' and ' || model_b || ' reach the same ' || metric
         WHEN 'count' THEN value || ' ' || replace(metric, '_', ' ')
       END || ' (arXiv ' || paper_version || ')' AS claim,
       TRY_CAST(value AS DOUBLE) AS value,
       nullif(unit, '') AS unit,
       'arXiv 2407.18416' || paper_version || ' ' || source_location || '; paper_tables/abstract_claims.csv row ' || row_number() OVER () AS source
FROM read_csv('{{here}}/paper_tables/abstract_claims.csv', header = true, all_varchar = true);
