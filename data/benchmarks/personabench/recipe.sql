-- PersonaBench (SalesforceAIResearch/personabench @ cf1a955), release v1.0: two synthetic communities of ten
-- people each (social graph + Q&As for everyone), private documents and evidence for three people per community.
-- Only the noise-0.0 documents are mirrored; the evidence files of all four noise levels are.

-- ── Social graph ─────────────────────────────────────────────────────────────────────────────
CREATE TABLE _graph AS
SELECT regexp_extract(filename, 'community_(\d+)/', 1)::INTEGER AS community, nodes, edges,
       regexp_extract(filename, '(raw/.*)$', 1) AS source
FROM read_json('{{raw}}/eval_data/eval_data_v1/synthetic_data/community_*/graph_json/social_graph.json', filename = true,
  columns = {nodes: 'STRUCT(node INTEGER, properties STRUCT(name VARCHAR, persona VARCHAR))[]',
             edges: 'STRUCT(source INTEGER, target INTEGER, properties STRUCT(relationship VARCHAR, description VARCHAR))[]'});

CREATE TABLE _nodes AS
SELECT community, n.node, n.properties.name AS name, n.properties.persona AS persona, source
FROM (SELECT community, unnest(nodes) AS n, source FROM _graph);

-- ── Q&As: every person of both communities ───────────────────────────────────────────────────
CREATE TABLE _eval_info AS
SELECT community, person, qa.q_id, qa.question, qa.answer, qa."type" AS question_type, qa.difficulty, qa.outdated_value, source
FROM (SELECT regexp_extract(filename, 'community_(\d+)/', 1)::INTEGER AS community, Name AS person, unnest(Eval_Info.qa) AS qa,
             regexp_extract(filename, '(raw/.*)$', 1) AS source
      FROM read_json('{{raw}}/eval_data/eval_data_v1/synthetic_data/community_*/eval_info/eval_info_all.json', filename = true, format = 'array',
        columns = {Name: 'VARCHAR',
                   Eval_Info: 'STRUCT(qa STRUCT(q_id VARCHAR, question VARCHAR, answer JSON, "type" VARCHAR, difficulty VARCHAR, outdated_value JSON)[])'}));

-- Evaluated Q&As with their ground-truth evidence segments, one file per community × noise ratio.
CREATE TABLE _gt AS
SELECT regexp_extract(filename, 'community_(\d+)/', 1)::INTEGER AS community,
       regexp_extract(filename, 'noise_([0-9.]+)\.json$', 1)::DOUBLE AS noise_ratio,
       q_id, question, answer, segment_id::MAP(VARCHAR, VARCHAR[]) AS evidence,
       regexp_extract(filename, '(raw/.*)$', 1) AS source
FROM read_json('{{raw}}/eval_data/eval_data_v1/synthetic_data/community_*/eval_info/qa_gt_context_all_noise_*.json', filename = true, format = 'array',
  columns = {q_id: 'VARCHAR', question: 'VARCHAR', answer: 'JSON', segment_id: 'JSON'});

-- ── Private documents (noise 0.0): each session is one evidence segment ─────────────────────
CREATE TABLE _conversations AS
SELECT community, owner, s.segment_id, s.session, s."time", s.target_name, s.conversation, source
FROM (SELECT community, owner, unnest(d.Conversations) AS s, source
      FROM (SELECT regexp_extract(filename, 'community_(\d+)/', 1)::INTEGER AS community, Name AS owner, unnest(Data) AS d,
                   regexp_extract(filename, '(raw/.*)$', 1) AS source
            FROM read_json('{{raw}}/eval_data/eval_data_v1/synthetic_data/community_*/private_data/noise_0.0/conversation_data_all.json',
              filename = true, format = 'array',
              columns = {Name: 'VARCHAR', Data: 'STRUCT(Target_name VARCHAR, Conversations STRUCT(session VARCHAR, "time" VARCHAR, target_name VARCHAR, conversation STRUCT(role VARCHAR, content VARCHAR)[], segment_id VARCHAR)[])[]'})));

CREATE TABLE _user_ai AS
SELECT community, owner, s.segment_id, s.session, s."time", s.user_ai_interaction AS conversation, source
FROM (SELECT regexp_extract(filename, 'community_(\d+)/', 1)::INTEGER AS community, Name AS owner, unnest(Data) AS s,
             regexp_extract(filename, '(raw/.*)$', 1) AS source
      FROM read_json('{{raw}}/eval_data/eval_data_v1/synthetic_data/community_*/private_data/noise_0.0/user_ai_interaction_data_all.json',
        filename = true, format = 'array',
        columns = {Name: 'VARCHAR', Data: 'STRUCT(session VARCHAR, "time" VARCHAR, user_ai_interaction STRUCT(role VARCHAR, content VARCHAR)[], segment_id VARCHAR)[]'}));

