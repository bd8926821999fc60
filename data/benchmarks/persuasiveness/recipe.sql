-- Conversational persuasiveness of GPT-4 (Salvi et al.): no data mirrored; only the abstracts' headline numbers,
-- transcribed per paper version in paper_tables/abstract_headline_numbers_by_version.csv.
-- source_url "same" in the transcription means the URL of the row above.
CREATE TABLE _headline AS
SELECT row_number() OVER () AS row_no, *
FROM read_csv('{{here}}/paper_tables/abstract_headline_numbers_by_version.csv', header = true, all_varchar = true);

CREATE TABLE _headline_resolved AS
SELECT *, last_value(nullif(source_url, 'same') IGNORE NULLS) OVER (ORDER BY row_no ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS url
FROM _headline;

-- Values such as "< 0.01" are bounds, not numbers: they stay in the claim text and the value is null.
CREATE TABLE claims AS
SELECT CASE WHEN comparison = 'all' THEN '' ELSE comparison || ': ' END || quantity || ' ' || value || CASE WHEN unit IN ('p', 'N') THEN '' ELSE ' ' || unit END
         || ' (' || paper_version || ')' AS claim,
       TRY_CAST(ltrim(value, '+') AS DOUBLE) AS value,
       nullif(unit, '') AS unit,
       paper_version || ' abstract (' || url || '); paper_tables/abstract_headline_numbers_by_version.csv row ' || row_no AS source
FROM _headline_resolved
ORDER BY row_no;
