-- PAPI (zhu-minjun/PAlign @ 18e1e34): IPIP-NEO item lists, the 300-subject test set and its personality prompts.

-- Items: mpi_120.csv (no index column) and mpi_300.csv (0-based index column), in file order.
CREATE TABLE _mpi120 AS
SELECT row_number() OVER ()::INTEGER AS item_no, label_raw, text, label_ocean, key::INTEGER AS key
FROM read_csv('{{raw}}/PAPI/mpi_120.csv', header = true, columns = {'label_raw': 'VARCHAR', 'text': 'VARCHAR', 'label_ocean': 'VARCHAR', 'key': 'INTEGER'});

CREATE TABLE _mpi300 AS
SELECT (idx + 1)::INTEGER AS item_no, label_raw, text, label_ocean, key::INTEGER AS key
FROM read_csv('{{raw}}/PAPI/mpi_300.csv', header = true,
              columns = {'idx': 'INTEGER', 'label_raw': 'VARCHAR', 'text': 'VARCHAR', 'label_ocean': 'VARCHAR', 'key': 'INTEGER'});

CREATE TABLE _traits AS
SELECT * FROM (VALUES ('O', 'Openness'), ('C', 'Conscientiousness'), ('E', 'Extraversion'), ('A', 'Agreeableness'), ('N', 'Neuroticism')) t(trait, trait_name);

CREATE TABLE items AS
SELECT i.inventory, i.item_no, i.text, i.label_raw AS facet, i.label_ocean AS trait, t.trait_name, i.key,
       i.mpi300_item_no, i.source
FROM (
  SELECT 'MPI-120' AS inventory, a.item_no, a.label_raw, a.text, a.label_ocean, a.key,
         (SELECT min(b.item_no) FROM _mpi300 b WHERE rtrim(b.text, '.') = rtrim(a.text, '.')) AS mpi300_item_no,
         'raw/PAPI/mpi_120.csv' AS source
  FROM _mpi120 a
  UNION ALL
  SELECT 'MPI-300', item_no, label_raw, text, label_ocean, key, item_no, 'raw/PAPI/mpi_300.csv' FROM _mpi300
) i LEFT JOIN _traits t ON t.trait = i.label_ocean
ORDER BY inventory, item_no;

-- Test subjects: one record per subject, answers in columns i1…i300 (1–5, 0 = not answered).
CREATE TABLE _subjects_wide AS
SELECT row_number() OVER ()::INTEGER AS subject_id, *
FROM read_json('{{raw}}/PAPI/Test-set.json', format = 'array');

CREATE TABLE subjects AS
SELECT subject_id, "case" AS case_id, sex, age, country, "year" AS test_year, "month" AS test_month, "date" AS test_day,
       "hour" AS test_hour, "min" AS test_minute, sec AS test_second,
       'raw/PAPI/Test-set.json' AS source
FROM _subjects_wide ORDER BY subject_id;

-- Train/test split of the 300 answer columns (1-based item numbers = Test-set column i<n>).
CREATE TABLE _split AS
SELECT unnest(train_index)::INTEGER AS item_no, 'train' AS split, unnest(range(1, len(train_index) + 1))::INTEGER AS split_position
FROM read_json('{{raw}}/PAPI/mpi_300_split.json')
UNION ALL
SELECT unnest(test_index)::INTEGER, 'test', unnest(range(1, len(test_index) + 1))::INTEGER
FROM read_json('{{raw}}/PAPI/mpi_300_split.json');

CREATE TABLE _answers_raw AS
SELECT subject_id, regexp_extract(col, '^i(\d+)$', 1)::INTEGER AS item_no, answer::INTEGER AS answer
FROM (UNPIVOT (SELECT subject_id, COLUMNS('^i\d+$') FROM _subjects_wide) ON COLUMNS('^i\d+$') INTO NAME col VALUE answer);

-- The IPIP-NEO-300 cycles through its 30 facets (answer column n has the facet of column ((n-1) mod 30)+1).
-- mpi_300.csv's facets follow that cycle for rows 1–120 only; rows 121–300 are listed in another order, so for
-- columns 121–300 the csv row is not the answered item (see answer_columns). Even for rows 1–120 only the facet
-- is certain to agree: the release has no item key for the answer columns.
CREATE TABLE _col_facet AS
SELECT c.item_no, f.label_raw AS facet, f.label_ocean AS trait
FROM (SELECT DISTINCT item_no FROM _answers_raw) c
JOIN _mpi300 f ON f.item_no = ((c.item_no - 1) % 30) + 1;

-- Evidence for the column order: mean |Pearson r| of each column's answers with the other columns of
-- (a) its facet by the 30-facet cycle and (b) the columns whose mpi_300.csv rows share its csv facet.
CREATE TABLE _pairs AS
SELECT a.item_no AS i, b.item_no AS j, 'cycle' AS kind FROM _col_facet a JOIN _col_facet b ON a.facet = b.facet AND a.item_no <> b.item_no
UNION ALL
SELECT a.item_no, b.item_no, 'csv' FROM _mpi300 a JOIN _mpi300 b ON a.label_raw = b.label_raw AND a.item_no <> b.item_no;

CREATE TABLE _pair_r AS
SELECT p.i, p.kind, p.j, corr(x.answer, y.answer) AS r
FROM _pairs p
JOIN _answers_raw x ON x.item_no = p.i
JOIN _answers_raw y ON y.item_no = p.j AND y.subject_id = x.subject_id
WHERE x.answer BETWEEN 1 AND 5 AND y.answer BETWEEN 1 AND 5
GROUP BY p.i, p.kind, p.j;