CREATE TABLE _purchase AS
SELECT community, owner, s.segment_id, s.session, s."time", s.purchase_history AS items, source
FROM (SELECT regexp_extract(filename, 'community_(\d+)/', 1)::INTEGER AS community, Name AS owner, unnest(Data) AS s,
             regexp_extract(filename, '(raw/.*)$', 1) AS source
      FROM read_json('{{raw}}/eval_data/eval_data_v1/synthetic_data/community_*/private_data/noise_0.0/purchase_history_data_all.json',
        filename = true, format = 'array',
        columns = {Name: 'VARCHAR', Data: 'STRUCT(session VARCHAR, "time" VARCHAR, purchase_history STRUCT(title VARCHAR, description VARCHAR, brand VARCHAR, categories VARCHAR[])[], segment_id VARCHAR)[]'}));

-- The per-person copies of the documents, only to check they equal the *_all files (checks.sql).
CREATE TABLE _person_docs AS
SELECT regexp_extract(filename, 'community_(\d+)/', 1)::INTEGER AS community,
       regexp_extract(filename, 'noise_0\.0/([^/]+)/', 1) AS folder,
       regexp_extract(filename, '/([a-z_]+)\.json$', 1) AS document_file,
       Name AS owner, Data::VARCHAR AS data_json
FROM read_json('{{raw}}/eval_data/eval_data_v1/synthetic_data/community_*/private_data/noise_0.0/*/*_data.json', filename = true,
  columns = {Name: 'VARCHAR', Data: 'JSON'});

CREATE TABLE _all_docs AS
SELECT regexp_extract(filename, 'community_(\d+)/', 1)::INTEGER AS community,
       regexp_extract(filename, '/([a-z_]+)_all\.json$', 1) AS document_file,
       Name AS owner, Data::VARCHAR AS data_json
FROM read_json('{{raw}}/eval_data/eval_data_v1/synthetic_data/community_*/private_data/noise_0.0/*_data_all.json', filename = true, format = 'array',
  columns = {Name: 'VARCHAR', Data: 'JSON'});

-- ── Published tables ─────────────────────────────────────────────────────────────────────────
-- person_id follows the release's id scheme: q_ids and segment_ids start with 3 digits of community and
-- 3 digits of the person's index (graph node − 1); checks.sql verifies that names agree.
CREATE TABLE people AS
SELECT printf('%03d%03d', n.community, n.node - 1) AS person_id, n.community, n.node, n.name, n.persona,
       n.name IN (SELECT owner FROM _all_docs a WHERE a.community = n.community) AS has_documents,
       (SELECT count(*) FROM _eval_info q WHERE q.community = n.community AND q.person = n.name)::INTEGER AS n_questions,
       (SELECT count(*) FROM _gt g JOIN _eval_info q USING (q_id) WHERE g.noise_ratio = 0 AND q.community = n.community AND q.person = n.name)::INTEGER AS n_evaluated,
       n.source
FROM _nodes n ORDER BY person_id;

CREATE TABLE relationships AS
SELECT g.community, e.source AS from_node, e.target AS to_node,
       printf('%03d%03d', g.community, e.source - 1) AS from_person_id, printf('%03d%03d', g.community, e.target - 1) AS to_person_id,
       a.name AS from_name, b.name AS to_name, e.properties.relationship AS relationship, e.properties.description AS description,
       g.source
FROM (SELECT community, unnest(edges) AS e, source FROM _graph) g
LEFT JOIN _nodes a ON a.community = g.community AND a.node = g.e.source
LEFT JOIN _nodes b ON b.community = g.community AND b.node = g.e.target
ORDER BY community, from_node, to_node;

CREATE TABLE questions AS
SELECT q.q_id, left(q.q_id, 6) AS person_id, q.community, q.person, q.question,
       CASE json_type(q.answer) WHEN 'VARCHAR' THEN q.answer ->> '$' ELSE q.answer::VARCHAR END AS answer,
       CASE json_type(q.answer) WHEN 'VARCHAR' THEN 'text' WHEN 'ARRAY' THEN 'list' WHEN 'OBJECT' THEN 'object'
                                 WHEN 'NULL' THEN 'null' ELSE 'number' END AS answer_kind,
       q.question_type, q.difficulty,
       CASE WHEN json_type(q.outdated_value) = 'NULL' OR q.outdated_value IS NULL THEN NULL ELSE q.outdated_value::VARCHAR END AS outdated_value,
       EXISTS (SELECT 1 FROM _gt g WHERE g.q_id = q.q_id AND g.noise_ratio = 0) AS evaluated,
       (SELECT count(DISTINCT s) FROM (SELECT unnest(flatten(map_values(g.evidence))) AS s FROM _gt g WHERE g.q_id = q.q_id AND g.noise_ratio = 0))::INTEGER AS n_evidence_segments,
       q.source
FROM _eval_info q ORDER BY q.q_id;

