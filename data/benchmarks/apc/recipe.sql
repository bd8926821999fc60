-- APC (KomeijiForce/Active_Passive_Constraint_Koishiday_2024 @ 6049a88): 15 character profile ("wiki") texts,
-- plus the README's statistics and performance tables (paper_tables/).

-- Profiles: one file per character, wiki/wiki_<character>.txt.
CREATE TABLE _wiki AS
SELECT regexp_extract(filename, 'wiki/wiki_(.*)\.txt$', 1) AS character,
       regexp_extract(filename, '(raw/wiki/.*)$', 1) AS source,
       content AS text
FROM read_text('{{raw}}/wiki/*.txt');

-- The README's statistics table (12 paper characters; "Martin Luther King" is wiki_Martin.txt).
CREATE TABLE dataset_statistics AS
SELECT row_number() OVER ()::INTEGER AS csv_row,
       character,
       CAST(persona_statements AS INTEGER) AS persona_statements,
       CAST(questions AS INTEGER) AS questions,
       CAST(relevance_data AS INTEGER) AS relevance_data,
       CAST(nli_data AS INTEGER) AS nli_data,
       'paper_tables/readme_prp_dataset_statistics.csv' AS source
FROM read_csv('{{here}}/paper_tables/readme_prp_dataset_statistics.csv', header = true, all_varchar = true);

-- Passages exactly as the APC pipeline cuts them: prompt.py's convert_to_statement reads the file and
-- splits it on "\n\n"; each non-empty passage is sent to GPT-4 to write persona statements.
CREATE TABLE passages AS
SELECT w.character, i.idx::INTEGER AS passage_index, w.parts[i.idx] AS passage,
       length(w.parts[i.idx])::INTEGER AS length_chars, w.source
FROM (SELECT character, source, string_split(text, chr(10) || chr(10)) AS parts FROM _wiki) w,
     LATERAL (SELECT unnest(range(1, len(w.parts) + 1)) AS idx) i
WHERE trim(w.parts[i.idx]) <> ''
ORDER BY character, passage_index;

CREATE TABLE characters AS
SELECT w.character,
       s.character AS paper_character,
       CASE WHEN length(regexp_replace(w.text, '[^\x{4e00}-\x{9fff}]', '', 'g')) * 2 > length(regexp_replace(w.text, '\s', '', 'g'))
            THEN 'zh' ELSE 'en' END AS language,
       (SELECT count(*) FROM passages p WHERE p.character = w.character)::INTEGER AS passages,
       length(w.text)::INTEGER AS length_chars,
       w.text,
       w.source
FROM _wiki w
LEFT JOIN dataset_statistics s ON s.character = w.character OR starts_with(s.character, w.character || ' ')
ORDER BY w.character;

-- Candidate statements: every passage cut at line breaks, then at sentence ends (". ", "! ", "? " before a
-- capital, digit or quote; after 。！？ for Chinese). Common abbreviations and single-letter initials
-- ("Mr.", "St.", "Op.", "no.", "c.", "J. S.", "p.m.") are protected first. A heuristic, not the paper's GPT-4 statements.
CREATE TABLE _lines AS
SELECT p.character, p.passage_index, l.idx::INTEGER AS line_index, p.lines[l.idx] AS line
FROM (SELECT character, passage_index, string_split(passage, chr(10)) AS lines FROM passages) p,
     LATERAL (SELECT unnest(range(1, len(p.lines) + 1)) AS idx) l
WHERE trim(p.lines[l.idx]) <> '';

CREATE TABLE _pieces AS
SELECT character, passage_index, line_index, line,
       string_split(
         regexp_replace(
           regexp_replace(
             regexp_replace(
               regexp_replace(line, '\b(Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Lt|Col|Capt|Sgt|Rev|Hon|Mt|Ft|vs|etc|No|Nos|no|nos|Op|op|Vol|vol|pp|ca|cf|al|approx|[A-Za-z])\.', '\1' || chr(30), 'g'),
               '([.!?]["”’)\]]*)\s+([^a-z\s])', '\1' || chr(31) || '\2', 'g'),
             '([。！？][”’」』）]*)', '\1' || chr(31), 'g'),
           chr(30), '.', 'g'),
         chr(31)) AS pieces
FROM _lines;

CREATE TABLE statements AS
WITH split AS (
  SELECT p.character, p.passage_index, p.line_index, p.line, s.idx AS piece_index, trim(p.pieces[s.idx]) AS statement,
         len(p.pieces) AS pieces_in_line
  FROM _pieces p, LATERAL (SELECT unnest(range(1, len(p.pieces) + 1)) AS idx) s
  WHERE trim(p.pieces[s.idx]) <> ''
)
SELECT character,
       passage_index,
       line_index,
       row_number() OVER (PARTITION BY character ORDER BY passage_index, line_index, piece_index)::INTEGER AS statement_index,
       statement,
       CASE WHEN starts_with(statement, '#') THEN 'markdown_heading'
            WHEN pieces_in_line = 1 AND NOT regexp_matches(statement, '[.!?。！？:;：；…"”’)]$') AND NOT contains(statement, ':')
                 AND len(string_split(statement, ' ')) <= 8 THEN 'short_line'
            ELSE 'sentence' END AS kind,
       (SELECT source FROM _wiki w WHERE w.character = split.character) AS source
