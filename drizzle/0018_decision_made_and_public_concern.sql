ALTER TABLE "decisions" ADD COLUMN "wide_public_concern" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "document_date" date;