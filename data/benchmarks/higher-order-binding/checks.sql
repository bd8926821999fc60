-- check: the curated table has the two abstract rows documented in SOURCES.md, each with a number
SELECT 'rows' AS what, count(*) AS n FROM _headline HAVING count(*) <> 2
UNION ALL SELECT 'claim without a number: ' || claim, NULL FROM claims WHERE value IS NULL;

-- check: every claim states a percentage improvement measured by Wasserstein distance
SELECT * FROM _headline WHERE unit NOT LIKE '%Wasserstein%' OR unit NOT LIKE '%\%%' ESCAPE '\';

-- check: improvements are percentages between 0 and 100
SELECT * FROM claims WHERE value <= 0 OR value > 100;
