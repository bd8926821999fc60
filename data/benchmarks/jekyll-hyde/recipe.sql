-- Jekyll & Hyde ("Persona is a Double-edged Sword"): no data or code release; only the abstracts' headline
-- numbers, transcribed per paper version in paper_tables/abstract_headline_numbers_by_version.csv.
CREATE TABLE _headline AS
SELECT row_number() OVER () AS row_no, *
FROM read_csv('{{here}}/paper_tables/abstract_headline_numbers_by_version.csv', header = true, all_varchar = true);

-- "4 out of 12" is stated as a count out of a total: the claim's value is the count, the unit names the total.
CREATE TABLE claims AS
SELECT quantity || ': ' || value || CASE WHEN unit = 'count' THEN '' ELSE ' ' || unit END || ' (' || model || '; ' || paper_version || ', "' || title_as_printed || '")' AS claim,
       coalesce(TRY_CAST(value AS DOUBLE), TRY_CAST(regexp_extract(value, '^(\d+(?:\.\d+)?) out of \d+$', 1) AS DOUBLE)) AS value,
       CASE WHEN regexp_matches(value, '^\d+ out of \d+$') THEN unit || ' (out of ' || regexp_extract(value, 'out of (\d+)$', 1) || ')'
            ELSE nullif(unit, '') END AS unit,
       paper_version || ' abstract (' || source_url || '); paper_tables/abstract_headline_numbers_by_version.csv row ' || row_no AS source
FROM _headline
ORDER BY row_no;
