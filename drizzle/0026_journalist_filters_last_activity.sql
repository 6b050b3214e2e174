ALTER TABLE "decisions" ADD COLUMN "last_activity_at" timestamp (3) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Each decision's latest public change so far: its latest change-feed entry, or its own updatedAt.
UPDATE "decisions" d SET "last_activity_at" = greatest(d."updated_at", (SELECT max(c."occurred_at") FROM "change_log" c WHERE c."decision_id" = d."id" AND c."public_seq" IS NOT NULL));--> statement-breakpoint
CREATE INDEX "decisions_last_activity_idx" ON "decisions" USING btree ("last_activity_at","id");--> statement-breakpoint
CREATE INDEX "decisions_budget_idx" ON "decisions" USING btree ("budget_yuan");--> statement-breakpoint
CREATE INDEX "decisions_year_last_activity_idx" ON "decisions" USING btree ("catalog_year","last_activity_at","id");--> statement-breakpoint
CREATE INDEX "consultations_hearing_idx" ON "consultations" USING btree ("decision_id") WHERE "consultations"."method" = 'HEARING';--> statement-breakpoint
CREATE INDEX "risk_assessments_level_idx" ON "risk_assessments" USING btree ("overall_level","decision_id");--> statement-breakpoint
CREATE INDEX "risk_findings_dimension_level_idx" ON "risk_findings" USING btree ("dimension","level","decision_id");--> statement-breakpoint
CREATE INDEX "change_log_public_occurred_idx" ON "change_log" USING btree ("occurred_at","public_seq") WHERE "change_log"."public_seq" IS NOT NULL;