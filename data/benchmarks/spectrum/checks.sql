-- check: 45 characters with distinct ids 0–44, each with a TV show and a name
SELECT count(*) AS n, count(DISTINCT character_id) AS ids, min(character_id) AS lo, max(character_id) AS hi FROM characters
HAVING count(*) <> 45 OR count(DISTINCT character_id) <> 45 OR min(character_id) <> 0 OR max(character_id) <> 44
UNION ALL SELECT character_id, NULL, NULL, NULL FROM characters WHERE coalesce(tv_show, '') = '' OR coalesce("character", '') = '';

-- check: 225 profiles = 45 characters × the 5 components, every one naming a known character and component, none empty
SELECT 'profiles' AS what, count(*) AS n FROM profiles HAVING count(*) <> 225
UNION ALL SELECT 'character ' || character_id, count(DISTINCT component) FROM profiles GROUP BY character_id HAVING count(DISTINCT component) <> 5 OR count(*) <> 5
UNION ALL SELECT 'unknown character or component: ' || source, 0 FROM profiles WHERE tv_show IS NULL OR dimension IS NULL
UNION ALL SELECT 'empty: ' || source, n_chars FROM profiles WHERE trim(text) = '';

-- check: 15 prompt templates (12 profile-generation, 3 evaluation), none empty — with the profiles, the 240 files of raw/
SELECT stage, count(*) FROM prompt_templates GROUP BY stage
HAVING count(*) <> CASE stage WHEN 'profile_generation_template' THEN 12 WHEN 'eval_template' THEN 3 END
UNION ALL SELECT 'total', count(*) FROM prompt_templates HAVING count(*) <> 15
UNION ALL SELECT template, 0 FROM prompt_templates WHERE trim(text) = '';

-- check: every social-identity profile parses into "- attribute: value" lines, with the 17 attributes every character has
SELECT character_id, count(*) AS n FROM social_identity GROUP BY character_id HAVING count(DISTINCT attribute) < 17 OR count(*) <> count(DISTINCT attribute)
UNION ALL SELECT character_id, attribute_index FROM social_identity WHERE coalesce(attribute, '') = '' OR value IS NULL
UNION ALL SELECT count(DISTINCT character_id), NULL FROM social_identity HAVING count(DISTINCT character_id) <> 45
UNION ALL SELECT l.character_id, l.line_no FROM _s_lines l WHERE l.line <> '' AND l.line NOT LIKE '- %'
  AND l.line NOT IN ('Profile:', '[Demographics]', '[Demographics] Demographics describe who this character is.');

-- check: every character lists exactly 5 things loved and 5 hated, ranked 1–5, none empty
SELECT character_id, kind, count(*) FROM loves_hates GROUP BY character_id, kind HAVING count(*) <> 5 OR max("rank") <> 5
UNION ALL SELECT count(DISTINCT character_id), 'characters with both lists', NULL FROM loves_hates HAVING count(*) <> 450
UNION ALL SELECT character_id, kind, "rank" FROM loves_hates WHERE kind NOT IN ('loves', 'hates') OR coalesce(item, '') = '';
