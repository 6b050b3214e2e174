-- The gram indexes keep at most 1 MB (128 pages) in their pending lists, not 4 MB. The planner counts
-- a pending list's pages into an index scan's cost: after a bulk load, the public search, planned
-- generically once per connection, was planned to read public_search_documents whole (CI, the
-- query-plan test). ALTER rather than the drop and create drizzle-kit wrote: the same indexes, kept.
ALTER INDEX "search_documents_gram_set_idx" SET (gin_pending_list_limit = 1024);--> statement-breakpoint
ALTER INDEX "public_search_documents_gram_set_idx" SET (gin_pending_list_limit = 1024);
