-- check: every file has the scene, character and action counts documented in SOURCES.md
WITH expected(variant, work, scenes, characters, actions) AS (VALUES
  ('extracted_scenes', 'A_Song_of_Ice_and_Fire', 55, 135, 153), ('extracted_scenes', 'Harry_Potter', 70, 171, 178),
  ('extracted_scenes', 'The_Lord_of_the_Rings', 56, 163, 172), ('extracted_scenes', 'The_Matrix', 55, 157, 185),
  ('extracted_scenes', 'Twilight', 52, 148, 158), ('extracted_scenes', '三国演义', 51, 130, 136),
  ('extracted_scenes', '笑傲江湖', 51, 155, 163), ('extracted_scenes', '红楼梦', 55, 149, 152),
  ('extracted_scenes', '西游记', 46, 120, 131), ('extracted_scenes', '还珠格格', 50, 141, 148),
  ('generated_data', 'A_Song_of_Ice_and_Fire', 50, 117, 117), ('generated_data', 'Harry_Potter', 50, 121, 119),
  ('generated_data', 'The_Lord_of_the_Rings', 51, 113, 107), ('generated_data', 'The_Matrix', 53, 137, 143),
  ('generated_data', 'Twilight', 50, 92, 91), ('generated_data', '三国演义', 57, 109, 106),
  ('generated_data', '笑傲江湖', 53, 109, 114), ('generated_data', '红楼梦', 50, 112, 107),
  ('generated_data', '西游记', 52, 110, 107), ('generated_data', '还珠格格', 51, 129, 126))
SELECT coalesce(e.variant, w.variant) AS variant, coalesce(e.work, w.work) AS work,
       e.scenes AS exp_scenes, w.scenes, e.characters AS exp_characters, w.characters, e.actions AS exp_actions, w.actions
FROM expected e FULL JOIN works w ON e.variant = w.variant AND e.work = w.work
WHERE e.scenes IS DISTINCT FROM w.scenes OR e.characters IS DISTINCT FROM w.characters OR e.actions IS DISTINCT FROM w.actions;

-- check: each file's title is its file name, 5 English and 5 Chinese works in each of the two scene sets
SELECT variant, work, source FROM works WHERE source NOT LIKE '%/' || variant || '/' || work || '.json'
UNION ALL SELECT variant, language, count(*)::VARCHAR FROM works GROUP BY ALL HAVING count(*) <> 5;

-- check: scene ids run 0..n-1 in file order within each file, so scene_key is unique
SELECT variant, work, scene_position, s->>'id' AS id FROM _scenes WHERE CAST(s->>'id' AS INTEGER) <> scene_position - 1
UNION ALL SELECT variant, work, NULL, scene_key FROM scenes GROUP BY ALL HAVING count(*) > 1;

-- check: character ids are unique within a scene and action ids run 0..n-1 within a scene
SELECT scene_key, 'character ' || character_id AS what FROM characters GROUP BY scene_key, character_id HAVING count(*) > 1
UNION ALL SELECT variant || '/' || work || '#' || scene_id, 'action position ' || position FROM _actions
  WHERE CAST(a->>'action_id' AS INTEGER) <> position - 1;

-- check: every action's character_id is a character of its scene
SELECT a.* FROM actions a ANTI JOIN characters c ON c.scene_key = a.scene_key AND c.character_id = a.character_id;

-- check: an action names the character its character_id points to, except the one release slip documented below
SELECT a.scene_key, a.action_id, a.character, c.name
FROM actions a JOIN characters c ON c.scene_key = a.scene_key AND c.character_id = a.character_id
WHERE a.character <> c.name AND NOT (a.scene_key = 'generated_data/The_Matrix#47' AND a.character = 'Choi');

-- check: the documented slip is still the only one: in generated_data/The_Matrix scene 47 character 1 is named " Choi" (leading space) and its action says "Choi"
SELECT 'changed' AS problem FROM actions a JOIN characters c ON c.scene_key = a.scene_key AND c.character_id = a.character_id
WHERE a.scene_key = 'generated_data/The_Matrix#47' AND a.character = 'Choi'
HAVING count(*) <> 1 OR bool_or(c.name <> ' Choi');

-- check: JSON objects have only the documented keys (scene: 9 keys, all present; a character may lack gender or carry dialogue; an action may carry description)
SELECT 'scene' AS what, variant || '/' || work AS file, k FROM (SELECT variant, work, unnest(json_keys(s)) AS k FROM _scenes)
  WHERE k NOT IN ('id', 'event', 'time', 'location', 'description', 'characters', 'actions', 'plot', 'chunk')
UNION ALL SELECT 'scene missing keys', variant || '/' || work || '#' || (s->>'id'), len(json_keys(s))::VARCHAR FROM _scenes WHERE len(json_keys(s)) <> 9
UNION ALL SELECT 'chunk', variant || '/' || work, k FROM (SELECT variant, work, unnest(json_keys(s->'chunk')) AS k FROM _scenes) WHERE k NOT IN ('id', 'text')
UNION ALL SELECT 'character', variant || '/' || work, k FROM (SELECT variant, work, unnest(json_keys(c)) AS k FROM _characters)
  WHERE k NOT IN ('id', 'name', 'gender', 'description', 'position', 'states', 'dialogue')
UNION ALL SELECT 'action', variant || '/' || work, k FROM (SELECT variant, work, unnest(json_keys(a)) AS k FROM _actions)
  WHERE k NOT IN ('action_id', 'character', 'character_id', 'action', 'dialogue', 'description');

-- check: the irregular fields occur exactly as found in the release: 4 characters without gender, 2 with dialogue, 2 actions with description
SELECT 'characters without gender' AS what, count(*) FROM characters WHERE gender IS NULL HAVING count(*) <> 4
UNION ALL SELECT 'characters with dialogue', count(*) FROM characters WHERE dialogue IS NOT NULL HAVING count(*) <> 2
UNION ALL SELECT 'actions with description', count(*) FROM actions WHERE description IS NOT NULL HAVING count(*) <> 2;

-- check: no scene lacks its event, location, description, plot or source passage, and every scene has a character
SELECT scene_key FROM scenes
WHERE coalesce(trim(event), '') = '' OR coalesce(trim(location), '') = '' OR coalesce(trim(description), '') = ''
   OR coalesce(trim(plot), '') = '' OR chunk_id IS NULL OR coalesce(chunk_chars, 0) = 0 OR n_characters = 0;
