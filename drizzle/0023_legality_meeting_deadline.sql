CREATE TYPE "public"."legality_deadline_source" AS ENUM('REQUESTED_DUE_DATE', 'DEFAULT_PERIOD', 'SCHEDULED_MEETING');--> statement-breakpoint
CREATE TYPE "public"."legality_short_period" AS ENUM('SHORT_PERIOD', 'SHORT_PERIOD_REASON_STATED', 'NOT_ASSESSABLE');--> statement-breakpoint
DROP INDEX "compliance_assessments_queue_idx";--> statement-breakpoint
ALTER TABLE "legality_reviews" ADD COLUMN "meeting_scheduled_on" date;--> statement-breakpoint
ALTER TABLE "compliance_assessments" ADD COLUMN "queue_deadline_on" date;--> statement-breakpoint
ALTER TABLE "compliance_assessments" ADD COLUMN "queue_deadline_set_by" "legality_deadline_source";--> statement-breakpoint
ALTER TABLE "compliance_assessments" ADD COLUMN "queue_working_days" integer;--> statement-breakpoint
ALTER TABLE "compliance_assessments" ADD COLUMN "queue_short_period" "legality_short_period";--> statement-breakpoint
CREATE INDEX "compliance_assessments_queue_idx" ON "compliance_assessments" USING btree ("queue_state","queue_deadline_on","decision_id");--> statement-breakpoint
-- The queue now has a real deadline and an art. 26(2) warning, and the review-time rule counts to the meeting: compute the kept reports again.
INSERT INTO compliance_unassessed (decision_id) SELECT id FROM decisions ON CONFLICT DO NOTHING;
