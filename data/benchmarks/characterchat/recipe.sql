-- CharacterChat (morecry/CharacterChat @ 9a149aa, the commit that added the data; SOURCES.md: b7fce17d102a):
-- 100-record samples of the MBTI-1024 Bank pipeline (profiles → transformed profiles → dialogues → ratings),
-- the full pairing list, the 16 MBTI types, and 100-record samples of the five fine-tuning sets.
-- Most files are JSON Lines with a .json extension and irregular nesting, so they are read line by line:
-- a line that is not valid JSON is kept with valid = false and the check "every line is valid JSON" names it.

CREATE TABLE _lines AS
SELECT regexp_extract(f.filename, '(raw/(?:data|model)/.*)$', 1) AS source, i.idx::INTEGER AS line_no, f.lines[i.idx] AS line
FROM (SELECT filename, string_split(content, chr(10)) AS lines
      FROM read_text(['{{raw}}/data/dial_input.json', '{{raw}}/data/dial_output.json', '{{raw}}/data/eval_dial_input.json',
                      '{{raw}}/data/eval_dial_output.json', '{{raw}}/data/profile_input.json', '{{raw}}/data/profile_output.json',
                      '{{raw}}/data/profile_trans_output.json', '{{raw}}/model/dataset/model_base_dataset.json',
                      '{{raw}}/model/dataset/model_info_selecter_dataset.json', '{{raw}}/model/dataset/model_persona_score_dataset.json',
                      '{{raw}}/model/dataset/model_seeker_dataset.json', '{{raw}}/model/dataset/model_supporter_dataset.json'])) f,
     LATERAL (SELECT unnest(range(1, len(f.lines) + 1)) AS idx) i
WHERE trim(f.lines[i.idx]) <> '';

CREATE TABLE _jsonl AS
SELECT source, line_no, json_valid(line) AS valid, CASE WHEN json_valid(line) THEN line::JSON END AS j
FROM _lines;

-- ---------------------------------------------------------------- MBTI types and the pairing list
CREATE TABLE mbti_types AS
SELECT row_number() OVER ()::INTEGER AS position, type, description, 'raw/data/mbti_list.json' AS source
FROM read_json('{{raw}}/data/mbti_list.json', format = 'array', columns = {type: 'VARCHAR', description: 'VARCHAR'});

CREATE TABLE _dial_list AS SELECT content::JSON AS j FROM read_text('{{raw}}/data/dial_list.json');

CREATE TABLE partner_lists AS
SELECT CAST(k.key AS INTEGER) AS character_index, r.idx::INTEGER AS rank, k.partners[r.idx] AS partner_index
FROM (SELECT key, CAST(json_extract(d.j, '$."' || key || '"') AS INTEGER[]) AS partners
      FROM _dial_list d, LATERAL (SELECT unnest(json_keys(d.j)) AS key) ks) k,
     LATERAL (SELECT unnest(range(1, len(k.partners) + 1)) AS idx) r
ORDER BY character_index, rank;

-- ---------------------------------------------------------------- characters
-- profile_trans_output.json: the 100 sampled characters (index 0–99) with profile, transformed profile and
-- the seeker/supporter role statements. dial_input.json: each line is [seeker, supporter] in the same shape;
-- the supporters come from the whole bank.
CREATE TABLE _char_objects AS
SELECT CAST(j->>'index' AS INTEGER) AS character_index, j AS c, source, line_no, 'profile_trans_output' AS origin
FROM _jsonl WHERE source = 'raw/data/profile_trans_output.json'
UNION ALL
SELECT CAST(e.obj->>'index' AS INTEGER), e.obj, l.source, l.line_no, CASE e.pos WHEN 1 THEN 'dial_input_seeker' ELSE 'dial_input_supporter' END
FROM _jsonl l, LATERAL (SELECT unnest(json_extract(l.j, '$[*]')) AS obj, unnest(range(1, json_array_length(l.j)::BIGINT + 1)) AS pos) e
WHERE l.source = 'raw/data/dial_input.json';

-- One row per character: the sampled 100 from profile_trans_output, then supporters not among them
-- (first dial_input line that has them).
CREATE TABLE _char_pick AS
SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY character_index
                               ORDER BY origin <> 'profile_trans_output', line_no) AS pick
  FROM _char_objects)
WHERE pick = 1;

CREATE TABLE characters AS
SELECT character_index,
       c->>'mbti' AS mbti,
       c->'profile'->>'name' AS name,
       c->'profile'->>'gender' AS gender,
       c->'profile'->>'age' AS age,
       c->'profile'->>'region' AS region,
       c->'profile'->>'job' AS job,
       c->>'seeker_statement' AS seeker_statement,
       c->>'supporter_statement' AS supporter_statement,
       (origin = 'profile_trans_output') AS in_profile_sample,
       (SELECT count(*) FROM _char_objects o WHERE o.character_index = p.character_index AND o.origin = 'dial_input_seeker')::INTEGER AS dialogues_as_seeker,
       (SELECT count(*) FROM _char_objects o WHERE o.character_index = p.character_index AND o.origin = 'dial_input_supporter')::INTEGER AS dialogues_as_supporter,
       source || ' line ' || line_no AS source
