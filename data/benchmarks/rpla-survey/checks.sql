-- check: 178 listed items, ids unique, every title non-empty
SELECT 'rows' AS what, count(*) AS n FROM papers HAVING count(*) <> 178 OR count(DISTINCT paper_id) <> count(*)
UNION ALL SELECT 'empty title ' || paper_id, NULL FROM papers WHERE title IS NULL OR trim(title) = '';

-- check: items per section and subsection as SOURCES.md counts them (Characters 64, Demographics 10, Personalization 18, Multi Agents 27, GUI Agents 2, Personality Traits 17, Social Intelligence & ToM 10, Others 7, Resources 5, Blogs 9, Papers 9)
SELECT section, subsection, count(*) AS n FROM papers GROUP BY ALL
HAVING count(*) <> CASE
  WHEN section LIKE '%Role-Playing' AND subsection LIKE '%Characters' THEN 64
  WHEN section LIKE '%Role-Playing' AND subsection LIKE '%Demographics' THEN 10
  WHEN section LIKE '%Role-Playing' AND subsection LIKE '%Personalization' THEN 18
  WHEN section LIKE '%Multi Agents' THEN 27
  WHEN section LIKE '%GUI Agents for Games' THEN 2
  WHEN section LIKE '%Anthropomorphic Cognition' AND subsection LIKE '%Personality Traits' THEN 17
  WHEN section LIKE '%Anthropomorphic Cognition' AND subsection LIKE '%Social Intelligence & Theory-of-Mind' THEN 10
  WHEN section LIKE '%Anthropomorphic Cognition' AND subsection LIKE '%Others' THEN 7
  WHEN section LIKE '%Others' AND subsection LIKE '%Resources' THEN 5
  WHEN section LIKE '%Others' AND subsection LIKE '%Blogs' THEN 9
  WHEN section LIKE '%Others' AND subsection LIKE '%Papers' THEN 9
END OR count(*) IS NULL
UNION ALL SELECT 'groups', NULL, count(*) FROM (SELECT DISTINCT section, subsection FROM papers) HAVING count(*) <> 11;

-- check: every row ties to its own README list item, in README order, and every README list item is covered
SELECT paper_id, readme_line FROM papers WHERE readme_line IS NULL
UNION ALL SELECT paper_id, readme_line FROM (SELECT paper_id, readme_line, lag(readme_line) OVER (ORDER BY paper_id) AS prev FROM papers) WHERE readme_line <= prev
UNION ALL SELECT NULL, line FROM _readme_items WHERE line NOT IN (SELECT readme_line FROM papers WHERE readme_line IS NOT NULL);

-- check: where the derived list has a link or authors, the README item says exactly the same
SELECT l.paper_id, l.url, f.readme_url, l.authors, f.readme_authors
FROM _list l JOIN _matched m USING (paper_id) JOIN _readme_fields f ON f.line = m.line
WHERE (nullif(l.url, '') IS NOT NULL AND l.url IS DISTINCT FROM f.readme_url)
   OR (nullif(l.authors, '') IS NOT NULL AND l.authors IS DISTINCT FROM f.readme_authors);

-- check: the derived list leaves 14 links empty (SOURCES.md); the README gives a link for all but the items that truly have none
SELECT 'empty links in derived list', count(*) FROM _list WHERE nullif(url, '') IS NULL HAVING count(*) <> 14
UNION ALL SELECT 'still without link but README block has one: ' || p.paper_id, NULL FROM papers p JOIN _readme_fields f ON f.line = p.readme_line
WHERE p.url IS NULL AND f.readme_url IS NOT NULL;

-- check: arXiv ids are well-formed and times_listed counts the rows sharing a title
SELECT paper_id, arxiv_id FROM papers WHERE arxiv_id IS NOT NULL AND NOT regexp_matches(arxiv_id, '^\d{4}\.\d{4,5}$')
UNION ALL SELECT min(paper_id), NULL FROM papers GROUP BY title HAVING count(*) <> min(times_listed) OR count(*) <> max(times_listed);
