-- check: 162 personas: 73 generic (PERSONAS_DICT) and 89 specific (EXPLICIT_PERSONAS_DICT), as SOURCES.md counts them
SELECT persona_type, source_dict, count(*) AS n FROM personas GROUP BY ALL
HAVING count(*) <> CASE WHEN persona_type = 'generic' AND source_dict = 'PERSONAS_DICT' THEN 73
                        WHEN persona_type = 'specific' AND source_dict = 'EXPLICIT_PERSONAS_DICT' THEN 89 END OR count(*) IS NULL
UNION ALL SELECT 'all', NULL, count(*) FROM personas HAVING count(*) <> 162;

-- check: generic groups as SOURCES.md lists them: 20 uncommented (race, sexuality, class, gender) + 6 education + 17 industry + 7 religion + 8 political ideology + 15 disability
SELECT group_comment, personas FROM persona_groups WHERE persona_type = 'generic' AND personas <> CASE group_comment
  WHEN '(no comment in source)' THEN 20 WHEN 'By education level' THEN 6 WHEN 'By professional position' THEN 17
  WHEN 'By Religious Belief' THEN 7 WHEN 'By Political Ideology' THEN 8 WHEN 'By Disabilities' THEN 15 ELSE -1 END;

-- check: specific personas: 50 occupations + 12 names from countries + 27 political figures (the male/female × ideology groups)
SELECT 'occupations', count(*) FROM personas WHERE persona_type = 'specific' AND group_comment = 'By professional position' HAVING count(*) <> 50
UNION ALL SELECT 'names from countries', count(*) FROM personas WHERE group_comment = 'names from countries' HAVING count(*) <> 12
UNION ALL SELECT 'political figures', count(*) FROM personas WHERE figure_gender IS NOT NULL HAVING count(*) <> 27
UNION ALL SELECT 'specific rows outside these groups', count(*) FROM personas
  WHERE persona_type = 'specific' AND NOT (group_comment IN ('By professional position', 'names from countries') OR figure_gender IS NOT NULL) HAVING count(*) > 0;

-- check: keys and persona texts are unique, and every persona text is a first-person "i am …" statement
SELECT key, count(*) FROM personas GROUP BY key HAVING count(*) > 1
UNION ALL SELECT persona_text, count(*) FROM personas GROUP BY persona_text HAVING count(*) > 1
UNION ALL SELECT persona_text, NULL FROM personas WHERE NOT starts_with(lower(persona_text), 'i am ');

-- check: group counts add up to the persona table
SELECT sum(personas) FROM persona_groups HAVING sum(personas) <> (SELECT count(*) FROM personas);
