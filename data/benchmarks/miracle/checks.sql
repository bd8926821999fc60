-- check: the samples hold 2 dialogue lines, 2 text lines and 5 topics (SOURCES.md)
SELECT 'dialogue samples' AS what, count(*) AS n FROM _dialogue HAVING count(*) <> 2
UNION ALL SELECT 'text samples', count(*) FROM sample_texts HAVING count(*) <> 2
UNION ALL SELECT 'topics', count(*) FROM sample_topics HAVING count(*) <> 5;

-- check: every dialogue sample pairs each query with a response (as many inputs as outputs), none empty
SELECT sample_id, n_inputs, n_outputs FROM sample_dialogues WHERE n_inputs <> n_outputs OR query IS NULL OR response IS NULL OR trim(query) = '' OR trim(response) = '';

-- check: no empty text or topic
SELECT 'text', sample_id FROM sample_texts WHERE coalesce(trim(text), '') = ''
UNION ALL SELECT 'topic', topic_id FROM sample_topics WHERE coalesce(trim(topic), '') = '';
