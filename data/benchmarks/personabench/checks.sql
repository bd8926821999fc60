-- check: two communities of ten people each (social_graph.json nodes), and every person id unique
SELECT community, count(*) AS n FROM people GROUP BY community HAVING count(*) <> 10
UNION ALL SELECT -1, count(DISTINCT community) FROM people HAVING count(DISTINCT community) <> 2
UNION ALL SELECT -2, count(*) - count(DISTINCT person_id) FROM people HAVING count(*) <> count(DISTINCT person_id);

-- check: the release's id scheme holds: the person named in eval_info_all.json for a q_id is the graph node with index = q_id digits 4–6 (+1)
SELECT q.q_id, q.person, p.name FROM questions q LEFT JOIN people p USING (person_id) WHERE p.name IS DISTINCT FROM q.person;

-- check: 436 Q&As in community_0 and 419 in community_1 (SOURCES.md), q_ids unique
SELECT community, count(*) AS n FROM questions GROUP BY community
HAVING count(*) <> CASE community WHEN 0 THEN 436 WHEN 1 THEN 419 END
UNION ALL SELECT -1, count(*) - count(DISTINCT q_id) FROM questions HAVING count(*) <> count(DISTINCT q_id);

-- check: question types and difficulties are the documented ones
SELECT q_id, question_type, difficulty FROM questions
WHERE question_type NOT IN ('Basic information', 'Preference', 'Social', 'Subjective') OR difficulty NOT IN ('easy', 'hard');

-- check: 22 directed edges per community, each with its reverse edge, between existing nodes, no self-loops
SELECT community, count(*) AS n, NULL AS from_node, NULL AS to_node FROM relationships GROUP BY community HAVING count(*) <> 22
UNION ALL SELECT community, NULL, from_node, to_node FROM relationships r
  WHERE NOT EXISTS (SELECT 1 FROM relationships b WHERE b.community = r.community AND b.from_node = r.to_node AND b.to_node = r.from_node)
     OR from_name IS NULL OR to_name IS NULL OR from_node = to_node
UNION ALL SELECT community, count(*), from_node, to_node FROM relationships GROUP BY community, from_node, to_node HAVING count(*) > 1;

-- check: each qa_gt_context file holds the evaluated Q&As of the three people with documents: 133 per noise level in community_0, 130 in community_1
SELECT community, noise_ratio, count(*) AS n FROM _gt GROUP BY ALL
HAVING count(*) <> CASE community WHEN 0 THEN 133 WHEN 1 THEN 130 END OR count(*) <> count(DISTINCT q_id)
UNION ALL SELECT community, NULL, count(DISTINCT noise_ratio) FROM _gt GROUP BY community HAVING count(DISTINCT noise_ratio) <> 4;

-- check: the evaluated Q&As are exactly all Q&As of the people whose documents are released
SELECT q.q_id, q.evaluated, p.has_documents FROM questions q JOIN people p USING (person_id) WHERE q.evaluated <> p.has_documents
UNION ALL SELECT community::VARCHAR, NULL, NULL FROM people WHERE has_documents GROUP BY community HAVING count(*) <> 3;

-- check: question and answer in every qa_gt_context file equal those in eval_info_all.json
SELECT g.noise_ratio, g.q_id FROM _gt g LEFT JOIN _eval_info q USING (q_id)
WHERE q.q_id IS NULL OR g.question IS DISTINCT FROM q.question OR g.answer::VARCHAR IS DISTINCT FROM q.answer::VARCHAR;

-- check: every evaluated Q&A has evidence, and the answer keys of its evidence are the same at every noise level (only segment ids change)
SELECT q_id, noise_ratio FROM _gt WHERE cardinality(evidence) = 0
UNION ALL
SELECT q_id, NULL FROM (SELECT DISTINCT q_id, noise_ratio, answer_key FROM evidence)
GROUP BY q_id, answer_key HAVING count(*) <> 4;

-- check: at noise 0.0 (the mirrored documents) every evidence segment exists and belongs to the person asked about
SELECT e.q_id, e.segment_id, s.person_id FROM evidence e LEFT JOIN segments s USING (segment_id)
WHERE e.noise_ratio = 0 AND (s.segment_id IS NULL OR s.person_id <> e.person_id OR NOT e.document_shipped)
UNION ALL SELECT q_id, segment_id, NULL FROM evidence WHERE noise_ratio > 0 AND document_shipped;

-- check: segment ids are unique across the three document types, start with the owner's person id, and the owner is one of the three people with documents
SELECT segment_id, person_id, person FROM segments s
WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.person_id = s.person_id AND p.name = s.person AND p.has_documents)
UNION ALL SELECT segment_id, NULL, count(*)::VARCHAR FROM segments GROUP BY segment_id HAVING count(*) > 1;

