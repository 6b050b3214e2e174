-- The same grams as before, found in one pass: substr(key, i, n) walks a multibyte string from its
-- start at every position, so a key of n characters took O(n²) (a 60,000-character published text:
-- ~68 s to store on PGlite). string_to_array(key, NULL) splits it into characters once.
CREATE OR REPLACE FUNCTION search_grams(key text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT gram), '{}'::text[])
  FROM (
    SELECT character AS gram FROM unnest(string_to_array(key, NULL)) AS character
    UNION ALL
    SELECT character || next FROM (
      SELECT character, lead(character) OVER (ORDER BY position) AS next
      FROM unnest(string_to_array(key, NULL)) WITH ORDINALITY AS characters(character, position)
    ) AS pairs
    WHERE next IS NOT NULL
  ) AS grams
  WHERE gram !~ '\s'
$$;
