-- check: the three abstract numbers of SOURCES.md become three claims, each with a non-empty text
SELECT count(*) FROM claims HAVING count(*) <> 3
UNION ALL SELECT 1 FROM claims WHERE claim IS NULL OR trim(claim) = '';

-- check: every value that reads as a number becomes the claim's value (only "over half a million" stays empty)
SELECT a.value FROM _abstract a WHERE TRY_CAST(a.value AS DOUBLE) IS NULL AND a.value <> 'over half a million'
UNION ALL SELECT c.claim FROM claims c WHERE c.value IS NULL AND c.claim NOT LIKE '%over half a million%';

-- check: multipliers are positive
SELECT * FROM claims WHERE value IS NOT NULL AND value <= 0;
