-- check: the transcription has the 11 headline rows SOURCES.md lists, and every "same" source resolves to a URL of an earlier row
SELECT 'rows' AS what, count(*) AS n FROM _headline_resolved HAVING count(*) <> 11
UNION ALL SELECT 'row ' || row_no, NULL FROM _headline_resolved WHERE url IS NULL OR url NOT LIKE 'https://%' OR quantity IS NULL OR value IS NULL;

-- check: one claim per row with text and source; plain numbers (with an optional sign) get a numeric value, bounds such as "< 0.01" do not
SELECT 'claims' AS what, count(*) AS n FROM claims HAVING count(*) <> (SELECT count(*) FROM _headline)
UNION ALL SELECT claim, value FROM claims WHERE claim IS NULL OR source IS NULL
UNION ALL SELECT h.value, NULL FROM _headline h
WHERE regexp_matches(h.value, '^[+-]?[0-9.]+$') <> ((SELECT c.value FROM claims c WHERE c.source LIKE '%row ' || h.row_no) IS NOT NULL);

-- check: the published version's 95% CI brackets its point estimate (81.2% within [+26.0%, +160.7%])
SELECT lo.value AS lower, pt.value AS estimate, hi.value AS upper
FROM (SELECT TRY_CAST(ltrim(value, '+') AS DOUBLE) AS value FROM _headline WHERE quantity = '95% CI lower') lo,
     (SELECT TRY_CAST(value AS DOUBLE) AS value FROM _headline WHERE quantity = 'relative increase in odds of higher post-debate agreement') pt,
     (SELECT TRY_CAST(ltrim(value, '+') AS DOUBLE) AS value FROM _headline WHERE quantity = '95% CI upper') hi
WHERE NOT (lo.value < pt.value AND pt.value < hi.value);
