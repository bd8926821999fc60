-- PRODIGy (LanD-FBK/prodigy-dataset @ 78bd806): the 339 character profiles and the two experimental partitions.
-- The dialogues themselves (dataset/prodigy_dataset.json) are not in the mirror.

-- characters.json is one object keyed by character id (u0, u9, …).
CREATE TABLE _char_json AS
SELECT k AS character_id, json_extract(json, '$."' || k || '"') AS c
FROM (SELECT json, unnest(json_keys(json)) AS k FROM read_json_objects('{{raw}}/dataset/characters.json'));

CREATE TABLE _mbti_letters AS
SELECT * FROM (VALUES ('extrovert', 'E'), ('introvert', 'I'), ('sensor', 'S'), ('intuitive', 'N'),
                      ('thinker', 'T'), ('feeler', 'F'), ('judger', 'J'), ('perceiver', 'P')) t(word, letter);

CREATE TABLE biography_sentences AS
SELECT character_id, version, (i + 1)::INTEGER AS sentence_index, json_extract_string(list, '$[' || i || ']') AS sentence
FROM (
  SELECT character_id, v.version, json_extract(c, '$.' || v.version) AS list
  FROM _char_json, (VALUES ('biography'), ('paraphrasis_1'), ('paraphrasis_2')) v(version)
) s, LATERAL (SELECT unnest(range(0, json_array_length(s.list)::BIGINT)) AS i) r
ORDER BY TRY_CAST(substr(character_id, 2) AS INTEGER), version, sentence_index;

CREATE TABLE characters AS
SELECT j.character_id,
       json_extract_string(c, '$.character_name') AS character_name,
       json_extract_string(c, '$.movie_id') AS movie_id,
       json_extract_string(c, '$.movie_name') AS movie_name,
       json_extract_string(c, '$.gender') AS gender,
       json_extract_string(c, '$.mbti') AS mbti,
       (SELECT string_agg(l.letter, '' ORDER BY p.i)
        FROM (SELECT unnest(string_split(json_extract_string(c, '$.mbti'), ',')) AS w, unnest(range(1, 5)) AS i) p
        JOIN _mbti_letters l ON l.word = trim(p.w)) AS mbti_type,
       json_array_length(json_extract(c, '$.biography'))::INTEGER AS n_biography,
       json_array_length(json_extract(c, '$.paraphrasis_1'))::INTEGER AS n_paraphrasis_1,
       json_array_length(json_extract(c, '$.paraphrasis_2'))::INTEGER AS n_paraphrasis_2,
       'raw/dataset/characters.json' AS source
FROM _char_json j
ORDER BY TRY_CAST(substr(character_id, 2) AS INTEGER);

-- Partitions: each file maps train/valid/test to lists of dialogue ids.
CREATE TABLE _partitions AS
SELECT 'inter' AS partition, s.split, unnest(s.ids) AS dialogue_id
FROM (UNPIVOT (SELECT * FROM read_json('{{raw}}/experimental_partitions/inter_character_partitions.json'))
      ON train_dialogues, valid_dialogues, test_dialogues INTO NAME split VALUE ids) s
UNION ALL
SELECT 'intra', s.split, unnest(s.ids)
FROM (UNPIVOT (SELECT * FROM read_json('{{raw}}/experimental_partitions/intra_character_partitions.json'))
      ON train_dialogues, valid_dialogues, test_dialogues INTO NAME split VALUE ids) s;

CREATE TABLE dialogue_partitions AS
SELECT dialogue_id,
       max(replace(split, '_dialogues', '')) FILTER (partition = 'inter') AS inter_character_split,
       max(replace(split, '_dialogues', '')) FILTER (partition = 'intra') AS intra_character_split,
       count(*) FILTER (partition = 'inter')::INTEGER AS _n_inter,
       count(*) FILTER (partition = 'intra')::INTEGER AS _n_intra
FROM _partitions GROUP BY dialogue_id;

CREATE TABLE _dialogue_partitions_checked AS SELECT * FROM dialogue_partitions;
DROP TABLE dialogue_partitions;
CREATE TABLE dialogue_partitions AS
SELECT dialogue_id, inter_character_split, intra_character_split
FROM _dialogue_partitions_checked ORDER BY TRY_CAST(substr(dialogue_id, 2) AS INTEGER);

CREATE TABLE partition_sizes AS
SELECT partition, replace(split, '_dialogues', '') AS split, count(*)::INTEGER AS dialogues,
       'raw/experimental_partitions/' || partition || '_character_partitions.json' AS source
FROM _partitions GROUP BY partition, _partitions.split ORDER BY partition, CASE _partitions.split WHEN 'train_dialogues' THEN 1 WHEN 'valid_dialogues' THEN 2 ELSE 3 END;

-- README statistics (our transcription) next to what the shipped files give where they can.
CREATE TABLE _readme_stats AS
SELECT row_number() OVER ()::INTEGER AS row_no, statistic, value::DOUBLE AS value, TRY_CAST(nullif(sd, '') AS DOUBLE) AS sd, unit,
       value AS value_text, nullif(sd, '') AS sd_text
FROM read_csv('{{here}}/paper_tables/readme_dataset_statistics.csv', header = true, all_varchar = true);

CREATE TABLE dataset_statistics AS
SELECT r.statistic, r.value AS readme_value, r.sd AS readme_sd, r.unit,
       CASE r.statistic
         WHEN 'Dialogues' THEN (SELECT count(*) FROM dialogue_partitions)::DOUBLE
         WHEN 'Annotated Characters' THEN (SELECT count(*) FROM characters)::DOUBLE
         WHEN 'Sentences per Bio' THEN (SELECT round(avg(n_biography), 4) FROM characters)
       END AS computed_value,
       CASE r.statistic WHEN 'Sentences per Bio' THEN (SELECT round(stddev_pop(n_biography), 4) FROM characters) END AS computed_sd,
       CASE r.statistic
         WHEN 'Dialogues' THEN 'distinct dialogue ids in the partition files'
         WHEN 'Annotated Characters' THEN 'characters in characters.json'
         WHEN 'Sentences per Bio' THEN 'biography sentences per character in characters.json (population sd)'
         ELSE 'needs dataset/prodigy_dataset.json (not shipped)'
       END AS computed_from,
       'paper_tables/readme_dataset_statistics.csv row ' || r.row_no AS source
FROM _readme_stats r ORDER BY r.row_no;

CREATE TABLE claims AS
SELECT statistic || ': ' || CASE WHEN unit = 'mean' THEN 'mean ' ELSE '' END || value_text ||
         coalesce(' ± ' || sd_text || ' (sd)', '') AS claim,
       value, unit,
       'LanD-FBK/prodigy-dataset README (dataset statistics tables); paper_tables/readme_dataset_statistics.csv row ' || row_no AS source
FROM _readme_stats ORDER BY row_no;