FROM _char_pick p
ORDER BY character_index;

-- Every profile field in long form: stage "profile" (the generated profile, flattened to text by the
-- release), "profile_trans" (rewritten as second-person memories), and "generated" (the raw JSON the
-- generator returned, profile_output.json, line n = character n-1; nested values as JSON text).
CREATE TABLE _generated AS
SELECT line_no - 1 AS character_index, j, source || ' line ' || line_no AS source FROM _jsonl WHERE source = 'raw/data/profile_output.json';

CREATE TABLE character_fields AS
WITH objs AS (
  SELECT character_index, 'profile' AS stage, c->'profile' AS o, source FROM _char_pick
  UNION ALL SELECT character_index, 'profile_trans', c->'profile_trans', source FROM _char_pick
  UNION ALL SELECT character_index, 'generated', j->'profile', source FROM _generated
)
SELECT o.character_index, o.stage, k.idx::INTEGER AS field_position, o.keys[k.idx] AS field,
       json_extract_string(o.o, '$."' || o.keys[k.idx] || '"') AS value,
       json_type(json_extract(o.o, '$."' || o.keys[k.idx] || '"')) AS value_type,
       o.source
FROM (SELECT *, json_keys(o) AS keys FROM objs) o,
     LATERAL (SELECT unnest(range(1, len(o.keys) + 1)) AS idx) k
ORDER BY character_index, CASE stage WHEN 'generated' THEN 1 WHEN 'profile' THEN 2 ELSE 3 END, field_position;

-- The generation prompts (profile_input.json): each line holds two instructions and the MBTI they were
-- written for. The text only varies with the MBTI, so one row per distinct prompt, with the lines using it.
CREATE TABLE _prompt_lines AS
SELECT l.line_no AS prompt_line, s.idx::INTEGER AS step, l.j->>'mbti' AS mbti,
       json_extract_string(l.j, '$.command_list[' || (s.idx - 1) || ']') AS prompt
FROM _jsonl l, LATERAL (SELECT unnest(range(1, json_array_length(l.j, '$.command_list')::BIGINT + 1)) AS idx) s
WHERE l.source = 'raw/data/profile_input.json';

CREATE TABLE profile_prompts AS
SELECT row_number() OVER (ORDER BY step, min(prompt_line))::INTEGER AS prompt_id,
       step,
       string_agg(DISTINCT mbti, ', ' ORDER BY mbti) AS mbti,
       count(*)::INTEGER AS lines,
       min(prompt_line) AS first_line,
       max(prompt_line) AS last_line,
       prompt,
       'raw/data/profile_input.json' AS source
FROM _prompt_lines
GROUP BY step, prompt
ORDER BY prompt_id;

-- ---------------------------------------------------------------- dialogues
CREATE TABLE _dial AS
SELECT CAST(j->>'index' AS INTEGER) AS dialogue_index, j, line_no FROM _jsonl WHERE source = 'raw/data/dial_output.json';
CREATE TABLE _eval AS
SELECT CAST(j->>'index' AS INTEGER) AS dialogue_index, j, line_no FROM _jsonl WHERE source = 'raw/data/eval_dial_output.json';
CREATE TABLE _eval_in AS
SELECT CAST(j->>'index' AS INTEGER) AS dialogue_index, j, line_no FROM _jsonl WHERE source = 'raw/data/eval_dial_input.json';

CREATE TABLE dialogue_turns AS
SELECT d.dialogue_index,
       t.idx::INTEGER - 1 AS position,
       CAST(t.turn->>'turn' AS INTEGER) AS turn,
       t.turn->>'speaker' AS speaker,
       t.turn->>'utterance' AS utterance,
       nullif(t.turn->'choose_info'->>'aspect', '') AS info_aspect,
       nullif(t.turn->'choose_info'->>'content', '') AS info_content
FROM _dial d, LATERAL (SELECT unnest(json_extract(d.j, '$.dial[*]')) AS turn, unnest(range(1, json_array_length(d.j, '$.dial')::BIGINT + 1)) AS idx) t
ORDER BY dialogue_index, position;

CREATE TABLE _persona_score AS
SELECT line_no - 1 AS sample_index, j->'conversations' AS c FROM _jsonl WHERE source = 'raw/model/dataset/model_persona_score_dataset.json';

