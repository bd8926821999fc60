-- check: 152 numbers (SOURCES.md) in the four README tables
SELECT 'rows' AS what, count(*) AS n FROM downstream_results HAVING count(*) <> 152
UNION ALL SELECT 'tables', count(DISTINCT readme_table) FROM downstream_results HAVING count(DISTINCT readme_table) <> 4;

-- check: each README table is a full grid — every row label × column label × metric exactly once
SELECT readme_table, count(*) AS n, count(DISTINCT row_label) AS rows, count(DISTINCT column_label) AS cols, count(DISTINCT metric) AS metrics
FROM downstream_results GROUP BY readme_table
HAVING count(*) <> count(DISTINCT row_label) * count(DISTINCT column_label) * count(DISTINCT metric)
    OR count(*) <> count(DISTINCT (row_label, column_label, metric));

-- check: every value is a percentage in 0–100, and every row got a task, dataset and method
SELECT result_id, value, unit, task, dataset, method FROM downstream_results
WHERE value IS NULL OR value < 0 OR value > 100 OR unit <> '%' OR task IS NULL OR dataset IS NULL OR method IS NULL;

-- check: every PLIP-based number has a non-PLIP baseline in its table (text Re-ID: 5 other pre-trainings; image Re-ID / PAR: the same method)
SELECT d.result_id, d.readme_table, d.row_label, d.column_label, d.metric, count(g.baseline) AS baselines
FROM downstream_results d LEFT JOIN plip_gains g ON g.task = d.task AND g.dataset = d.dataset AND g.method = d.method AND g.metric = d.metric
WHERE d.uses_plip GROUP BY ALL
HAVING count(g.baseline) <> CASE WHEN d.task = 'Text-based person Re-ID' THEN 5 ELSE 1 END;

-- check: the README's claim that PLIP improves existing methods on all these tasks holds for every printed pair
SELECT * FROM plip_gains WHERE gain <= 0;

-- check: one claim per task × dataset × metric
SELECT 'claims', count(*) FROM claims
HAVING count(*) <> (SELECT count(DISTINCT (task, dataset, metric)) FROM downstream_results WHERE uses_plip);
