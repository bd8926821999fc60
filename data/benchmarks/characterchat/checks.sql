-- check: every line of the JSON Lines files is valid JSON (offending file and line listed)
SELECT source, line_no, left(line, 80) AS line FROM _lines l JOIN _jsonl j USING (source, line_no) WHERE NOT j.valid;

-- check: each JSON Lines file has the 100 records SOURCES.md documents; 16 MBTI types; 1024 characters × 10 partners in the pairing list
SELECT source, count(*) AS n FROM _jsonl GROUP BY source HAVING count(*) <> 100
UNION ALL SELECT 'files', count(DISTINCT source) FROM _jsonl HAVING count(DISTINCT source) <> 12
UNION ALL SELECT 'mbti_types', count(*) FROM mbti_types HAVING count(*) <> 16 OR count(DISTINCT type) <> 16
UNION ALL SELECT 'pairing list characters', count(DISTINCT character_index) FROM partner_lists HAVING count(DISTINCT character_index) <> 1024 OR min(character_index) <> 0 OR max(character_index) <> 1023;

-- check: every character of the pairing list has 10 distinct partners, all bank characters (0–1023) other than itself
SELECT character_index, count(*), count(DISTINCT partner_index) FROM partner_lists GROUP BY 1 HAVING count(*) <> 10 OR count(DISTINCT partner_index) <> 10
UNION ALL SELECT character_index, partner_index, rank FROM partner_lists WHERE partner_index NOT BETWEEN 0 AND 1023 OR partner_index = character_index;

-- check: one row per character; the profile sample is characters 0–99 of the bank
SELECT character_index, count(*) FROM characters GROUP BY 1 HAVING count(*) > 1
UNION ALL SELECT 'sample', count(*) FROM characters WHERE in_profile_sample HAVING count(*) <> 100 OR min(character_index) <> 0 OR max(character_index) <> 99;

-- check: a character repeated across profile_trans_output.json and dial_input.json is the same object everywhere
SELECT character_index, count(DISTINCT json(c::VARCHAR)) AS versions, count(*) AS copies FROM _char_objects GROUP BY 1 HAVING count(DISTINCT json(c::VARCHAR)) > 1;

-- check: the bank is laid out in blocks of 64 characters per MBTI type (one type per block, 16 distinct types)
SELECT character_index // 64 AS block, string_agg(DISTINCT mbti, ', ') FROM characters GROUP BY 1 HAVING count(DISTINCT mbti) > 1
UNION ALL SELECT 'unknown type', mbti FROM characters WHERE mbti NOT IN (SELECT type FROM mbti_types);

-- check: profile_output.json line n is the raw generator output for character n-1 (same name and MBTI)
SELECT g.character_index, g.j->'profile'->>'name' AS generated_name, c.name, g.j->>'mbti' AS generated_mbti, c.mbti
FROM _generated g LEFT JOIN characters c USING (character_index)
WHERE c.name IS DISTINCT FROM (g.j->'profile'->>'name') OR c.mbti IS DISTINCT FROM (g.j->>'mbti');

-- check: prompt line n was written for the MBTI of profile n, except the documented release mismatch: lines 65–100 are INTP prompts while profiles 64–99 are ENTJ
SELECT p.prompt_line, p.mbti AS prompt_mbti, c.mbti AS profile_mbti
FROM _prompt_lines p JOIN characters c ON c.character_index = p.prompt_line - 1
WHERE p.step = 1 AND p.mbti <> c.mbti AND NOT (p.prompt_line BETWEEN 65 AND 100 AND p.mbti = 'INTP' AND c.mbti = 'ENTJ')
UNION ALL SELECT 'mismatched lines', NULL, count(*)::VARCHAR FROM _prompt_lines p JOIN characters c ON c.character_index = p.prompt_line - 1
WHERE p.step = 1 AND p.mbti <> c.mbti HAVING count(*) <> 36;