FROM split
ORDER BY character, statement_index;

-- The README's performance table for the three original characters (Alice, Bob, Eve).
CREATE TABLE _performance AS
SELECT row_number() OVER ()::INTEGER AS csv_row,
       setting,
       setting = 'w/ APC-based DPO' AS apc_dpo,
       method,
       character,
       metric,
       CAST(value AS DOUBLE) AS value,
       CAST(nullif(delta_vs_wo_dpo, '') AS DOUBLE) AS delta_vs_wo_dpo,
       'paper_tables/readme_performance_original_characters.csv' AS source
FROM read_csv('{{here}}/paper_tables/readme_performance_original_characters.csv', header = true, all_varchar = true);

-- The printed "(+x)" should be the DPO value minus the same method's value without DPO; recompute it so the
-- one place where the README disagrees (RAG, Bob, Human: 8.2 vs 6.8 printed as +1.2) is visible.
CREATE TABLE performance AS
SELECT d.csv_row, d.setting, d.apc_dpo, d.method, d.character, d.metric, d.value, d.delta_vs_wo_dpo,
       CASE WHEN d.apc_dpo THEN round(d.value - w.value, 4) END AS delta_recomputed,
       d.source
FROM _performance d
LEFT JOIN _performance w
  ON d.apc_dpo AND NOT w.apc_dpo AND w.method = d.method AND w.character = d.character AND w.metric = d.metric
ORDER BY d.csv_row;

-- Cross-benchmark results: every row was produced with the Gemma-7B PRP model (the README's base row is
-- "Gemma-7B"; EU, LCM and RAG are persona-driven role-playing methods run on it; prp_model.py loads
-- google/gemma-1.1-{scale}-it). Rows "w/ APC-based DPO" are of that model after the paper's DPO (a LoRA
-- per character), a different model: they get their own id, as PersonaMath's fine-tunes do.
CREATE TABLE results AS
SELECT CASE WHEN apc_dpo THEN 'Gemma-7B w/ APC-based DPO' ELSE 'Gemma-7B' END AS model,
       metric,
       -- The setting is the model (above), not part of the subset: so each board puts a method's result with
       -- and without DPO side by side, the paper's comparison.
       CASE WHEN method = 'Gemma-7B' THEN 'no PRP method' ELSE method END || ', ' || character AS subset,
       value,
       CASE WHEN metric = 'Human' THEN 'human evaluation score' ELSE 'ΔAPC (expected satisfied persona statements)' END AS unit,
       true AS higher_is_better,
       source || ' row ' || csv_row AS source
FROM performance
ORDER BY csv_row;

-- Headline claims composed from the two README tables.
CREATE TABLE claims AS
WITH best AS (
  SELECT p.metric, m.gain,
         string_agg(p.method || ' on ' || p.character, ' and ' ORDER BY p.csv_row) AS what,
         string_agg(p.csv_row::VARCHAR, ', ' ORDER BY p.csv_row) AS csv_rows
  FROM performance p
  JOIN (SELECT metric, max(delta_vs_wo_dpo) AS gain FROM performance WHERE apc_dpo GROUP BY metric) m
    ON p.metric = m.metric AND p.delta_vs_wo_dpo = m.gain
  WHERE p.apc_dpo
  GROUP BY p.metric, m.gain
)
SELECT 'Largest ' || metric || ' gain from APC-based DPO: +' || gain || ' (' || what || ')' AS claim,
       gain AS value,
       CASE WHEN metric = 'Human' THEN 'human evaluation score' ELSE metric END AS unit,
       'repository README performance table; paper_tables/readme_performance_original_characters.csv row(s) ' || csv_rows AS source
FROM best
UNION ALL
SELECT count(*) FILTER (delta_vs_wo_dpo > 0) || ' of ' || count(*) || ' method × character × metric results improve with APC-based DPO',
       count(*) FILTER (delta_vs_wo_dpo > 0), 'results',
       'repository README performance table; paper_tables/readme_performance_original_characters.csv (all w/ APC-based DPO rows)'
FROM performance WHERE apc_dpo
UNION ALL
SELECT 'The PRP datasets cover ' || count(*) || ' characters with ' || sum(persona_statements) || ' persona statements, '
         || sum(relevance_data) || ' relevance and ' || sum(nli_data) || ' NLI examples',
       count(*), 'characters',
       'repository README statistics table; paper_tables/readme_prp_dataset_statistics.csv (sum of all rows)'
FROM dataset_statistics
UNION ALL
SELECT 'Statement–query relevance examples over the ' || count(*) || ' characters', sum(relevance_data), 'examples',
       'repository README statistics table; paper_tables/readme_prp_dataset_statistics.csv (sum of relevance_data)'
FROM dataset_statistics
UNION ALL
SELECT 'Statement-to-response NLI examples over the ' || count(*) || ' characters', sum(nli_data), 'examples',
       'repository README statistics table; paper_tables/readme_prp_dataset_statistics.csv (sum of nli_data)'
FROM dataset_statistics;
