-- check: 339 characters with unique ids, gender male (235) or female (104), and one of the 16 MBTI types spelled out in four dimensions
SELECT 'characters' AS what, count(*) AS n FROM characters HAVING count(*) <> 339 OR count(DISTINCT character_id) <> 339
UNION ALL SELECT gender, count(*) FROM characters GROUP BY gender HAVING count(*) <> CASE gender WHEN 'male' THEN 235 WHEN 'female' THEN 104 ELSE -1 END
UNION ALL SELECT 'mbti types', count(DISTINCT mbti) FROM characters HAVING count(DISTINCT mbti) <> 16
UNION ALL SELECT character_id || ' ' || coalesce(mbti, 'null'), 0 FROM characters WHERE mbti_type IS NULL OR length(mbti_type) <> 4
UNION ALL SELECT character_id, 0 FROM characters WHERE coalesce(character_name, '') = '' OR coalesce(movie_id, '') = '' OR coalesce(movie_name, '') = '';

-- check: 2,833 biography sentences in all (SOURCES.md), matching the per-character counts, none empty
SELECT version, count(*) FROM biography_sentences WHERE version = 'biography' GROUP BY version HAVING count(*) <> 2833
UNION ALL SELECT 'sentences vs counts', (SELECT sum(n_biography + n_paraphrasis_1 + n_paraphrasis_2) FROM characters) - count(*) FROM biography_sentences
  HAVING count(*) <> (SELECT sum(n_biography + n_paraphrasis_1 + n_paraphrasis_2) FROM characters)
UNION ALL SELECT character_id || ' ' || version || ' ' || sentence_index, 0 FROM biography_sentences WHERE coalesce(trim(sentence), '') = '';

-- check: each partition file splits the same 20,850 dialogue ids into train/valid/test once each (inter 16,744/2,053/2,053; intra 16,550/2,229/2,071)
SELECT partition || ' ' || split AS what, dialogues FROM partition_sizes
WHERE dialogues <> CASE partition || ' ' || split WHEN 'inter train' THEN 16744 WHEN 'inter valid' THEN 2053 WHEN 'inter test' THEN 2053
                                                 WHEN 'intra train' THEN 16550 WHEN 'intra valid' THEN 2229 WHEN 'intra test' THEN 2071 END
UNION ALL SELECT dialogue_id, _n_inter * 10 + _n_intra FROM _dialogue_partitions_checked WHERE _n_inter <> 1 OR _n_intra <> 1
UNION ALL SELECT 'dialogues', count(*) FROM dialogue_partitions HAVING count(*) <> 20850;

-- check: where the shipped files can recompute a README statistic, it agrees to the printed precision (integers; sd to 2 decimals)
SELECT statistic, readme_value, computed_value, readme_sd, computed_sd FROM dataset_statistics
WHERE computed_value IS NOT NULL AND (round(computed_value) <> readme_value OR (readme_sd IS NOT NULL AND round(computed_sd, 2) <> readme_sd));

-- check: every README statistic parses
SELECT * FROM claims WHERE value IS NULL;
