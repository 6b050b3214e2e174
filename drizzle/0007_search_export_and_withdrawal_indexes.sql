DROP INDEX "search_documents_grams_idx";--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "grams" text[] GENERATED ALWAYS AS (search_grams(key)) STORED;--> statement-breakpoint
CREATE INDEX "decisions_withdrawn_idx" ON "decisions" USING btree ("id") WHERE "decisions"."withdrawn_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "decisions_year_id_idx" ON "decisions" USING btree ("catalog_year","id");--> statement-breakpoint
CREATE INDEX "consultations_withdrawn_idx" ON "consultations" USING btree ("id") WHERE "consultations"."withdrawn_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "risk_assessments_withdrawn_idx" ON "risk_assessments" USING btree ("id") WHERE "risk_assessments"."withdrawn_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "withholdings_whole_record_idx" ON "withholdings" USING btree ("record_type","record_id") WHERE "withholdings"."field" IS NULL;--> statement-breakpoint
CREATE INDEX "search_documents_gram_set_idx" ON "search_documents" USING gin ("grams");