-- check: every line of the three files is a chat (a non-empty list of {role, content}); offending file and line otherwise
SELECT * FROM _bad_lines;

-- check: row counts of SOURCES.md — eval 3, conditional-SFT train 8, RLCC train 5 chats
SELECT dataset, count(*) AS n FROM chats GROUP BY dataset
HAVING count(*) <> CASE dataset WHEN 'conditional_sft_eval' THEN 3 WHEN 'conditional_sft_train' THEN 8 WHEN 'rlcc_train' THEN 5 END
UNION ALL SELECT 'datasets', count(DISTINCT dataset) FROM chats HAVING count(DISTINCT dataset) <> 3;

-- check: each chat opens with exactly one system message that wraps a non-empty profile in the USP template, and has no other system message
SELECT chat_id, count(*) FILTER (role = 'system') AS system_messages, bool_or(position = 1 AND role = 'system') AS starts_with_system
FROM _messages GROUP BY chat_id
HAVING count(*) FILTER (role = 'system') <> 1 OR NOT bool_or(position = 1 AND role = 'system')
UNION ALL SELECT chat_id, NULL, NULL FROM chats WHERE profile_id IS NULL;

-- check: after the system message, turns are user/assistant and alternate
SELECT chat_id, position, role FROM (
  SELECT chat_id, position, role, lag(role) OVER (PARTITION BY chat_id ORDER BY position) AS prev FROM _messages WHERE position > 1)
WHERE role NOT IN ('user', 'assistant') OR role = prev;

-- check: RLCC chats carry only the profile (no turns); conditional-SFT chats carry at least one turn
SELECT chat_id, dataset, turns FROM chats WHERE (dataset = 'rlcc_train') <> (turns = 0);

-- check: profiles are distinct texts with unique ids, and each is used by at least one chat
SELECT profile_id, left(profile, 60) AS profile FROM profiles
WHERE profile_id IN (SELECT profile_id FROM profiles GROUP BY profile_id HAVING count(*) > 1)
   OR profile IN (SELECT profile FROM profiles GROUP BY profile HAVING count(*) > 1)
   OR profile_id NOT IN (SELECT profile_id FROM chats WHERE profile_id IS NOT NULL);

-- check: known release quirk, kept visible — the conditional-SFT train file holds no new dialogue: its 8 chats are copies of the 3 eval chats
SELECT chat_id, dialogue_id FROM chats WHERE dataset = 'conditional_sft_train' AND NOT starts_with(dialogue_id, 'conditional_sft_eval:')
UNION ALL SELECT 'distinct dialogues in eval', count(DISTINCT dialogue_id)::VARCHAR FROM chats WHERE dataset = 'conditional_sft_eval' HAVING count(DISTINCT dialogue_id) <> 3;

-- check: messages hold each distinct dialogue once, with turns numbered 1..n without gaps, matching chats.turns
SELECT c.dialogue_id, any_value(c.turns) AS turns, count(DISTINCT m.turn) AS stored, max(m.turn) AS max_turn
FROM chats c LEFT JOIN messages m USING (dialogue_id) WHERE c.turns > 0
GROUP BY c.dialogue_id HAVING count(DISTINCT m.turn) <> any_value(c.turns) OR max(m.turn) <> any_value(c.turns)
UNION ALL SELECT dialogue_id || ' turn ' || turn, NULL, count(*), NULL FROM messages GROUP BY dialogue_id, turn HAVING count(*) > 1;

-- check: the README split sizes are three positive counts (train, validation, test)
SELECT * FROM lmsys_usp_splits WHERE examples IS NULL OR examples <= 0
UNION ALL SELECT 'rows', NULL, count(*), NULL FROM lmsys_usp_splits HAVING count(*) <> 3;
