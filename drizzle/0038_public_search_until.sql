-- Each public search document is its decision's current one until the next one's moment. The rows
-- kept before this take the default here; the projection rebuild that every migration run makes
-- works every document out again, with its real end.
ALTER TABLE "public_search_documents" ADD COLUMN "public_until" timestamp (3) with time zone DEFAULT 'infinity' NOT NULL;