CREATE TABLE _col_r AS
SELECT i AS item_no,
       round(avg(abs(r)) FILTER (kind = 'cycle'), 4) AS mean_abs_r_cycle_facet,
       round(avg(abs(r)) FILTER (kind = 'csv'), 4) AS mean_abs_r_csv_facet
FROM _pair_r GROUP BY i;

CREATE TABLE answer_columns AS
SELECT c.item_no, 'i' || c.item_no AS answer_column, s.split, s.split_position,
       c.facet, c.trait, t.trait_name,
       m.text AS csv_text, m.label_raw AS csv_facet, m.label_ocean AS csv_trait, m.key AS csv_key,
       m.label_raw = c.facet AS csv_facet_matches,
       r.mean_abs_r_cycle_facet, r.mean_abs_r_csv_facet,
       'raw/PAPI/Test-set.json; raw/PAPI/mpi_300.csv; raw/PAPI/mpi_300_split.json' AS source
FROM _col_facet c
JOIN _mpi300 m USING (item_no)
LEFT JOIN _split s USING (item_no)
LEFT JOIN _traits t ON t.trait = c.trait
LEFT JOIN _col_r r USING (item_no)
ORDER BY c.item_no;

CREATE TABLE answers AS
SELECT subject_id, item_no, answer FROM _answers_raw ORDER BY subject_id, item_no;

-- Personality prompts: record k belongs to subject k (its answers are the subject's, see checks).
CREATE TABLE _prompts AS
SELECT row_number() OVER ()::INTEGER AS subject_id, input, output
FROM read_json('{{raw}}/PAPI/personality_prompt.json', format = 'array', columns = {'input': 'VARCHAR', 'output': 'VARCHAR[]'});

CREATE TABLE _prompt_parts AS
SELECT subject_id, pos::INTEGER AS position, parts[pos] AS part
FROM (SELECT subject_id, string_split(substr(input, strpos(input, chr(10)) + 1), ';') AS parts FROM _prompts) p,
     LATERAL (SELECT unnest(range(1, len(p.parts) + 1)) AS pos) r;

CREATE TABLE _train_by_position AS
SELECT split_position AS position, item_no AS answer_item_no FROM _split WHERE split = 'train';

CREATE TABLE _answer_label AS
SELECT DISTINCT answer, label FROM (
  SELECT a.answer, regexp_extract(pp.part, ':([^:]*)$', 1) AS label
  FROM _prompt_parts pp
  JOIN _train_by_position tp USING (position)
  JOIN _answers_raw a ON a.subject_id = pp.subject_id AND a.item_no = tp.answer_item_no
);

CREATE TABLE _prompt_items AS
SELECT pp.subject_id, pp.position,
       regexp_extract(pp.part, '^(.*):[^:]*$', 1) AS _item_text,
       regexp_extract(pp.part, ':([^:]*)$', 1) AS answer_label,
       tp.answer_item_no,
       a.answer,
       tp.answer_item_no = pp.position AS shows_own_answer
FROM _prompt_parts pp
LEFT JOIN _train_by_position tp USING (position)
LEFT JOIN _answers_raw a ON a.subject_id = pp.subject_id AND a.item_no = tp.answer_item_no
ORDER BY pp.subject_id, pp.position;

-- Published without the item text (the same 120 texts for every subject: items.text of MPI-300 row = position).
CREATE TABLE prompt_items AS SELECT * EXCLUDE (_item_text) FROM _prompt_items ORDER BY subject_id, position;

CREATE TABLE personality_prompts AS
SELECT p.subject_id, split_part(p.input, chr(10), 1) AS instruction,
       (SELECT count(*) FROM _prompt_parts pp WHERE pp.subject_id = p.subject_id)::INTEGER AS n_items,
       len(p.output)::INTEGER AS n_outputs, p.output[1] AS description,
       'raw/PAPI/personality_prompt.json' AS source
FROM _prompts p ORDER BY subject_id;

-- Distribution of the released answers per trait (all 300 columns, trait by the facet cycle).
CREATE TABLE answer_distribution AS
SELECT c.trait, t.trait_name, a.answer, l.label AS answer_label, count(*)::INTEGER AS n,
       round(count(*) / sum(count(*)) OVER (PARTITION BY c.trait), 4) AS share
FROM answers a JOIN _col_facet c USING (item_no) JOIN _traits t ON t.trait = c.trait LEFT JOIN _answer_label l USING (answer)
GROUP BY c.trait, t.trait_name, a.answer, l.label ORDER BY c.trait, a.answer;

-- Headline numbers from our transcription of the abstract and the repository README. Bounds such as
-- "over 320,000" keep their text in the claim and value is null (as in every recipe's claims).
CREATE TABLE claims AS
SELECT quantity || ': ' || value || ' ' || unit AS claim,
       CASE WHEN regexp_matches(value, '^(over|more than|at least) ', 'i') THEN NULL
            WHEN regexp_matches(value, '^\d+/\d+$') THEN split_part(value, '/', 1)::DOUBLE / split_part(value, '/', 2)::DOUBLE
            WHEN regexp_matches(value, '^\d+K$') THEN rtrim(value, 'K')::DOUBLE * 1000
            ELSE TRY_CAST(regexp_replace(value, '[^0-9.]', '', 'g') AS DOUBLE) END AS value,
       unit,
       source || ' — ' || source_location || '; paper_tables/abstract_headline_numbers.csv row ' || row_number() OVER () AS source
FROM read_csv('{{here}}/paper_tables/abstract_headline_numbers.csv', header = true, all_varchar = true);