CREATE TABLE evidence AS
SELECT g.noise_ratio, g.q_id, left(g.q_id, 6) AS person_id, e.key AS answer_key, i.rank::INTEGER AS evidence_rank,
       e.value[i.rank] AS segment_id,
       g.noise_ratio = 0 AND e.value[i.rank] IN (SELECT segment_id FROM _conversations UNION ALL SELECT segment_id FROM _user_ai UNION ALL SELECT segment_id FROM _purchase) AS document_shipped,
       g.source
FROM (SELECT noise_ratio, q_id, unnest(map_entries(evidence)) AS e, source FROM _gt) g,
     LATERAL (SELECT unnest(range(1, len(g.e.value) + 1)) AS rank) i
ORDER BY g.noise_ratio, g.q_id, answer_key, evidence_rank;

CREATE TABLE segments AS
WITH s AS (
  SELECT segment_id, community, owner, 'conversation' AS document, session, "time", target_name AS partner,
         len(conversation) AS n_turns, NULL::BIGINT AS n_items, source FROM _conversations
  UNION ALL
  SELECT segment_id, community, owner, 'user_ai_interaction', session, "time", NULL, len(conversation), NULL, source FROM _user_ai
  UNION ALL
  SELECT segment_id, community, owner, 'purchase_history', session, "time", NULL, NULL, len(items), source FROM _purchase)
SELECT s.segment_id, left(s.segment_id, 6) AS person_id, s.community, s.owner AS person, s.document,
       regexp_extract(s.session, '---session---(\d+)$', 1)::INTEGER AS session_no, s.session,
       s."time", strftime(strptime(s."time", '%Y/%b/%d/%I:%M %p'), '%Y-%m-%d %H:%M') AS datetime,
       s.partner, p.person_id AS partner_person_id,
       s.n_turns::INTEGER AS n_turns, s.n_items::INTEGER AS n_items, s.source
FROM s LEFT JOIN people p ON p.community = s.community AND p.name = s.partner
ORDER BY s.segment_id;

CREATE TABLE turns AS
WITH c AS (SELECT segment_id, conversation FROM _conversations UNION ALL SELECT segment_id, conversation FROM _user_ai)
SELECT c.segment_id, i.idx::INTEGER AS turn_index, c.conversation[i.idx].role AS role, c.conversation[i.idx].content AS content
FROM c, LATERAL (SELECT unnest(range(1, len(c.conversation) + 1)) AS idx) i
ORDER BY c.segment_id, turn_index;

CREATE TABLE purchases AS
SELECT p.segment_id, i.idx::INTEGER AS item_index, p.items[i.idx].title AS title, p.items[i.idx].description AS description,
       p.items[i.idx].brand AS brand, array_to_string(p.items[i.idx].categories, '; ') AS categories
FROM _purchase p, LATERAL (SELECT unnest(range(1, len(p.items) + 1)) AS idx) i
ORDER BY p.segment_id, item_index;

-- ── Paper tables (our transcriptions of the README's images of Tables 3 and 4) ───────────────
CREATE TABLE retrieval_results AS
SELECT retriever, question_category, difficulty, metric, noise_ratio::DOUBLE AS noise_ratio, value::DOUBLE AS value,
       'paper_tables/table3_retrieval_noise0.5.csv row ' || csv_row AS source
FROM (SELECT row_number() OVER () AS csv_row, *
      FROM read_csv('{{here}}/paper_tables/table3_retrieval_noise0.5.csv', header = true, all_varchar = true));

CREATE TABLE end_to_end_results AS
SELECT model, retriever, retriever = 'Ground Truth Context' AS oracle_context, question_category, difficulty, metric,
       noise_ratio::DOUBLE AS noise_ratio, value::DOUBLE AS value,
       'paper_tables/table4_end_to_end_noise0.5.csv row ' || csv_row AS source
FROM (SELECT row_number() OVER () AS csv_row, *
      FROM read_csv('{{here}}/paper_tables/table4_end_to_end_noise0.5.csv', header = true, all_varchar = true));

-- Cross-benchmark results: the LLMs of Table 4 (answer quality) and the retrievers of Table 3 (retrieval quality).
CREATE TABLE results AS
SELECT model, 'end-to-end ' || metric AS metric,
       CASE WHEN oracle_context THEN 'ground-truth context' ELSE 'retriever ' || retriever END
         || ' · ' || question_category || coalesce(' (' || difficulty || ')', '') || ' · noise ' || noise_ratio AS subset,
       value, 'score 0–1' AS unit, true AS higher_is_better,
       source || ' (Table 4, arXiv 2502.20616)' AS source
FROM end_to_end_results
UNION ALL
SELECT retriever, 'retrieval ' || metric,
       question_category || coalesce(' (' || difficulty || ')', '') || ' · noise ' || noise_ratio,
       value, 'score 0–1', true, source || ' (Table 3, arXiv 2502.20616)'
FROM retrieval_results;
