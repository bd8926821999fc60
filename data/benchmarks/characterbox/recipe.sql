-- CharacterBox (Paitesanshi/CharacterBox @ 5c19141): 10 works × 2 scene sets (extracted_scenes/, generated_data/),
-- each file {title, scenes: [{id, event, time, location, description, characters[], actions[], plot, chunk{id, text}}]}.
-- chunk.text is verbatim novel/script text (third-party copyright): it is read only to count its length and
-- never copied into a published table.

CREATE TABLE _files AS
SELECT regexp_extract(filename, 'data/([^/]+)/[^/]+\.json$', 1) AS variant,
       title AS work,
       regexp_extract(filename, '(raw/data/.*)$', 1) AS source,
       json_extract(scenes, '$[*]') AS scenes
FROM read_json('{{raw}}/data/*/*.json', filename = true, format = 'auto', columns = {title: 'VARCHAR', scenes: 'JSON'});

CREATE TABLE _scenes AS
SELECT f.variant, f.work, f.source, i.idx::INTEGER AS scene_position, f.scenes[i.idx] AS s
FROM _files f, LATERAL (SELECT unnest(range(1, len(f.scenes) + 1)) AS idx) i;

CREATE TABLE scenes AS
SELECT variant || '/' || work || '#' || CAST(s->>'id' AS INTEGER) AS scene_key,
       variant,
       work,
       CAST(s->>'id' AS INTEGER) AS scene_id,
       s->>'event' AS event,
       s->>'time' AS time,
       s->>'location' AS location,
       s->>'description' AS description,
       s->>'plot' AS plot,
       CAST(s->'chunk'->>'id' AS INTEGER) AS chunk_id,
       length(s->'chunk'->>'text')::INTEGER AS chunk_chars,
       json_array_length(s->'characters')::INTEGER AS n_characters,
       json_array_length(s->'actions')::INTEGER AS n_actions,
       source
FROM _scenes
ORDER BY variant, work, scene_id;

CREATE TABLE _characters AS
SELECT sc.variant, sc.work, CAST(sc.s->>'id' AS INTEGER) AS scene_id, i.idx::INTEGER AS position, sc.chars[i.idx] AS c
FROM (SELECT *, json_extract(s, '$.characters[*]') AS chars FROM _scenes) sc,
     LATERAL (SELECT unnest(range(1, len(sc.chars) + 1)) AS idx) i;

CREATE TABLE characters AS
SELECT variant || '/' || work || '#' || scene_id AS scene_key,
       variant, work, scene_id,
       CAST(c->>'id' AS INTEGER) AS character_id,
       c->>'name' AS name,
       c->>'gender' AS gender,
       c->>'description' AS description,
       c->>'position' AS position,
       c->>'states' AS states,
       c->>'dialogue' AS dialogue
FROM _characters
ORDER BY variant, work, scene_id, character_id;

CREATE TABLE _actions AS
SELECT sc.variant, sc.work, CAST(sc.s->>'id' AS INTEGER) AS scene_id, i.idx::INTEGER AS position, sc.acts[i.idx] AS a
FROM (SELECT *, json_extract(s, '$.actions[*]') AS acts FROM _scenes) sc,
     LATERAL (SELECT unnest(range(1, len(sc.acts) + 1)) AS idx) i;

CREATE TABLE actions AS
SELECT variant || '/' || work || '#' || scene_id AS scene_key,
       variant, work, scene_id,
       CAST(a->>'action_id' AS INTEGER) AS action_id,
       CAST(a->>'character_id' AS INTEGER) AS character_id,
       a->>'character' AS character,
       a->>'action' AS action,
       a->>'dialogue' AS dialogue,
       trim(a->>'dialogue') NOT IN ('', 'None', 'none', 'N/A', '无') AS has_dialogue,
       a->>'description' AS description
FROM _actions
ORDER BY variant, work, scene_id, action_id;

CREATE TABLE works AS
SELECT s.variant,
       s.work,
       CASE WHEN regexp_matches(s.work, '[\x{4e00}-\x{9fff}]') THEN 'zh' ELSE 'en' END AS language,
       count(*)::INTEGER AS scenes,
       sum(s.n_characters)::INTEGER AS characters,
       sum(s.n_actions)::INTEGER AS actions,
       count(DISTINCT s.chunk_id)::INTEGER AS chunks,
       (SELECT count(DISTINCT c.name) FROM characters c WHERE c.variant = s.variant AND c.work = s.work)::INTEGER AS distinct_character_names,
       min(s.source) AS source
FROM scenes s
GROUP BY s.variant, s.work
ORDER BY s.variant, language, s.work;
