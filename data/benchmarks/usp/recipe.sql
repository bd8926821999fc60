-- USP (wangkevin02/USP @ d94f91cc008a): the three tiny example data files shipped with the code.
-- Each line is one chat whose first (system) message holds the natural-language implicit user profile:
--   "You are engaging in a conversation with an AI assistant. your profile is: \n<profile>\n You can say anything you want, …\n\n"
-- conditional_sft files: a JSON list of {role, content} per line; rlcc file: {"conv": [...]} per line (system message only).
-- Files are split into lines here (not read_json) so every chat keeps its exact line number.

CREATE TABLE _lines AS
SELECT f.dataset, f.file_order, f.source, l.line::INTEGER AS line, f.lines[l.line] AS text
FROM (
  SELECT CASE WHEN filename LIKE '%/conditional_sft/eval_data/eval.jsonl' THEN 'conditional_sft_eval'
              WHEN filename LIKE '%/conditional_sft/train_data/train.jsonl' THEN 'conditional_sft_train'
              WHEN filename LIKE '%/rlcc/OpenRLHF/dataset/train.jsonl' THEN 'rlcc_train' END AS dataset,
         CASE WHEN filename LIKE '%/conditional_sft/eval_data/eval.jsonl' THEN 1
              WHEN filename LIKE '%/conditional_sft/train_data/train.jsonl' THEN 2
              WHEN filename LIKE '%/rlcc/OpenRLHF/dataset/train.jsonl' THEN 3 END AS file_order,
         regexp_extract(filename, '(raw/src/.*)$', 1) AS source,
         string_split(content, chr(10)) AS lines
  FROM read_text('{{raw}}/src/**/*.jsonl')
) f, LATERAL (SELECT unnest(range(1, len(f.lines) + 1)) AS line) l
WHERE f.lines[l.line] <> '';

-- A line that is not a chat makes the build fail here with its file and line.
CREATE TABLE _chats AS
SELECT dataset, file_order, source, line,
       CASE WHEN dataset = 'rlcc_train'
            THEN from_json(text, '{"conv": [{"role": "VARCHAR", "content": "VARCHAR"}]}').conv
            ELSE from_json(text, '[{"role": "VARCHAR", "content": "VARCHAR"}]') END AS messages,
       md5(text) AS line_md5
FROM _lines;

CREATE TABLE _bad_lines AS
SELECT source, line FROM _chats WHERE messages IS NULL OR len(messages) = 0 OR dataset IS NULL;

CREATE TABLE _messages AS
SELECT c.dataset || ':' || c.line AS chat_id, c.dataset, c.file_order, c.line, c.source,
       m.idx::INTEGER AS position, c.messages[m.idx].role AS role, c.messages[m.idx].content AS content
FROM _chats c, LATERAL (SELECT unnest(range(1, len(c.messages) + 1)) AS idx) m;

CREATE TABLE _chat_profiles AS
SELECT chat_id, dataset, file_order, line, source,
       regexp_extract(content, '(?s)^You are engaging in a conversation with an AI assistant\. your profile is: \n(.*)\n You can say anything you want, either based on the profile or something brand new\.\n\n$', 1) AS profile
FROM _messages WHERE position = 1 AND role = 'system';

-- Implicit user profiles: one row per distinct profile text, numbered by first appearance (eval, train, rlcc; line order).
CREATE TABLE profiles AS
SELECT row_number() OVER (ORDER BY min(file_order * 100000 + line))::INTEGER AS profile_id,
       profile,
       length(profile)::INTEGER AS profile_chars,
       count(*)::INTEGER AS chats,
       string_agg(DISTINCT dataset, ', ' ORDER BY dataset) AS datasets
FROM _chat_profiles WHERE profile <> ''
GROUP BY profile
ORDER BY profile_id;

-- Dialogue content without the system message; identical dialogues share one dialogue_id (the first chat holding it).
CREATE TABLE _dialogue_keys AS
SELECT c.dataset || ':' || c.line AS chat_id, c.file_order, c.line,
       md5(coalesce(string_agg(m.role || chr(31) || m.content, chr(30) ORDER BY m.position) FILTER (m.position > 1), '')) AS dialogue_md5
FROM _chats c JOIN _messages m ON m.chat_id = c.dataset || ':' || c.line
GROUP BY ALL;

CREATE TABLE chats AS
SELECT k.chat_id,
       any_value(m.dataset) AS dataset,
       k.line,
       any_value(p.profile_id) AS profile_id,
       first_value(k.chat_id) OVER (PARTITION BY any_value(p.profile_id), k.dialogue_md5 ORDER BY k.file_order, k.line) AS dialogue_id,
       (count(*) - 1)::INTEGER AS turns,
       (count(*) FILTER (m.role = 'user'))::INTEGER AS user_turns,
       (count(*) FILTER (m.role = 'assistant'))::INTEGER AS assistant_turns,
       max(m.role) FILTER (m.position = 2) AS first_turn_role,
       CASE WHEN count(*) > 1 THEN arg_max(m.role, m.position) END AS last_turn_role,
       any_value(m.source) AS source
FROM _dialogue_keys k
JOIN _messages m USING (chat_id)
LEFT JOIN _chat_profiles cp USING (chat_id)
LEFT JOIN profiles p ON p.profile = cp.profile
GROUP BY k.chat_id, k.file_order, k.line, k.dialogue_md5
ORDER BY k.file_order, k.line;

-- Turns after the system message, once per distinct dialogue (chats.dialogue_id → messages.dialogue_id).
CREATE TABLE messages AS
SELECT m.chat_id AS dialogue_id, (m.position - 1)::INTEGER AS turn, m.role, m.content,
       length(m.content)::INTEGER AS chars, m.source || ' line ' || m.line AS source
FROM _messages m
WHERE m.position > 1 AND m.chat_id IN (SELECT dialogue_id FROM chats)
ORDER BY m.file_order, m.line, m.position;

-- Size of the full LMSYS-USP dataset (Hugging Face only), from our transcription of the README.
CREATE TABLE lmsys_usp_splits AS
SELECT dataset, split, examples::INTEGER AS examples,
       CASE WHEN source = 'same' THEN first_value(source) OVER () ELSE source END AS source
FROM read_csv('{{here}}/paper_tables/readme_dataset_stats.csv', header = true, all_varchar = true);

CREATE TABLE claims AS
SELECT dataset || ' ' || split || ' split: ' || examples || ' examples (README)' AS claim,
       examples::DOUBLE AS value, 'examples' AS unit,
       source || '; paper_tables/readme_dataset_stats.csv row ' || row_number() OVER () AS source
FROM lmsys_usp_splits;
