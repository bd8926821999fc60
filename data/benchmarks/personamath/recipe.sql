-- PersonaMath (IchigyouRurii/PersonaMath @ a4d8c4d80d4c): no data is shipped; the README's comparison table
-- (GSM8K / MATH Pass@1 of 24 models) is transcribed in paper_tables/readme_gsm8k_math_pass1.csv.

CREATE TABLE pass1 AS
SELECT model,
       is_personamath = 'yes' AS is_personamath,
       nullif(regexp_extract(model, '^PersonaMath-(.+)$', 1), '') AS base_model,
       benchmark, metric, value::DOUBLE AS value, unit,
       'paper_tables/readme_gsm8k_math_pass1.csv row ' || row_number() OVER () AS source
FROM read_csv('{{here}}/paper_tables/readme_gsm8k_math_pass1.csv', header = true, all_varchar = true,
              columns = {'model': 'VARCHAR', 'is_personamath': 'VARCHAR', 'benchmark': 'VARCHAR', 'metric': 'VARCHAR', 'value': 'VARCHAR', 'unit': 'VARCHAR'});

-- Each PersonaMath model next to the base model it was fine-tuned from (both rows are in the same README table).
CREATE TABLE personamath_gains AS
SELECT p.base_model, p.model AS personamath_model, p.benchmark, p.metric,
       b.value AS base_value, p.value AS personamath_value, round(p.value - b.value, 4) AS gain, p.unit,
       b.source || '; ' || p.source AS source
FROM pass1 p JOIN pass1 b ON b.model = p.base_model AND b.benchmark = p.benchmark AND b.metric = p.metric
WHERE p.is_personamath
ORDER BY p.base_model, p.benchmark;

-- Cross-benchmark results: every row of the table (all are real models).
CREATE TABLE results AS
SELECT model, metric, benchmark AS subset, value, unit, true AS higher_is_better,
       'IchigyouRurii/PersonaMath README.md @ a4d8c4d80d4c; ' || source AS source
FROM pass1;

-- Claims: the PersonaMath models' scores as the README table prints them (the LLaMA-2-7B pair is the arXiv v1 abstract's headline).
CREATE TABLE claims AS
SELECT g.personamath_model || ' reaches ' || g.personamath_value || g.unit || ' ' || g.metric || ' on ' || g.benchmark
         || ' (base ' || g.base_model || ': ' || g.base_value || g.unit || ')' AS claim,
       g.personamath_value AS value, g.unit,
       'IchigyouRurii/PersonaMath README.md @ a4d8c4d80d4c, comparison table; ' || g.source AS source
FROM personamath_gains g;
