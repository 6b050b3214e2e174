-- One public search document per decision and moment it became public, instead of one per field
-- (src/search/public-search-document.table.ts). The views over the table are dropped with the
-- projection, which every migration run rebuilds from code, and the documents are emptied: that
-- rebuild works every one of them out again, in the new shape.
DROP SCHEMA IF EXISTS disclosure CASCADE;--> statement-breakpoint
TRUNCATE "public_search_documents";--> statement-breakpoint
ALTER TABLE "public_search_documents" DROP CONSTRAINT "public_search_documents_id_search_documents_id_fk";--> statement-breakpoint
DROP INDEX "public_search_documents_decision_idx";--> statement-breakpoint
ALTER TABLE "public_search_documents" DROP COLUMN "id";--> statement-breakpoint
ALTER TABLE "public_search_documents" DROP COLUMN "record_type";--> statement-breakpoint
ALTER TABLE "public_search_documents" DROP COLUMN "record_id";--> statement-breakpoint
ALTER TABLE "public_search_documents" DROP COLUMN "field";--> statement-breakpoint
ALTER TABLE "public_search_documents" ADD CONSTRAINT "public_search_documents_decision_id_public_from_pk" PRIMARY KEY("decision_id","public_from");
