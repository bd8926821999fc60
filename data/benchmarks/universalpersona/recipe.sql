-- UniversalPersona (uclanlp/persona-biases @ 3469ec9b14d9): the persona inventory of the released scripts, extracted in
-- shared/data/universalpersona from the string literals of constants.py (PERSONAS_DICT = generic personas,
-- EXPLICIT_PERSONAS_DICT = specific personas). No results were released.

CREATE TABLE personas AS
SELECT row_number() OVER ()::INTEGER AS persona_id,
       persona_type,
       source_dict,
       nullif(group_comment, '') AS group_comment,
       nullif(regexp_extract(group_comment, '^(male|female) ', 1), '') AS figure_gender,
       nullif(regexp_extract(group_comment, '^(?:male|female) (.+)$', 1), '') AS figure_ideology,
       key,
       persona_text,
       'derived/universalpersona_personas_from_constants.csv row ' || row_number() OVER () AS source
FROM read_csv('{{here}}/derived/universalpersona_personas_from_constants.csv', header = true, all_varchar = true,
              columns = {'persona_type': 'VARCHAR', 'source_dict': 'VARCHAR', 'group_comment': 'VARCHAR', 'key': 'VARCHAR', 'persona_text': 'VARCHAR'});

-- Personas per type and group (as commented in constants.py; the first 20 generic personas carry no comment).
CREATE TABLE persona_groups AS
SELECT persona_type, source_dict, coalesce(group_comment, '(no comment in source)') AS group_comment,
       count(*)::INTEGER AS personas, min(persona_id) AS first_persona_id,
       string_agg(key, ', ' ORDER BY persona_id) AS keys
FROM personas GROUP BY ALL ORDER BY first_persona_id;
