-- Toxicity in ChatGPT (arXiv 2304.05335): nothing was released; only the abstract's headline numbers, transcribed
-- in paper_tables/abstract_headline_numbers.csv, become claims. "over half a million" has no single number: value stays empty.
CREATE TABLE _abstract AS
SELECT row_number() OVER () AS row_no, *
FROM read_csv('{{here}}/paper_tables/abstract_headline_numbers.csv', header = true, all_varchar = true);

CREATE TABLE claims AS
SELECT model || ': ' || quantity || ' — ' || value
         || CASE WHEN unit = 'count' THEN '' ELSE ' ' || unit END
         || '; scope: ' || scope AS claim,
       TRY_CAST(value AS DOUBLE) AS value,
       nullif(unit, '') AS unit,
       'arXiv 2304.05335 ' || source_location || '; paper_tables/abstract_headline_numbers.csv row ' || row_no AS source
FROM _abstract ORDER BY row_no;
