-- SPeCtrum (keyeun/spectrum-framework-llm @ 5123f74): 45 TV characters × 5 profile components, and 15 prompt templates.

-- Character ids → TV show and character, our transcription of the README table at this commit.
CREATE TABLE characters AS
SELECT id::INTEGER AS character_id, tv_show, "character", 'derived/spectrum_character_ids.csv' AS source
FROM read_csv('{{here}}/derived/spectrum_character_ids.csv', header = true,
              columns = {'id': 'INTEGER', 'tv_show': 'VARCHAR', 'character': 'VARCHAR'})
ORDER BY character_id;

CREATE TABLE _components AS
SELECT * FROM (VALUES
  ('S', 'S', 'Social identity: demographics'),
  ('P_personality', 'P', 'Personal identity: Big Five personality (BFI-2-S) description'),
  ('P_value', 'P', 'Personal identity: values (PVQ) description'),
  ('C_behavior', 'C', 'Personal life context: typical weekday and weekend'),
  ('C_lovehate', 'C', 'Personal life context: five things loved and five hated')
) t(component, dimension, component_name);

-- Profiles: data/profile_result/<id>_<component>.txt, read whole.
CREATE TABLE _profile_files AS
SELECT regexp_extract(filename, '/(\d+)_([A-Za-z_]+)\.txt$', 1)::INTEGER AS character_id,
       regexp_extract(filename, '/(\d+)_([A-Za-z_]+)\.txt$', 2) AS component,
       content AS text,
       regexp_extract(filename, '(raw/data/profile_result/[^/]+)$', 1) AS source
FROM read_text('{{raw}}/data/profile_result/*.txt');

CREATE TABLE profiles AS
SELECT f.character_id, c.tv_show, c."character", f.component, k.dimension, k.component_name, f.text,
       length(f.text)::INTEGER AS n_chars, f.source
FROM _profile_files f
LEFT JOIN characters c USING (character_id)
LEFT JOIN _components k USING (component)
ORDER BY f.character_id, f.component;

-- Social identity: the "- Attribute: value" lines of each S profile. Some attributes carry "(if relevant)".
CREATE TABLE _s_lines AS
SELECT p.character_id, i::INTEGER AS line_no, trim(lines[i]) AS line
FROM (SELECT character_id, string_split(replace(text, chr(13), ''), chr(10)) AS lines FROM _profile_files WHERE component = 'S') p,
     LATERAL (SELECT unnest(range(1, len(p.lines) + 1)) AS i) r;

CREATE TABLE social_identity AS
SELECT character_id, row_number() OVER (PARTITION BY character_id ORDER BY line_no)::INTEGER AS attribute_index,
       trim(regexp_replace(regexp_extract(line, '^- ([^:]+):', 1), '\s*\(if relevant\)\s*$', '')) AS attribute,
       regexp_extract(line, '^- ([^:]+):', 1) AS attribute_raw,
       trim(regexp_extract(line, '^- [^:]+:(.*)$', 1)) AS value,
       'raw/data/profile_result/' || character_id || '_S.txt' AS source
FROM _s_lines WHERE line LIKE '- %'
ORDER BY character_id, attribute_index;

-- Loves and hates: "- item" lines under "[Top 5 Things this character loves|hates]".
CREATE TABLE _lh_lines AS
SELECT p.character_id, i::INTEGER AS line_no, trim(lines[i]) AS line
FROM (SELECT character_id, string_split(replace(text, chr(13), ''), chr(10)) AS lines FROM _profile_files WHERE component = 'C_lovehate') p,
     LATERAL (SELECT unnest(range(1, len(p.lines) + 1)) AS i) r;

CREATE TABLE _lh_tagged AS
SELECT *, max(CASE WHEN line LIKE '[Top 5 Things this character %]' THEN line_no END)
            OVER (PARTITION BY character_id ORDER BY line_no ROWS UNBOUNDED PRECEDING) AS header_line
FROM _lh_lines;

CREATE TABLE loves_hates AS
SELECT t.character_id, regexp_extract(h.line, '^\[Top 5 Things this character (\w+)\]$', 1) AS kind,
       row_number() OVER (PARTITION BY t.character_id, t.header_line ORDER BY t.line_no)::INTEGER AS "rank",
       trim(substr(t.line, 3)) AS item,
       'raw/data/profile_result/' || t.character_id || '_C_lovehate.txt' AS source
FROM _lh_tagged t JOIN _lh_lines h ON h.character_id = t.character_id AND h.line_no = t.header_line
WHERE t.line LIKE '- %'
ORDER BY character_id, kind DESC, "rank";

-- Prompt templates (small text files): profile generation and evaluation.
CREATE TABLE prompt_templates AS
SELECT regexp_extract(filename, '/([^/]+)\.txt$', 1) AS template,
       regexp_extract(filename, '/prompts/([^/]+)/', 1) AS stage,
       CASE WHEN regexp_extract(filename, '/([^/]+)\.txt$', 1) LIKE '%\_sys' ESCAPE '\' THEN 'system' ELSE 'user' END AS role,
       content AS text,
       regexp_extract(filename, '(raw/data/prompts/.*)$', 1) AS source
FROM read_text('{{raw}}/data/prompts/*/*.txt')
ORDER BY stage, template;
