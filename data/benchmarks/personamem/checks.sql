-- check: query-type leaderboard: 15 models + Average + Random Guess × (7 query types + Overall Accuracy), one row each
SELECT 'rows' AS what, count(*) AS n FROM accuracy_by_query_type HAVING count(*) <> 136 OR count(DISTINCT (model, query_type)) <> 136
UNION ALL SELECT 'models', count(DISTINCT model) FROM accuracy_by_query_type WHERE row_kind = 'model' HAVING count(DISTINCT model) <> 15
UNION ALL SELECT 'query types', count(DISTINCT query_type) FROM accuracy_by_query_type HAVING count(DISTINCT query_type) <> 8
UNION ALL SELECT model, count(*) FROM accuracy_by_query_type GROUP BY model HAVING count(*) <> 8;

-- check: session-count leaderboard: 15 models + Average + Random Guess × (Overall + 1–20 sessions), all at 128k context, one row each
SELECT 'rows' AS what, count(*) AS n FROM accuracy_by_sessions HAVING count(*) <> 357 OR count(DISTINCT (model, sessions)) <> 357
UNION ALL SELECT model, count(*) FROM accuracy_by_sessions GROUP BY model
  HAVING count(*) <> 21 OR count(*) FILTER (num_sessions BETWEEN 1 AND 20) <> 20 OR count(DISTINCT num_sessions) <> 20
UNION ALL SELECT sessions, count(*) FROM accuracy_by_sessions WHERE (num_sessions IS NULL AND sessions <> 'Overall') OR context <> '128k' GROUP BY sessions;

-- check: generative heat map: 4 model rows + Average + Random Guess × the same 7 query types
SELECT 'rows' AS what, count(*) AS n FROM generative_accuracy_by_query_type HAVING count(*) <> 42 OR count(DISTINCT (model, query_type)) <> 42
UNION ALL SELECT query_type, count(*) FROM generative_accuracy_by_query_type
  WHERE query_type NOT IN (SELECT query_type FROM accuracy_by_query_type) GROUP BY query_type;

-- check: accuracies lie in [0, 1] and Random Guess is 0.25 (four options) everywhere
SELECT 'query type' AS t, model, query_type AS k, accuracy FROM accuracy_by_query_type WHERE accuracy NOT BETWEEN 0 AND 1 OR (row_kind = 'random guess' AND accuracy <> 0.25)
UNION ALL SELECT 'sessions', model, sessions, accuracy FROM accuracy_by_sessions WHERE accuracy NOT BETWEEN 0 AND 1 OR (row_kind = 'random guess' AND accuracy <> 0.25)
UNION ALL SELECT 'generative', model, query_type, accuracy FROM generative_accuracy_by_query_type WHERE accuracy NOT BETWEEN 0 AND 1 OR (row_kind = 'random guess' AND accuracy <> 0.25);

-- check: the release CSVs hold 13 models + Average + Random Guess (results_long_context.csv: 15 rows × 21 columns; results_qa_types.csv: 7 query types × 15 columns) and every cell matches a row of the 15-model leaderboards
SELECT 'sessions csv' AS f, count(*) AS n FROM _csv_sessions HAVING count(*) <> 315 OR count(DISTINCT model) <> 15
UNION ALL SELECT 'qa csv', count(*) FROM _csv_qa_types HAVING count(*) <> 105 OR count(DISTINCT model) <> 15
UNION ALL SELECT 'unmatched ' || model, count(*) FROM _csv_sessions c WHERE NOT EXISTS (SELECT 1 FROM accuracy_by_sessions s WHERE s.model = c.model AND s.sessions = c.sessions) GROUP BY model
UNION ALL SELECT 'unmatched ' || model, count(*) FROM _csv_qa_types c WHERE NOT EXISTS (SELECT 1 FROM accuracy_by_query_type q WHERE q.model = c.model AND q.query_type = c.query_type) GROUP BY model;

-- check: for every model row (and Random Guess) the 15-model leaderboards repeat the release CSVs exactly; only GPT-4.1 and o4-mini (added later) and the Overall Accuracy row are missing from the CSVs
SELECT 'query type' AS t, model, query_type AS k, accuracy, csv_accuracy FROM accuracy_by_query_type
WHERE row_kind <> 'average' AND (csv_accuracy IS NULL) <> (model IN ('GPT-4.1', 'o4-mini') OR query_type = 'Overall Accuracy')
   OR (row_kind <> 'average' AND csv_accuracy <> accuracy)