-- check: each first-step prompt embeds the description of the MBTI type it was written for
SELECT prompt_id, mbti FROM profile_prompts p WHERE step = 1 AND NOT EXISTS (SELECT 1 FROM mbti_types t WHERE t.type = p.mbti AND contains(p.prompt, t.description))
UNION ALL SELECT prompt_line, 'steps ' || count(*) FROM _prompt_lines GROUP BY prompt_line HAVING count(*) <> 2;

-- check: dialogues are numbered 0–99 in file order; seeker and supporter are bank characters paired in the pairing list, with the names and MBTI of their profiles
SELECT d.dialogue_index, 'line' AS problem FROM _dial d WHERE d.dialogue_index <> d.line_no - 1
UNION ALL SELECT dialogue_index, 'not a listed partner' FROM dialogues WHERE partner_rank IS NULL
UNION ALL SELECT d.dialogue_index, 'seeker profile differs' FROM dialogues d LEFT JOIN characters c ON c.character_index = d.seeker_index
  WHERE c.name IS DISTINCT FROM d.seeker_name OR c.mbti IS DISTINCT FROM d.seeker_mbti
UNION ALL SELECT d.dialogue_index, 'supporter profile differs' FROM dialogues d LEFT JOIN characters c ON c.character_index = d.supporter_index
  WHERE c.name IS DISTINCT FROM d.supporter_name OR c.mbti IS DISTINCT FROM d.supporter_mbti;

-- check: dial_output.json embeds the same profiles and role statements as the characters table
SELECT d.dialogue_index, 'seeker' AS role FROM _dial d JOIN _char_pick c ON c.character_index = CAST(d.j->'seeker_info'->>'seeker_index' AS INTEGER)
  WHERE json((d.j->'seeker_info'->'seeker_profile')::VARCHAR) <> json((c.c->'profile')::VARCHAR)
     OR (d.j->'seeker_info'->>'seeker_statement') <> (c.c->>'seeker_statement')
UNION ALL SELECT d.dialogue_index, 'supporter' FROM _dial d JOIN _char_pick c ON c.character_index = CAST(d.j->'supporter_info'->>'supporter_index' AS INTEGER)
  WHERE json((d.j->'supporter_info'->'supporter_profile')::VARCHAR) <> json((c.c->'profile')::VARCHAR)
     OR (d.j->'supporter_info'->>'supporter_statement') <> (c.c->>'supporter_statement');

-- check: dial_input.json line n pairs the same seeker and supporter as dialogue n-1
SELECT l.line_no, d.dialogue_index FROM _jsonl l JOIN dialogues d ON d.dialogue_index = l.line_no - 1
WHERE l.source = 'raw/data/dial_input.json'
  AND (CAST(l.j->0->>'index' AS INTEGER) <> d.seeker_index OR CAST(l.j->1->>'index' AS INTEGER) <> d.supporter_index OR json_array_length(l.j) <> 2);

-- check: turns are numbered 0..n-1 and alternate seeker (even) / supporter (odd); the 100 dialogues have 1580 turns
SELECT dialogue_index, position, turn, speaker FROM dialogue_turns
WHERE turn <> position OR speaker <> CASE WHEN turn % 2 = 0 THEN 'seeker' ELSE 'supporter' END OR coalesce(trim(utterance), '') = ''
UNION ALL SELECT NULL, NULL, count(*), 'total' FROM dialogue_turns HAVING count(*) <> 1580;

-- check: the evaluation input and output files hold each dialogue as "speaker: utterance" lines (with a final newline)
WITH rendered AS (
  SELECT dialogue_index, string_agg(speaker || ': ' || utterance, chr(10) ORDER BY position) || chr(10) AS dial FROM dialogue_turns GROUP BY 1
)
SELECT r.dialogue_index, 'eval_dial_input' AS file FROM rendered r LEFT JOIN _eval_in e USING (dialogue_index) WHERE e.j IS NULL OR (e.j->>'dial') <> r.dial
UNION ALL SELECT r.dialogue_index, 'eval_dial_output' FROM rendered r LEFT JOIN _eval e USING (dialogue_index) WHERE e.j IS NULL OR (e.j->>'dial') <> r.dial;

