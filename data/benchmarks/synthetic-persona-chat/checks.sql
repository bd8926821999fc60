-- check: 968 test and 1,000 validation conversations, with unique ids
SELECT split, count(*) AS n FROM conversations GROUP BY split HAVING count(*) <> CASE split WHEN 'test' THEN 968 WHEN 'valid' THEN 1000 END
UNION ALL SELECT 'splits', count(DISTINCT split) FROM conversations HAVING count(DISTINCT split) <> 2
UNION ALL SELECT 'duplicate ids', count(*) - count(DISTINCT conversation_id) FROM conversations HAVING count(*) <> count(DISTINCT conversation_id);

-- check: exactly one conversation (a test record, as SOURCES.md notes) has an empty dialogue; all others have lines from both users, except the documented test-321, whose 23 lines carry no speaker prefix at all
SELECT conversation_id, n_lines, n_user_1_turns, n_user_2_turns FROM conversations
WHERE (n_lines = 0 AND split <> 'test') OR (n_lines > 0 AND (n_user_1_turns = 0 OR n_user_2_turns = 0) AND conversation_id <> 'test-321')
UNION ALL SELECT 'empty dialogues', count(*), NULL, NULL FROM conversations WHERE n_lines = 0 HAVING count(*) <> 1;

-- check: the documented exception is still as described: test-321 has 23 lines and none with a speaker prefix
SELECT conversation_id, n_lines, n_other_lines FROM conversations WHERE conversation_id = 'test-321' AND (n_lines <> 23 OR n_other_lines <> 23)
UNION ALL SELECT 'test-321 missing', NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM conversations WHERE conversation_id = 'test-321');

-- check: the test split averages 27.5 non-empty dialogue lines per conversation (SOURCES.md)
SELECT round(avg(n_lines), 1) AS mean_lines FROM conversations WHERE split = 'test' HAVING round(avg(n_lines), 1) <> 27.5;

-- check: utterance counts add up and turn indexes run 1…n in each conversation
SELECT conversation_id, n_lines, n_user_1_turns + n_user_2_turns + n_other_lines AS parts FROM conversations
WHERE n_lines <> n_user_1_turns + n_user_2_turns + n_other_lines
UNION ALL SELECT conversation_id, count(*), max(turn_index) FROM utterances GROUP BY conversation_id
HAVING max(turn_index) <> count(*) OR count(DISTINCT turn_index) <> count(*)
UNION ALL SELECT 'utterances', count(*), (SELECT sum(n_lines) FROM conversations) FROM utterances HAVING count(*) <> (SELECT sum(n_lines) FROM conversations);

-- check: speaker lines dominate: no conversation has more unattributed lines than attributed ones (except test-321 above and valid-19, where User 2 dictates a taco recipe as 25 unprefixed lines), and no line is empty
SELECT conversation_id, n_other_lines FROM conversations WHERE n_other_lines > n_user_1_turns + n_user_2_turns AND conversation_id NOT IN ('test-321', 'valid-19')
UNION ALL SELECT conversation_id, turn_index FROM utterances WHERE text = '' OR text IS NULL;

-- check: both personas of every conversation are present, with 4–5 sentences each (about 4.5 per user, SOURCES.md)
SELECT conversation_id, user_1_persona_sentences, user_2_persona_sentences FROM conversations
WHERE user_1_persona_sentences NOT BETWEEN 4 AND 5 OR user_2_persona_sentences NOT BETWEEN 4 AND 5
   OR coalesce(user_1_persona, '') = '' OR coalesce(user_2_persona, '') = '';

-- check: every README statistic is a number
SELECT * FROM claims WHERE value IS NULL;
