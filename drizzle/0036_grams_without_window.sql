-- The same grams, in the same order, about a quarter faster (11,656 documents: 1.8 s -> 1.3 s):
-- each character is paired with the next by unnesting the character array beside itself shifted by
-- one, where the window function lead() sorted every key's characters by position first. Every
-- stored search document's grams and every GIN entry of both search tables depend on it, so a
-- bulk load (seed:scale) and each written text spend less time here.
CREATE OR REPLACE FUNCTION search_grams(key text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT gram), '{}'::text[])
  FROM (SELECT string_to_array(key, NULL) AS characters) AS k,
  LATERAL (
    SELECT character AS gram FROM unnest(k.characters) AS character
    UNION ALL
    SELECT character || next
    FROM unnest(k.characters[1:cardinality(k.characters) - 1], k.characters[2:cardinality(k.characters)]) AS pairs(character, next)
  ) AS grams
  WHERE gram !~ '\s'
$$;