CREATE TABLE dialogues AS
SELECT d.dialogue_index,
       CAST(d.j->'seeker_info'->>'seeker_index' AS INTEGER) AS seeker_index,
       d.j->'seeker_info'->>'seeker_mbti' AS seeker_mbti,
       d.j->'seeker_info'->'seeker_profile'->>'name' AS seeker_name,
       CAST(d.j->'supporter_info'->>'supporter_index' AS INTEGER) AS supporter_index,
       d.j->'supporter_info'->>'supporter_mbti' AS supporter_mbti,
       d.j->'supporter_info'->'supporter_profile'->>'name' AS supporter_name,
       (SELECT min(pl.rank) FROM partner_lists pl
         WHERE pl.character_index = CAST(d.j->'seeker_info'->>'seeker_index' AS INTEGER)
           AND pl.partner_index = CAST(d.j->'supporter_info'->>'supporter_index' AS INTEGER)) AS partner_rank,
       json_array_length(d.j, '$.dial')::INTEGER AS turns,
       CAST(e.j->'rating'->>'Does the conversation improve the mood of the seeker' AS INTEGER) AS rating_mood,
       CAST(e.j->'rating'->>'Did the suggestion made by the supporter in the conversation solve seeker''s problem' AS INTEGER) AS rating_solution,
       CAST(e.j->'rating'->>'Is the seeker actively participating in the conversation' AS INTEGER) AS rating_participation,
       e.j->'rating'->>'Rating Reason' AS rating_reason,
       d.j->'seeker_info'->>'seeker_tone_sentences' AS seeker_tone_sentences,
       d.j->'supporter_info'->>'supporter_tone_sentences' AS supporter_tone_sentences,
       'raw/data/dial_output.json line ' || d.line_no || '; raw/data/eval_dial_output.json line ' || e.line_no AS source
FROM _dial d LEFT JOIN _eval e USING (dialogue_index)
ORDER BY dialogue_index;

-- ---------------------------------------------------------------- fine-tuning samples (model/dataset/)
CREATE TABLE base_dialogue_turns AS
SELECT l.line_no - 1 AS conversation_index, t.idx::INTEGER - 1 AS position,
       t.turn->>'from' AS speaker, t.turn->>'value' AS utterance
FROM _jsonl l, LATERAL (SELECT unnest(json_extract(l.j, '$.conversations[*]')) AS turn,
                               unnest(range(1, json_array_length(l.j, '$.conversations')::BIGINT + 1)) AS idx) t
WHERE l.source = 'raw/model/dataset/model_base_dataset.json'
ORDER BY conversation_index, position;

-- Seeker/supporter response samples: the system prompts are the two characters' role statements and the
-- target is one utterance of an MBTI-S2Conv dialogue; locate that dialogue and turn instead of repeating texts.
CREATE TABLE _response AS
SELECT regexp_extract(l.source, 'model_(seeker|supporter)_dataset', 1) AS dataset, l.line_no - 1 AS sample_index, l.source,
       l.j->'conversations' AS c,
       (SELECT min(character_index) FROM characters ch WHERE ch.seeker_statement = (l.j->'conversations'->'system'->>'seeker')) AS seeker_index,
       (SELECT min(character_index) FROM characters ch WHERE ch.supporter_statement = (l.j->'conversations'->'system'->>'supporter')) AS supporter_index
FROM _jsonl l
WHERE l.source IN ('raw/model/dataset/model_seeker_dataset.json', 'raw/model/dataset/model_supporter_dataset.json');

CREATE TABLE response_samples AS
SELECT r.dataset, r.sample_index,
       r.seeker_index, r.supporter_index,
       d.dialogue_index,
       t.turn,
       json_array_length(r.c, '$.history')::INTEGER AS history_turns,
       t.turn - json_array_length(r.c, '$.history')::INTEGER AS history_from_turn,
       r.source || ' line ' || (r.sample_index + 1) AS source
FROM _response r
LEFT JOIN dialogues d ON d.seeker_index = r.seeker_index AND d.supporter_index = r.supporter_index
LEFT JOIN dialogue_turns t ON t.dialogue_index = d.dialogue_index AND t.speaker = r.dataset AND t.utterance = (r.c->>'utterance')
ORDER BY r.dataset, r.sample_index;

CREATE TABLE info_selector_samples AS
SELECT line_no - 1 AS sample_index,
       j->'conversations'->>'history' AS history,
       j->'conversations'->>'info' AS info,
       CAST(j->'conversations'->>'label' AS INTEGER) AS label,
       source || ' line ' || line_no AS source
FROM _jsonl WHERE source = 'raw/model/dataset/model_info_selecter_dataset.json'
ORDER BY sample_index;

CREATE TABLE persona_score_samples AS
SELECT p.sample_index,
       (SELECT min(character_index) FROM characters ch WHERE ch.seeker_statement = (p.c->>'seeker_statement')) AS seeker_index,
       (SELECT min(character_index) FROM characters ch WHERE ch.supporter_statement = (p.c->>'supporter_statement')) AS supporter_index,
       CAST(p.c->>'rating' AS DOUBLE) AS rating,
       'raw/model/dataset/model_persona_score_dataset.json line ' || (p.sample_index + 1) AS source
FROM _persona_score p
ORDER BY sample_index;

CREATE TABLE _dataset_info AS SELECT content::JSON AS j FROM read_text('{{raw}}/model/dataset/dataset_info.json');
