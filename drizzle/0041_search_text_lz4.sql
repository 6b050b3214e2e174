-- A search document's key and grams are compressed with lz4 instead of pglz where the server has it
-- (PostgreSQL built --with-lz4, as the Debian and official images are; PGlite is not, and keeps
-- pglz). Every public document and most search documents are over the 2 kB at which a row's long
-- values are compressed: pglz took about 55 µs a public document, lz4 about 2 (3,000 documents
-- written: 220 -> 60 ms), for a table about a quarter larger, and it reads them back faster. Values
-- written before keep their compression until they are written again.
DO $$
DECLARE
  target text;
BEGIN
  FOREACH target IN ARRAY ARRAY['search_documents.key', 'search_documents.grams', 'public_search_documents.key', 'public_search_documents.grams'] LOOP
    EXECUTE format('ALTER TABLE %I ALTER COLUMN %I SET COMPRESSION lz4', split_part(target, '.', 1), split_part(target, '.', 2));
  END LOOP;
EXCEPTION WHEN feature_not_supported THEN
  NULL;
END
$$;
