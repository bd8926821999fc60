-- MIRACLE (LZY-the-boys/MIRACLE @ a80fff24ae95): the three format samples of the repository's dataset folder.
-- The dataset itself is on Hugging Face (lu-vae/Miracle-Conversation) and is not mirrored.

-- dataset/dialogue/sample: JSON lines {input: [queries], output: [responses], personas, tag}; turn i pairs input[i] with output[i].
CREATE TABLE _dialogue AS
SELECT row_number() OVER ()::INTEGER AS sample_id, input, output, personas, tag
FROM read_json('{{raw}}/dataset/dialogue/sample', format = 'newline_delimited',
               columns = {'input': 'VARCHAR[]', 'output': 'VARCHAR[]', 'personas': 'VARCHAR', 'tag': 'INTEGER'});

CREATE TABLE sample_dialogues AS
SELECT d.sample_id, i::INTEGER AS turn_index, d.input[i] AS query, d.output[i] AS response, d.personas AS persona, d.tag,
       len(d.input)::INTEGER AS n_inputs, len(d.output)::INTEGER AS n_outputs,
       'raw/dataset/dialogue/sample line ' || d.sample_id AS source
FROM _dialogue d, LATERAL (SELECT unnest(range(1, greatest(len(d.input), len(d.output)) + 1)) AS i) r
ORDER BY sample_id, turn_index;

-- dataset/text/sample: JSON lines {text, labels} (attribute-classifier format).
CREATE TABLE sample_texts AS
SELECT row_number() OVER ()::INTEGER AS sample_id, text, labels AS label,
       'raw/dataset/text/sample line ' || row_number() OVER () AS source
FROM read_json('{{raw}}/dataset/text/sample', format = 'newline_delimited', columns = {'text': 'VARCHAR', 'labels': 'INTEGER'});

-- dataset/sample_topics: one quoted persona sentence per line.
CREATE TABLE sample_topics AS
SELECT row_number() OVER ()::INTEGER AS topic_id, topic, 'raw/dataset/sample_topics line ' || row_number() OVER () AS source
FROM read_csv('{{raw}}/dataset/sample_topics', header = false, delim = '\t', quote = '"', columns = {'topic': 'VARCHAR'});
