-- Search over Chinese text: most words are two characters, which a trigram index cannot narrow.
-- We index the 1- and 2-character grams of a normalised key with GIN and recheck with LIKE.
CREATE OR REPLACE FUNCTION search_grams(key text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT gram), '{}'::text[])
  FROM (
    SELECT substr(key, i, 1) AS gram FROM generate_series(1, char_length(key)) AS i
    UNION ALL
    SELECT substr(key, i, 2) FROM generate_series(1, char_length(key) - 1) AS i
  ) AS grams
  WHERE gram !~ '\s'
$$;
--> statement-breakpoint
-- The role the public read path runs as: it is granted the disclosure projection and nothing else.
-- Roles are cluster-wide, so several databases on one server share it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'disclosure_reader') THEN
    CREATE ROLE disclosure_reader NOLOGIN;
  END IF;
END
$$;
