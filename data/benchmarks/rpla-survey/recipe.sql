-- RPLA survey (Neph0s/awesome-llm-role-playing-with-persona @ 99694e0d9d66): the survey authors' curated paper list.
-- The table is our parse of the README (derived/paper_list.csv); the staged README is read too, to tie every row
-- back to the README line it was parsed from.

CREATE TABLE _list AS
SELECT row_number() OVER ()::INTEGER AS paper_id, *
FROM read_csv('{{here}}/derived/paper_list.csv', header = true, all_varchar = true,
              columns = {'section': 'VARCHAR', 'subsection': 'VARCHAR', 'title': 'VARCHAR', 'authors': 'VARCHAR', 'url': 'VARCHAR', 'venue_or_date': 'VARCHAR'});

-- README lines, numbered from 1.
CREATE TABLE _readme AS
SELECT l.line::INTEGER AS line, f.lines[l.line] AS text
FROM (SELECT string_split(content, chr(10)) AS lines FROM read_text('{{raw}}/README.md')) f,
     LATERAL (SELECT unnest(range(1, len(f.lines) + 1)) AS line) l;

-- List items of the paper sections: bold bullet lines after the first section heading ("### 🧙 Role-Playing";
-- the bullets above it are the News items).
CREATE TABLE _readme_items AS
SELECT line, text FROM _readme
WHERE regexp_matches(text, '^-\s+\*\*')
  AND line > (SELECT min(line) FROM _readme WHERE starts_with(text, '### ') AND text LIKE '%Role-Playing%');

-- Each list row ↔ the README item that holds its title: the k-th listing of a title is the k-th README item containing it.
CREATE TABLE _matched AS
SELECT l.paper_id, i.line
FROM (SELECT paper_id, title, row_number() OVER (PARTITION BY title ORDER BY paper_id) AS k FROM _list) l
JOIN (SELECT l2.title, i2.line, row_number() OVER (PARTITION BY l2.title ORDER BY i2.line) AS k
      FROM (SELECT DISTINCT title FROM _list) l2 JOIN _readme_items i2 ON strpos(i2.text, l2.title) > 0) i
  ON i.title = l.title AND i.k = l.k;

-- Each item's README block: its bullet line and the lines up to the next bullet, joined with spaces.
CREATE TABLE _blocks AS
SELECT i.line, string_agg(trim(r.text), ' ' ORDER BY r.line) AS block
FROM (SELECT i0.line,
             (SELECT min(b.line) FROM _readme b
              WHERE b.line > i0.line AND (regexp_matches(b.text, '^-\s+\*\*') OR regexp_matches(b.text, '^(#|\*|---)'))) AS next_line
      FROM _readme_items i0) i
JOIN _readme r ON r.line >= i.line AND r.line < i.next_line AND trim(r.text) NOT IN ('', '-')
GROUP BY i.line;

-- What the README block says, parsed independently of derived/paper_list.csv:
--   first link target; authors (the italic line after the bold title); the trailing venue/date text after the last link or the authors.
CREATE TABLE _readme_fields AS
SELECT line, block,
       nullif(regexp_extract(block, '\]\((https?://[^)\s]+)\)', 1), '') AS readme_url,
       nullif(trim(regexp_extract(block, '\*\*\s+\*([^*\[]+?)\.?[*'']\s*,?\s*(?:\[|,|$)', 1)), '') AS readme_authors,
       nullif(trim(regexp_replace(regexp_replace(
                 regexp_extract(block, '(?:\)\]?|\]\*\*|\.\*|\*)\s*,\s*([^()\[\]*]+)$', 1),
                 '\s*Tags:.*$', ''), '\.$', '')), '') AS readme_venue_or_date
FROM _blocks;

-- The list as derived, with the fields its parse missed filled from the README block (named in filled_from_readme):
-- blog entries whose title is a markdown link "[[title](url)]", links written "[[abs]](url)", dates after the authors, and
-- authors closed with a quote instead of "*".
CREATE TABLE papers AS
SELECT l.paper_id,
       l.section,
       nullif(l.subsection, '') AS subsection,
       coalesce(nullif(regexp_extract(l.title, '^\[\[(.*)\]\(https?://[^)]+\)\]$', 1), ''), l.title) AS title,
       coalesce(nullif(l.authors, ''), f.readme_authors) AS authors,
       coalesce(nullif(l.url, ''), f.readme_url) AS url,
       nullif(regexp_extract(coalesce(nullif(l.url, ''), f.readme_url), 'arxiv\.org/(?:abs|pdf)/(\d{4}\.\d{4,5})', 1), '') AS arxiv_id,
       coalesce(nullif(l.venue_or_date, ''), f.readme_venue_or_date) AS venue_or_date,
       TRY_CAST(nullif(regexp_extract(coalesce(nullif(l.venue_or_date, ''), f.readme_venue_or_date), '((?:19|20)\d\d)', 1), '') AS INTEGER) AS year,
       count(*) OVER (PARTITION BY coalesce(nullif(regexp_extract(l.title, '^\[\[(.*)\]\(https?://[^)]+\)\]$', 1), ''), l.title))::INTEGER AS times_listed,
       nullif(concat_ws(', ',
         CASE WHEN regexp_matches(l.title, '^\[\[.*\]\(https?://[^)]+\)\]$') THEN 'title' END,
         CASE WHEN nullif(l.authors, '') IS NULL AND f.readme_authors IS NOT NULL THEN 'authors' END,
         CASE WHEN nullif(l.url, '') IS NULL AND f.readme_url IS NOT NULL THEN 'url' END,
         CASE WHEN nullif(l.venue_or_date, '') IS NULL AND f.readme_venue_or_date IS NOT NULL THEN 'venue_or_date' END), '') AS filled_from_readme,
       m.line AS readme_line,
       'derived/paper_list.csv row ' || l.paper_id || '; raw/README.md line ' || coalesce(m.line::VARCHAR, '?') AS source
FROM _list l
LEFT JOIN _matched m USING (paper_id)
LEFT JOIN _readme_fields f ON f.line = m.line
ORDER BY l.paper_id;
