-- check: the transcription has the 4 headline rows SOURCES.md lists, each with a quantity, value and source URL
SELECT 'rows' AS what, count(*) AS n FROM _headline HAVING count(*) <> 4
UNION ALL SELECT 'row ' || row_no, NULL FROM _headline WHERE quantity IS NULL OR value IS NULL OR source_url NOT LIKE 'https://%';

-- check: one claim per row, each with text and a source; every value written as a number (or "N out of M") has a numeric value
SELECT claim, value, source FROM claims WHERE claim IS NULL OR source IS NULL
UNION ALL SELECT 'claims', count(*), NULL FROM claims HAVING count(*) <> (SELECT count(*) FROM _headline)
UNION ALL SELECT h.value, NULL, 'row ' || h.row_no FROM _headline h
WHERE regexp_matches(h.value, '^[0-9.]+$|^\d+ out of \d+$')
  AND (SELECT c.value FROM claims c WHERE c.source LIKE '%row ' || h.row_no) IS NULL;
