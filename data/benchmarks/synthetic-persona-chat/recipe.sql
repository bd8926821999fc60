-- Synthetic-Persona-Chat (google-research-datasets/Synthetic-Persona-Chat @ 1f367a0): the test and validation
-- splits of the Persona-Chat extension part; one CSV record per conversation (two personas and the dialogue).

CREATE TABLE _records AS
SELECT 'test' AS split, row_number() OVER ()::INTEGER AS record_no, "user 1 personas" AS p1, "user 2 personas" AS p2,
       "Best Generated Conversation" AS conversation, 'raw/data/Synthetic-Persona-Chat_test.csv' AS source
FROM read_csv('{{raw}}/data/Synthetic-Persona-Chat_test.csv', header = true, all_varchar = true)
UNION ALL
SELECT 'valid', row_number() OVER ()::INTEGER, "user 1 personas", "user 2 personas", "Best Generated Conversation",
       'raw/data/Synthetic-Persona-Chat_valid.csv'
FROM read_csv('{{raw}}/data/Synthetic-Persona-Chat_valid.csv', header = true, all_varchar = true);

-- Dialogue lines: the conversation field holds one turn per line ("User 1: …" / "User 2: …"); a few lines are
-- narration or continuations without a speaker (e.g. "[Later]", "* * *", recipe lists). Empty lines are dropped.
CREATE TABLE _lines AS
SELECT split, record_no, i::INTEGER AS line_no, trim(lines[i]) AS line
FROM (SELECT split, record_no, string_split(replace(coalesce(conversation, ''), chr(13), ''), chr(10)) AS lines FROM _records) r,
     LATERAL (SELECT unnest(range(1, len(r.lines) + 1)) AS i) x;

CREATE TABLE utterances AS
SELECT split || '-' || record_no AS conversation_id, split,
       row_number() OVER (PARTITION BY split, record_no ORDER BY line_no)::INTEGER AS turn_index,
       nullif(regexp_extract(line, '^[\s*]*(User [12])[\s*]*:', 1), '') AS speaker,
       CASE WHEN regexp_matches(line, '^[\s*]*User [12][\s*]*:') THEN trim(regexp_replace(line, '^[\s*]*User [12][\s*]*:[\s*]*', ''))
            ELSE line END AS text
FROM _lines WHERE line <> ''
ORDER BY split, record_no, turn_index;

-- Personas: newline-separated sentences per user.
CREATE TABLE persona_sentences AS
SELECT conversation_id, split, speaker,
       row_number() OVER (PARTITION BY conversation_id, speaker ORDER BY i)::INTEGER AS sentence_index, sentence
FROM (
  SELECT split || '-' || record_no AS conversation_id, split, record_no, u.speaker, i, trim(u.sentences[i]) AS sentence
  FROM (SELECT split, record_no, 'User 1' AS speaker, string_split(replace(coalesce(p1, ''), chr(13), ''), chr(10)) AS sentences FROM _records
        UNION ALL
        SELECT split, record_no, 'User 2', string_split(replace(coalesce(p2, ''), chr(13), ''), chr(10)) FROM _records) u,
       LATERAL (SELECT unnest(range(1, len(u.sentences) + 1)) AS i) x
) s
WHERE sentence <> ''
ORDER BY split, record_no, speaker, sentence_index;

CREATE TABLE conversations AS
SELECT r.split || '-' || r.record_no AS conversation_id, r.split, r.record_no,
       trim(r.p1) AS user_1_persona, trim(r.p2) AS user_2_persona,
       (SELECT count(*) FROM persona_sentences s WHERE s.conversation_id = r.split || '-' || r.record_no AND s.speaker = 'User 1')::INTEGER AS user_1_persona_sentences,
       (SELECT count(*) FROM persona_sentences s WHERE s.conversation_id = r.split || '-' || r.record_no AND s.speaker = 'User 2')::INTEGER AS user_2_persona_sentences,
       coalesce(u.n_lines, 0)::INTEGER AS n_lines,
       coalesce(u.n_user_1, 0)::INTEGER AS n_user_1_turns,
       coalesce(u.n_user_2, 0)::INTEGER AS n_user_2_turns,
       coalesce(u.n_other, 0)::INTEGER AS n_other_lines,
       r.source
FROM _records r
LEFT JOIN (SELECT conversation_id, count(*) AS n_lines, count(*) FILTER (speaker = 'User 1') AS n_user_1,
                  count(*) FILTER (speaker = 'User 2') AS n_user_2, count(*) FILTER (speaker IS NULL) AS n_other
           FROM utterances GROUP BY conversation_id) u ON u.conversation_id = r.split || '-' || r.record_no
ORDER BY r.split, r.record_no;

-- README dataset statistics (our transcription) as claims.
CREATE TABLE _readme_stats AS
SELECT row_number() OVER () AS row_no, * FROM read_csv('{{here}}/paper_tables/readme_dataset_statistics.csv', header = true, all_varchar = true);

CREATE TABLE claims AS
SELECT part || ': ' || value || ' ' || quantity AS claim, value::DOUBLE AS value, quantity AS unit,
       'Synthetic-Persona-Chat ' || source || ' (commit 1f367a0f05d388ca96ebbbc9e5752ab19ac76510); paper_tables/readme_dataset_statistics.csv row ' || row_no AS source
FROM (UNPIVOT _readme_stats ON personas, conversations INTO NAME quantity VALUE value)
ORDER BY row_no, quantity DESC;