UNION ALL SELECT 'sessions', model, sessions, accuracy, csv_accuracy FROM accuracy_by_sessions
WHERE row_kind <> 'average' AND ((csv_accuracy IS NULL) <> (model IN ('GPT-4.1', 'o4-mini')) OR csv_accuracy <> accuracy);

-- check: the Average rows differ from the 13-model CSVs only as documented (adding two models): in 19 of 21 session cells and 6 of 7 query-type cells, each up by 0.01 to 0.02
SELECT 'sessions' AS t, count(*) AS n FROM accuracy_by_sessions WHERE row_kind = 'average' AND accuracy <> csv_accuracy HAVING count(*) <> 19
UNION ALL SELECT 'query types', count(*) FROM accuracy_by_query_type WHERE row_kind = 'average' AND accuracy <> csv_accuracy HAVING count(*) <> 6
UNION ALL SELECT 'size ' || sessions, round(accuracy - csv_accuracy, 4) FROM accuracy_by_sessions
  WHERE row_kind = 'average' AND accuracy <> csv_accuracy AND round(accuracy - csv_accuracy, 4) NOT BETWEEN 0.01 AND 0.02
UNION ALL SELECT 'size ' || query_type, round(accuracy - csv_accuracy, 4) FROM accuracy_by_query_type
  WHERE row_kind = 'average' AND accuracy <> csv_accuracy AND round(accuracy - csv_accuracy, 4) NOT BETWEEN 0.01 AND 0.02;

-- check: Average is the mean of the model rows, within two-decimal rounding of both (0.01): 15-model leaderboards, 13-model release CSVs, generative heat map (4 model rows)
SELECT 'query type' AS t, query_type AS k FROM accuracy_by_query_type GROUP BY query_type
  HAVING abs(max(accuracy) FILTER (row_kind = 'average') - avg(accuracy) FILTER (row_kind = 'model')) > 0.01 + 1e-9
UNION ALL SELECT 'sessions', sessions FROM accuracy_by_sessions GROUP BY sessions
  HAVING abs(max(accuracy) FILTER (row_kind = 'average') - avg(accuracy) FILTER (row_kind = 'model')) > 0.01 + 1e-9
UNION ALL SELECT 'sessions csv', sessions FROM _csv_sessions GROUP BY sessions
  HAVING abs(max(value) FILTER (model = 'Average') - avg(value) FILTER (model NOT IN ('Average', 'Random Guess'))) > 0.01 + 1e-9
UNION ALL SELECT 'qa csv', query_type FROM _csv_qa_types GROUP BY query_type
  HAVING abs(max(value) FILTER (model = 'Average') - avg(value) FILTER (model NOT IN ('Average', 'Random Guess'))) > 0.01 + 1e-9
UNION ALL SELECT 'generative', query_type FROM generative_accuracy_by_query_type GROUP BY query_type
  HAVING abs(max(accuracy) FILTER (row_kind = 'average') - avg(accuracy) FILTER (row_kind = 'model')) > 0.01 + 1e-9;

-- check: the query-type table's Overall Accuracy equals the session table's Overall (128k) for every row
SELECT q.model, q.accuracy, s.accuracy FROM accuracy_by_query_type q FULL JOIN (SELECT * FROM accuracy_by_sessions WHERE sessions = 'Overall') s USING (model)
WHERE q.query_type = 'Overall Accuracy' AND q.accuracy IS DISTINCT FROM s.accuracy
UNION ALL SELECT model, NULL, NULL FROM accuracy_by_sessions s WHERE sessions = 'Overall'
  AND NOT EXISTS (SELECT 1 FROM accuracy_by_query_type q WHERE q.model = s.model AND q.query_type = 'Overall Accuracy');

-- check: results: 15 models × (7 query types + Overall + 20 session counts), one row per model × metric × subset
SELECT model, count(*) AS n FROM results GROUP BY model HAVING count(*) <> 28
UNION ALL SELECT 'models', count(DISTINCT model) FROM results HAVING count(DISTINCT model) <> 15
UNION ALL SELECT model || ' / ' || subset, count(*) FROM results GROUP BY model, metric, subset HAVING count(*) > 1;