-- check: every dialogue has three ratings from 1 to 5 and a reason
SELECT dialogue_index, rating_mood, rating_solution, rating_participation FROM dialogues
WHERE rating_mood NOT BETWEEN 1 AND 5 OR rating_solution NOT BETWEEN 1 AND 5 OR rating_participation NOT BETWEEN 1 AND 5
   OR rating_mood IS NULL OR rating_solution IS NULL OR rating_participation IS NULL OR coalesce(trim(rating_reason), '') = '';

-- check: persona-score sample n is dialogue n's pair, rated with the mean of its three evaluation ratings
SELECT p.sample_index, p.rating, d.dialogue_index FROM persona_score_samples p LEFT JOIN dialogues d ON d.dialogue_index = p.sample_index
WHERE d.dialogue_index IS NULL OR p.seeker_index IS DISTINCT FROM d.seeker_index OR p.supporter_index IS DISTINCT FROM d.supporter_index
   OR abs(p.rating - (d.rating_mood + d.rating_solution + d.rating_participation) / 3.0) > 1e-9;

-- check: every seeker/supporter response sample is one turn of one dialogue: its characters, target utterance and selected info match, and its history is the turns right before it
SELECT r.dataset, r.sample_index, 'unmatched' AS problem FROM response_samples r WHERE r.dialogue_index IS NULL OR r.turn IS NULL
UNION ALL SELECT dataset, sample_index, 'matched twice' FROM response_samples GROUP BY ALL HAVING count(*) > 1
UNION ALL SELECT r.dataset, r.sample_index, 'info' FROM response_samples r JOIN _response x USING (dataset, sample_index)
  JOIN dialogue_turns t ON t.dialogue_index = r.dialogue_index AND t.turn = r.turn
  WHERE nullif(x.c->>'info', '') IS DISTINCT FROM t.info_content
UNION ALL SELECT h.dataset, h.sample_index, 'history turn ' || h.k FROM (
    SELECT r.dataset, r.sample_index, r.dialogue_index, r.history_from_turn, k.k, x.hist[k.k] AS msg
    FROM response_samples r JOIN (SELECT dataset, sample_index, json_extract(c, '$.history[*]') AS hist FROM _response) x USING (dataset, sample_index),
         LATERAL (SELECT unnest(range(1, len(x.hist) + 1)) AS k) k) h
  LEFT JOIN dialogue_turns t ON t.dialogue_index = h.dialogue_index AND t.turn = h.history_from_turn + h.k - 1
  WHERE t.turn IS NULL OR t.speaker <> (h.msg->>'from') OR t.utterance <> (h.msg->>'value');

-- check: fine-tuning samples are well formed: base turns by seeker/supporter, info-selector labels 0/1, dataset_info lists files that are in the release
SELECT 'base speaker' AS what, speaker FROM base_dialogue_turns WHERE speaker NOT IN ('seeker', 'supporter') OR coalesce(utterance, '') = ''
UNION ALL SELECT 'base conversations', count(DISTINCT conversation_index)::VARCHAR FROM base_dialogue_turns HAVING count(DISTINCT conversation_index) <> 100
UNION ALL SELECT 'label', label::VARCHAR FROM info_selector_samples WHERE label NOT IN (0, 1) OR label IS NULL
UNION ALL SELECT 'dataset_info', f FROM (SELECT json_extract_string(j, '$."' || unnest(json_keys(j)) || '".file_name') AS f FROM _dataset_info)
  WHERE f NOT IN (SELECT regexp_extract(source, '([^/]+)$', 1) FROM _jsonl);
