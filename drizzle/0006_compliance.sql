CREATE TYPE "public"."compliance_audience" AS ENUM('PUBLIC', 'STAFF');--> statement-breakpoint
CREATE TYPE "public"."compliance_state" AS ENUM('COMPLIANT', 'PENDING', 'NOT_ASSESSABLE', 'VIOLATED');--> statement-breakpoint
CREATE TYPE "public"."legality_queue_state" AS ENUM('NOT_SUBMITTED', 'UNDER_REVIEW', 'OVERDUE', 'FOUND_UNLAWFUL', 'DELIBERATED_WITHOUT_LAWFUL_REVIEW');--> statement-breakpoint
CREATE TYPE "public"."compliance_rule_status" AS ENUM('SATISFIED', 'VIOLATED', 'PENDING', 'NOT_APPLICABLE', 'NOT_ASSESSABLE');--> statement-breakpoint
CREATE TABLE "compliance_assessments" (
	"decision_id" uuid NOT NULL,
	"audience" "compliance_audience" NOT NULL,
	"state" "compliance_state" NOT NULL,
	"assessed_on" date NOT NULL,
	"reassess_on" date,
	"queue_state" "legality_queue_state",
	"queue_due_on" date,
	"queue_submitted_on" date,
	"queue_reviewing_body_id" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compliance_assessments_pkey" PRIMARY KEY("decision_id","audience")
);
--> statement-breakpoint
CREATE TABLE "compliance_results" (
	"decision_id" uuid NOT NULL,
	"audience" "compliance_audience" NOT NULL,
	"rule" text NOT NULL,
	"status" "compliance_rule_status" NOT NULL,
	CONSTRAINT "compliance_results_pkey" PRIMARY KEY("decision_id","audience","rule")
);
--> statement-breakpoint
CREATE TABLE "compliance_watermark" (
	"id" integer PRIMARY KEY NOT NULL,
	"change_id" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "catalog_published_on" date;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "professional_or_technical" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "affects_stability_or_safety" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "specially_affected_groups" "stakeholder_category"[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "consulted_groups" "stakeholder_category"[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "materials_provided_on" date;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "participants_published_on" date;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "answered_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "legality_reviews" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "compliance_assessments" ADD CONSTRAINT "compliance_assessments_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_assessments" ADD CONSTRAINT "compliance_assessments_queue_reviewing_body_id_public_bodies_id_fk" FOREIGN KEY ("queue_reviewing_body_id") REFERENCES "public"."public_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_results" ADD CONSTRAINT "compliance_results_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compliance_assessments_state_idx" ON "compliance_assessments" USING btree ("audience","state","decision_id");--> statement-breakpoint
CREATE INDEX "compliance_assessments_reassess_idx" ON "compliance_assessments" USING btree ("reassess_on");--> statement-breakpoint
CREATE INDEX "compliance_assessments_queue_idx" ON "compliance_assessments" USING btree ("queue_state","queue_due_on","decision_id");--> statement-breakpoint
CREATE INDEX "compliance_results_rule_idx" ON "compliance_results" USING btree ("audience","rule","status","decision_id");