-- check: 264 segments in community_0 and 263 in community_1, every session has a parseable time and session number, conversations name a partner of the community
SELECT community::VARCHAR AS k, count(*) AS n FROM segments GROUP BY community HAVING count(*) <> CASE community WHEN 0 THEN 264 WHEN 1 THEN 263 END
UNION ALL SELECT segment_id, NULL FROM segments WHERE datetime IS NULL OR session_no IS NULL
   OR (document = 'conversation') <> (partner_person_id IS NOT NULL)
   OR (document = 'purchase_history') <> (n_items IS NOT NULL);

-- check: conversation turns are spoken by the document's owner or the partner, user–AI turns by user or assistant; the only exceptions are the four community_1 sessions where "Mr. Nicholas Richmond MD" speaks as "Nicholas Richmond" (segments 001000000000, 001002000034) or "Mr. Nicholas Richmond" (001002000073, 001002000076)
SELECT t.segment_id, t.turn_index, t.role FROM turns t JOIN segments s USING (segment_id)
WHERE NOT (CASE s.document WHEN 'conversation' THEN t.role IN (s.person, s.partner) ELSE t.role IN ('user', 'assistant') END)
  AND NOT (t.segment_id IN ('001000000000', '001002000034') AND t.role = 'Nicholas Richmond')
  AND NOT (t.segment_id IN ('001002000073', '001002000076') AND t.role = 'Mr. Nicholas Richmond')
UNION ALL
SELECT NULL, count(*)::INTEGER, 'documented exceptions no longer present' FROM turns
WHERE role IN ('Nicholas Richmond', 'Mr. Nicholas Richmond') HAVING count(*) <> 28;

-- check: turn and item counts of segments match the turns and purchases tables; no empty turn text
SELECT s.segment_id, s.n_turns, count(t.turn_index) AS n FROM segments s LEFT JOIN turns t USING (segment_id)
WHERE s.document <> 'purchase_history' GROUP BY ALL HAVING count(t.turn_index) <> s.n_turns OR s.n_turns = 0
UNION ALL SELECT s.segment_id, s.n_items, count(p.item_index) FROM segments s LEFT JOIN purchases p USING (segment_id)
WHERE s.document = 'purchase_history' GROUP BY ALL HAVING count(p.item_index) <> s.n_items
UNION ALL SELECT segment_id, turn_index, NULL FROM turns WHERE content IS NULL OR trim(content) = '';

-- check: the per-person document files equal the person's entry in the matching *_all.json file (SOURCES.md: same content)
SELECT coalesce(d.community, a.community) AS community, coalesce(d.owner, a.owner) AS owner, coalesce(d.document_file, a.document_file) AS document_file
FROM _person_docs d FULL JOIN _all_docs a USING (community, owner, document_file)
WHERE d.data_json IS DISTINCT FROM a.data_json OR d.folder IS DISTINCT FROM a.owner;

-- check: Table 3 has one value per retriever × category/difficulty × metric (3 retrievers × 10), Table 4 one per model × retriever × category/difficulty × metric (4 × 4 × 10), all in [0, 1] at noise 0.5
SELECT 'table3' AS t, count(*) AS n FROM retrieval_results HAVING count(*) <> 30 OR count(DISTINCT (retriever, question_category, difficulty, metric)) <> 30
UNION ALL SELECT 'table4', count(*) FROM end_to_end_results HAVING count(*) <> 160 OR count(DISTINCT (model, retriever, question_category, difficulty, metric)) <> 160
UNION ALL SELECT 'out of range', count(*) FROM (SELECT value, noise_ratio FROM retrieval_results UNION ALL SELECT value, noise_ratio FROM end_to_end_results)
  WHERE value NOT BETWEEN 0 AND 1 OR noise_ratio <> 0.5 HAVING count(*) > 0;

-- check: results hold one row per model × metric × subset
SELECT model, metric, subset, count(*) FROM results GROUP BY ALL HAVING count(*) > 1;

-- check: where an evaluated Social Q&A about another person answers with a relationship label, it is the label of the edge from that person to the asker (the direction relationships documents)
SELECT q.q_id, q.person, e.answer_key AS other, q.answer, r.relationship
FROM questions q JOIN (SELECT DISTINCT q_id, answer_key FROM evidence WHERE noise_ratio = 0) e USING (q_id)
JOIN relationships r ON r.from_name = e.answer_key AND r.to_name = q.person
WHERE q.question_type = 'Social' AND q.answer <> e.answer_key AND q.answer <> r.relationship
UNION ALL
SELECT 'labelled answers', NULL, NULL, count(*)::VARCHAR, NULL
FROM questions q JOIN (SELECT DISTINCT q_id, answer_key FROM evidence WHERE noise_ratio = 0) e USING (q_id)
JOIN relationships r ON r.from_name = e.answer_key AND r.to_name = q.person
WHERE q.question_type = 'Social' AND q.answer = r.relationship HAVING count(*) = 0;
