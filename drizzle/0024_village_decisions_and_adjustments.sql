CREATE TYPE "public"."deliberation_body_kind" AS ENUM('GOVERNMENT_EXECUTIVE_MEETING', 'GOVERNMENT_PLENARY_MEETING', 'VILLAGERS_MEETING', 'VILLAGER_REPRESENTATIVES_MEETING', 'RESIDENTS_MEETING', 'OTHER_MEETING');--> statement-breakpoint
CREATE TYPE "public"."adjustment_circumstance" AS ENUM('PROBLEM_FOUND', 'CIRCUMSTANCES_CHANGED', 'FORCE_MAJEURE', 'PUBLIC_OPINION', 'POST_EVALUATION', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."adjustment_procedure" AS ENUM('HEAD_DECIDED', 'STATUTORY_PROCEDURE', 'NONE_RECORDED');--> statement-breakpoint
ALTER TYPE "public"."implementation_report_kind" ADD VALUE 'TERMINATION' BEFORE 'RESUMPTION';--> statement-breakpoint
-- Every deliberation recorded so far was entered as the deciding government's collective deliberation
-- of art. 30, the only kind the records knew, and nearly all name an executive meeting (常务会议):
-- that is the default. A meeting of another kind (a villagers' representative meeting on record
-- before this column) is to be corrected by its editor; the compliance report then judges it by its body.
ALTER TABLE "deliberations" ADD COLUMN "body_kind" "deliberation_body_kind" DEFAULT 'GOVERNMENT_EXECUTIVE_MEETING' NOT NULL;--> statement-breakpoint
ALTER TABLE "deliberations" ADD COLUMN "entitled_count" integer;--> statement-breakpoint
ALTER TABLE "deliberations" ADD COLUMN "counted_by_household" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "deliberations" ADD COLUMN "present_count" integer;--> statement-breakpoint
ALTER TABLE "deliberations" ADD COLUMN "votes_for" integer;--> statement-breakpoint
ALTER TABLE "implementation_reports" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "implementation_reports" ADD COLUMN "circumstance" "adjustment_circumstance";--> statement-breakpoint
ALTER TABLE "implementation_reports" ADD COLUMN "procedure" "adjustment_procedure" DEFAULT 'NONE_RECORDED' NOT NULL;--> statement-breakpoint
ALTER TABLE "implementation_reports" ADD COLUMN "decided_on" date;--> statement-breakpoint
ALTER TABLE "deliberations" ADD CONSTRAINT "deliberations_counts_possible" CHECK ("deliberations"."entitled_count" >= 0 AND "deliberations"."present_count" >= 0 AND "deliberations"."votes_for" >= 0 AND "deliberations"."present_count" <= "deliberations"."entitled_count" AND "deliberations"."votes_for" <= "deliberations"."present_count");--> statement-breakpoint
-- New rules judge the meeting's body and adjustments: compute the kept reports again.
INSERT INTO compliance_unassessed (decision_id) SELECT id FROM decisions ON CONFLICT DO NOTHING;
