-- Higher-Order Binding (arXiv 2504.11673): no data release; only the abstract's headline number,
-- transcribed per paper version in paper_tables/abstract_headline_numbers.csv.

CREATE TABLE _headline AS
SELECT row_number() OVER () AS csv_row, *
FROM read_csv('{{here}}/paper_tables/abstract_headline_numbers.csv', header = true, all_varchar = true);

-- Values are printed as "up to 87": keep the qualifier in the claim, the number in value.
CREATE TABLE claims AS
SELECT upper(left(quantity, 1)) || substr(quantity, 2) || ': ' || value
         || CASE WHEN starts_with(unit, '%') THEN '' ELSE ' ' END || unit || ' (' || paper_version || ')' AS claim,
       CAST(regexp_extract(value, '([0-9]+(\.[0-9]+)?)', 1) AS DOUBLE) AS value,
       unit,
       paper_version || ' abstract, "' || title_as_printed || '" (' || source_url || '); paper_tables/abstract_headline_numbers.csv row ' || csv_row AS source
FROM _headline
ORDER BY csv_row;
