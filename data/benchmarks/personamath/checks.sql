-- check: 24 models × 2 benchmarks (GSM8K, MATH), one Pass@1 value per model and benchmark
SELECT model, count(*) AS n FROM pass1 GROUP BY model HAVING count(*) <> 2 OR count(DISTINCT benchmark) <> 2
UNION ALL SELECT 'models', count(DISTINCT model) FROM pass1 HAVING count(DISTINCT model) <> 24
UNION ALL SELECT 'rows', count(*) FROM pass1 HAVING count(*) <> 48
UNION ALL SELECT 'benchmark ' || benchmark, count(*) FROM pass1 GROUP BY benchmark HAVING benchmark NOT IN ('GSM8K', 'MATH');

-- check: values are percentages in 0–100, all Pass@1
SELECT model, benchmark, metric, value, unit FROM pass1 WHERE value IS NULL OR value < 0 OR value > 100 OR metric <> 'Pass@1' OR unit <> '%';

-- check: the is_personamath flag agrees with the model name, and every PersonaMath model's base model is in the table
SELECT model, is_personamath FROM pass1 WHERE is_personamath <> starts_with(model, 'PersonaMath-')
UNION ALL SELECT model, NULL FROM pass1 WHERE is_personamath AND base_model NOT IN (SELECT model FROM pass1)
UNION ALL SELECT 'gain rows', count(*) FROM personamath_gains HAVING count(*) <> (SELECT count(*) FROM pass1 WHERE is_personamath);

-- check: the arXiv v1 abstract headline (SOURCES.md) is in the table: PersonaMath-LLaMA-2-7B 68.7 on GSM8K and 24.2 on MATH
SELECT benchmark, value FROM pass1 WHERE model = 'PersonaMath-LLaMA-2-7B'
  AND NOT ((benchmark = 'GSM8K' AND value = 68.7) OR (benchmark = 'MATH' AND value = 24.2))
UNION ALL SELECT 'headline rows', count(*) FROM pass1 WHERE model = 'PersonaMath-LLaMA-2-7B' HAVING count(*) <> 2;

-- check: results carry every table row, claims every PersonaMath row
SELECT 'results', count(*) FROM results HAVING count(*) <> (SELECT count(*) FROM pass1)
UNION ALL SELECT 'claims', count(*) FROM claims HAVING count(*) <> (SELECT count(*) FROM pass1 WHERE is_personamath);
