-- check: the item lists have 120 (MPI-120) and 300 (MPI-300) items, numbered once each
SELECT inventory, count(*) AS n, count(DISTINCT item_no) AS ids FROM items GROUP BY inventory
HAVING count(*) <> CASE inventory WHEN 'MPI-120' THEN 120 WHEN 'MPI-300' THEN 300 END OR count(DISTINCT item_no) <> count(*)
UNION ALL SELECT 'inventories', count(DISTINCT inventory), NULL FROM items HAVING count(DISTINCT inventory) <> 2;

-- check: every item has a Big Five trait (O, C, E, A, N) with a name, a facet, a ±1 key and text; each trait holds a fifth of each inventory
SELECT inventory, item_no, trait, key FROM items
WHERE trait NOT IN ('O', 'C', 'E', 'A', 'N') OR trait_name IS NULL OR facet IS NULL OR key NOT IN (1, -1) OR coalesce(trim(text), '') = ''
UNION ALL
SELECT inventory, count(*), trait, NULL FROM items GROUP BY inventory, trait
HAVING count(*) * 5 <> (SELECT count(*) FROM items i2 WHERE i2.inventory = items.inventory);

-- check: the MPI-300 list has 30 facets of 10 items, and its first 30 rows name 30 distinct facets (the cycle the answer columns follow)
SELECT facet, count(*) FROM items WHERE inventory = 'MPI-300' GROUP BY facet HAVING count(*) <> 10
UNION ALL SELECT 'facets', count(DISTINCT facet) FROM items WHERE inventory = 'MPI-300' HAVING count(DISTINCT facet) <> 30
UNION ALL SELECT 'first 30 rows', count(DISTINCT facet) FROM items WHERE inventory = 'MPI-300' AND item_no <= 30 HAVING count(DISTINCT facet) <> 30;

-- check: the split puts each of the 300 answer columns in exactly one of train (120) and test (180) — SOURCES.md's "120 items each list" is wrong for test_index, which lists 180
SELECT split, count(*) FROM _split GROUP BY split HAVING count(*) <> CASE split WHEN 'train' THEN 120 WHEN 'test' THEN 180 END
UNION ALL SELECT 'columns without exactly one split', count(*) FROM answer_columns WHERE split IS NULL HAVING count(*) > 0
UNION ALL SELECT 'duplicate split entries', count(*) - count(DISTINCT item_no) FROM _split HAVING count(*) <> count(DISTINCT item_no);

-- check: train position j picks a column of the same facet cycle position (column ≡ j mod 30), so each train position keeps its facet
SELECT position, answer_item_no FROM _train_by_position WHERE (answer_item_no - position) % 30 <> 0;

-- check: 300 test subjects with distinct case ids, each answering all 300 columns with a value in 0–5 (0 = not answered)
SELECT 'subjects' AS what, count(*) AS n FROM subjects HAVING count(*) <> 300
UNION ALL SELECT 'distinct case ids', count(DISTINCT case_id) FROM subjects HAVING count(DISTINCT case_id) <> 300
UNION ALL SELECT 'subject ' || subject_id, count(*) FROM answers GROUP BY subject_id HAVING count(*) <> 300
UNION ALL SELECT 'answers out of 0–5', count(*) FROM answers WHERE answer IS NULL OR answer NOT BETWEEN 0 AND 5 HAVING count(*) > 0;

-- check: mpi_300.csv rows 1–120 carry the facet of the answer column with the same number
SELECT item_no, facet, csv_facet FROM answer_columns WHERE item_no <= 120 AND NOT csv_facet_matches;

-- check: documented release inconsistency — for columns 121–300 mpi_300.csv lists its rows in another order: answers correlate with their facet-cycle partners far more than with their csv-facet partners
SELECT avg(mean_abs_r_cycle_facet) AS cycle, avg(mean_abs_r_csv_facet) AS csv FROM answer_columns WHERE item_no > 120
HAVING avg(mean_abs_r_cycle_facet) < 2 * avg(mean_abs_r_csv_facet);

-- check: 300 personality prompts, one description each, each listing 120 "item:label" pairs
SELECT subject_id, n_items, n_outputs FROM personality_prompts WHERE n_items <> 120 OR n_outputs <> 1 OR coalesce(trim(description), '') = ''
UNION ALL SELECT count(*), NULL, NULL FROM personality_prompts HAVING count(*) <> 300
UNION ALL SELECT count(*), NULL, NULL FROM prompt_items HAVING count(*) <> 300 * 120;

-- check: the prompt shows mpi_300.csv row j's text at position j (same list for every subject)
SELECT p.subject_id, p.position, p._item_text, i.text FROM _prompt_items p
LEFT JOIN items i ON i.inventory = 'MPI-300' AND i.item_no = p.position
WHERE i.text IS DISTINCT FROM p._item_text;

-- check: each prompt's answer labels are its subject's released answers to the train columns, one label per answer value (record k = subject k)
SELECT answer, count(DISTINCT label) FROM _answer_label GROUP BY answer HAVING count(DISTINCT label) <> 1
UNION ALL SELECT -1, count(DISTINCT answer) FROM _answer_label HAVING count(DISTINCT answer) <> count(DISTINCT label) OR count(*) <> 6
UNION ALL SELECT subject_id, position FROM prompt_items WHERE answer IS NULL OR answer_item_no IS NULL;

-- check: answer_distribution accounts for all 90,000 answers, and shares sum to 1 per trait
SELECT 'total', sum(n) FROM answer_distribution HAVING sum(n) <> (SELECT count(*) FROM answers)
UNION ALL SELECT trait, sum(share) FROM answer_distribution GROUP BY trait HAVING abs(sum(share) - 1) > 0.001;

-- check: every headline number parses, and only bounds ("over 320,000") have no value
SELECT * FROM claims WHERE claim IS NULL OR (value IS NULL) <> regexp_matches(claim, ': (over|more than|at least) ', 'i');
