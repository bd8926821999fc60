-- check: the 15 profile files have the non-empty passage counts documented in SOURCES.md (539 in all)
WITH expected(character, n) AS (VALUES ('Alice', 1), ('Beethoven', 60), ('Bob', 2), ('Caesar', 83), ('Cleopatra', 72), ('Eve', 3),
  ('Hermione', 23), ('Jingbo', 3), ('Komeiji Koishi', 13), ('Martin', 116), ('Newton', 66), ('Socrates', 51), ('Spartacus', 14),
  ('Voldemort', 31), ('爱丽丝', 1))
SELECT coalesce(e.character, c.character) AS character, e.n AS expected, c.passages AS found
FROM expected e FULL JOIN characters c USING (character)
WHERE e.n IS DISTINCT FROM c.passages
UNION ALL SELECT 'total', 539, count(*) FROM passages HAVING count(*) <> 539;

-- check: passages are keyed by character and position, and none is blank
SELECT character, passage_index, count(*) FROM passages GROUP BY ALL HAVING count(*) > 1
UNION ALL SELECT character, passage_index, NULL FROM passages WHERE trim(passage) = '';

-- check: the 12 characters of the README statistics table each have a profile file; the 3 others are the demo profiles Jingbo, Komeiji Koishi, 爱丽丝
SELECT s.character, 'no profile file' AS problem FROM dataset_statistics s ANTI JOIN characters c ON c.paper_character = s.character
UNION ALL SELECT character, 'not in the statistics table' FROM characters
  WHERE paper_character IS NULL AND character NOT IN ('Jingbo', 'Komeiji Koishi', '爱丽丝')
UNION ALL SELECT 'statistics rows', count(*)::VARCHAR FROM dataset_statistics HAVING count(*) <> 12;

-- check: the statistics sum to the totals SOURCES.md gives (24,092 relevance and 53,673 NLI examples)
SELECT sum(relevance_data) AS relevance, sum(nli_data) AS nli FROM dataset_statistics
HAVING sum(relevance_data) <> 24092 OR sum(nli_data) <> 53673;

-- check: statistics are positive counts, and every character has at least as many relevance examples as statements
SELECT * FROM dataset_statistics
WHERE persona_statements <= 0 OR questions <= 0 OR relevance_data < persona_statements OR nli_data <= 0;

-- check: the statements of each passage, joined, give the passage back (only whitespace may differ)
SELECT p.character, p.passage_index
FROM passages p LEFT JOIN (
  SELECT character, passage_index, string_agg(statement, '' ORDER BY statement_index) AS joined FROM statements GROUP BY ALL
) s USING (character, passage_index)
WHERE s.joined IS NULL OR regexp_replace(s.joined, '\s', '', 'g') <> regexp_replace(p.passage, '\s', '', 'g');

-- check: statement_index numbers each character's statements 1..n
SELECT character, count(*), max(statement_index), count(DISTINCT statement_index) FROM statements GROUP BY ALL
HAVING max(statement_index) <> count(*) OR count(DISTINCT statement_index) <> count(*);

-- check: performance table shape: 4 methods without DPO and 3 with it, each with 3 characters × 3 metrics, one value per cell
SELECT setting, method, count(*) AS n FROM performance GROUP BY ALL HAVING count(*) <> 9
UNION ALL SELECT setting, 'methods', count(DISTINCT method) FROM performance GROUP BY setting
  HAVING count(DISTINCT method) <> CASE WHEN setting = 'w/o APC-based DPO' THEN 4 ELSE 3 END
UNION ALL SELECT setting || ' ' || method || ' ' || character || ' ' || metric, 'duplicate', count(*) FROM performance GROUP BY ALL HAVING count(*) > 1
UNION ALL SELECT setting, 'unknown setting', count(*) FROM performance WHERE setting NOT IN ('w/o APC-based DPO', 'w/ APC-based DPO') GROUP BY ALL;

-- check: the "(+x)" printed next to each DPO value equals that value minus the same method's value without DPO, except the one README discrepancy checked below
SELECT * FROM performance
WHERE (apc_dpo AND (delta_recomputed IS NULL OR delta_vs_wo_dpo IS NULL OR abs(delta_recomputed - delta_vs_wo_dpo) > 1e-9)
       AND NOT (method = 'RAG' AND character = 'Bob' AND metric = 'Human'))
   OR (NOT apc_dpo AND (delta_vs_wo_dpo IS NOT NULL OR delta_recomputed IS NOT NULL));

-- check: the documented README discrepancy is still there as described: RAG, Bob, Human is 8.2 with DPO and 6.8 without (+1.4), printed as +1.2
SELECT 'discrepancy gone or changed' AS problem FROM performance
WHERE method = 'RAG' AND character = 'Bob' AND metric = 'Human' AND apc_dpo
HAVING count(*) <> 1 OR bool_or(abs(delta_recomputed - delta_vs_wo_dpo - 0.2) > 1e-9);

-- check: one results row per model × metric × subset
SELECT model, metric, subset, count(*) FROM results GROUP BY ALL HAVING count(*) > 1;
