-- The kept results now hold their findings: the reports kept so far have none, so they are dropped
-- and every decision is queued to be assessed again (the next refresh, or the first query, does it).
DELETE FROM "compliance_results";--> statement-breakpoint
DELETE FROM "compliance_assessments";--> statement-breakpoint
INSERT INTO "compliance_unassessed" ("decision_id") SELECT "id" FROM "decisions" ON CONFLICT ("decision_id") DO UPDATE SET "claim" = NULL;--> statement-breakpoint
ALTER TABLE "compliance_results" ADD COLUMN "finding_zh" text NOT NULL;--> statement-breakpoint
ALTER TABLE "compliance_results" ADD COLUMN "finding_en" text NOT NULL;
