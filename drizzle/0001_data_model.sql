CREATE TYPE "public"."region_level" AS ENUM('CITY', 'TOWN', 'VILLAGE', 'VILLAGER_GROUP');--> statement-breakpoint
CREATE TYPE "public"."public_body_kind" AS ENUM('PEOPLES_GOVERNMENT', 'GOVERNMENT_DEPARTMENT', 'TOWN_GOVERNMENT', 'SUBDISTRICT_OFFICE', 'VILLAGE_COMMITTEE', 'COMMUNITY_COMMITTEE', 'LEGAL_AFFAIRS_OFFICE', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."decision_category" AS ENUM('PUBLIC_POLICY', 'DEVELOPMENT_PLAN', 'RESOURCE_POLICY', 'PUBLIC_CONSTRUCTION', 'OTHER_MAJOR_MATTER');--> statement-breakpoint
CREATE TYPE "public"."decision_stage" AS ENUM('INITIATION', 'PUBLIC_PARTICIPATION', 'EXPERT_ARGUMENTATION', 'RISK_ASSESSMENT', 'LEGALITY_REVIEW', 'DELIBERATION', 'PUBLICATION', 'IMPLEMENTATION', 'POST_EVALUATION');--> statement-breakpoint
CREATE TYPE "public"."decision_status" AS ENUM('IN_PROGRESS', 'DECIDED', 'SUSPENDED', 'TERMINATED', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "public"."basis_kind" AS ENUM('LEGAL', 'POLICY', 'FACTUAL');--> statement-breakpoint
CREATE TYPE "public"."consultation_method" AS ENUM('ONLINE_COMMENT', 'HEARING', 'SYMPOSIUM', 'QUESTIONNAIRE', 'CONSULTATION_MEETING');--> statement-breakpoint
CREATE TYPE "public"."adoption_result" AS ENUM('ADOPTED', 'PARTIALLY_ADOPTED', 'NOT_ADOPTED', 'UNDER_CONSIDERATION');--> statement-breakpoint
CREATE TYPE "public"."moderation_state" AS ENUM('PENDING', 'PUBLISHED', 'REJECTED');--> statement-breakpoint
CREATE TYPE "public"."stakeholder_category" AS ENUM('ENTERPRISE', 'INDUSTRY_ASSOCIATION_OR_CHAMBER', 'PEOPLES_ORGANISATION', 'SOCIAL_ORGANISATION', 'RESIDENT_REPRESENTATIVE', 'DEPUTY_OR_CPPCC_MEMBER', 'EXPERT', 'INDIVIDUAL');--> statement-breakpoint
CREATE TYPE "public"."expert_review_method" AS ENUM('ARGUMENTATION_MEETING', 'WRITTEN_OPINION', 'SITE_VISIT', 'COMMISSIONED_STUDY');--> statement-breakpoint
CREATE TYPE "public"."reviewer_kind" AS ENUM('EXPERT', 'INSTITUTION');--> statement-breakpoint
CREATE TYPE "public"."risk_controllability" AS ENUM('CONTROLLABLE', 'CONTROLLABLE_WITH_MEASURES', 'UNCONTROLLABLE');--> statement-breakpoint
CREATE TYPE "public"."risk_dimension" AS ENUM('SOCIAL_STABILITY', 'PUBLIC_SAFETY', 'ENVIRONMENT', 'ECONOMY');--> statement-breakpoint
CREATE TYPE "public"."risk_level" AS ENUM('LOW', 'MEDIUM', 'HIGH');--> statement-breakpoint
CREATE TYPE "public"."legality_result" AS ENUM('LAWFUL', 'LAWFUL_AFTER_AMENDMENT', 'UNLAWFUL', 'RETURNED');--> statement-breakpoint
CREATE TYPE "public"."deliberation_outcome" AS ENUM('ADOPTED', 'ADOPTED_WITH_CHANGES', 'DEFERRED', 'REJECTED');--> statement-breakpoint
CREATE TYPE "public"."implementation_report_kind" AS ENUM('PROGRESS', 'ADJUSTMENT', 'SUSPENSION', 'RESUMPTION', 'COMPLETION');--> statement-breakpoint
CREATE TYPE "public"."evaluation_recommendation" AS ENUM('CONTINUE', 'ADJUST', 'SUSPEND', 'TERMINATE');--> statement-breakpoint
CREATE TYPE "public"."attachment_kind" AS ENUM('DRAFT', 'DRAFTING_EXPLANATION', 'RISK_ASSESSMENT_REPORT', 'EXPERT_OPINION', 'LEGALITY_REVIEW_OPINION', 'DECISION_DOCUMENT', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."record_type" AS ENUM('decisions', 'basis_items', 'consultations', 'comments', 'expert_reviews', 'risk_assessments', 'risk_findings', 'legality_reviews', 'deliberations', 'publications', 'implementation_reports', 'post_evaluations', 'attachments');--> statement-breakpoint
CREATE TYPE "public"."withholding_ground" AS ENUM('STATE_SECRET', 'PROHIBITED_BY_LAW', 'ENDANGERS_SECURITY_OR_STABILITY', 'COMMERCIAL_SECRET', 'PERSONAL_PRIVACY', 'INTERNAL_AFFAIRS', 'PROCESS_INFORMATION', 'LAW_ENFORCEMENT_CASE_FILE');--> statement-breakpoint
CREATE TYPE "public"."key_role" AS ENUM('RESEARCHER', 'LEGAL_REVIEWER', 'EDITOR', 'ADMIN');--> statement-breakpoint
CREATE TABLE "regions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" "region_level" NOT NULL,
	"parent_id" uuid,
	"path" text NOT NULL,
	"depth" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "regions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "public_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "public_body_kind" NOT NULL,
	"region_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_bodies_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catalog_year" integer NOT NULL,
	"catalog_number" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"category" "decision_category" NOT NULL,
	"region_id" uuid NOT NULL,
	"deciding_body_id" uuid NOT NULL,
	"undertaking_body_id" uuid NOT NULL,
	"stage" "decision_stage" NOT NULL,
	"status" "decision_status" NOT NULL,
	"budget_yuan" numeric(16, 2),
	"initiated_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"withdrawal_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decisions_catalog_entry_key" UNIQUE("deciding_body_id","catalog_year","catalog_number")
);
--> statement-breakpoint
CREATE TABLE "basis_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"kind" "basis_kind" NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"citation" text,
	"content" text,
	"version" integer DEFAULT 1 NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"withdrawal_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"method" "consultation_method" NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"short_period_reason" text,
	"place" text,
	"participants" text,
	"participant_count" integer,
	"summary" text,
	"adoption_feedback" text,
	"version" integer DEFAULT 1 NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"withdrawal_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"stakeholder_category" "stakeholder_category" NOT NULL,
	"text" text NOT NULL,
	"moderation_state" "moderation_state" DEFAULT 'PENDING' NOT NULL,
	"adoption_result" "adoption_result",
	"reply" text,
	"commenter_name" text,
	"commenter_contact" text,
	"submitted_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"rejection_reason" text,
	"idempotency_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"withdrawal_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "comments_idempotency_key" UNIQUE("consultation_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "expert_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"reviewer_kind" "reviewer_kind" NOT NULL,
	"reviewer_name" text,
	"method" "expert_review_method" NOT NULL,
	"reviewed_on" date NOT NULL,
	"necessity_opinion" text,
	"feasibility_opinion" text,
	"soundness_opinion" text,
	"conclusion" text,
	"signed" boolean NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"withdrawal_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"assessor" text,
	"assessed_on" date NOT NULL,
	"overall_level" "risk_level" NOT NULL,
	"controllability" "risk_controllability" NOT NULL,
	"risk_points" text,
	"measures" text,
	"contingency_plan" text,
	"conclusion" text,
	"version" integer DEFAULT 1 NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"withdrawal_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"risk_assessment_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"dimension" "risk_dimension" NOT NULL,
	"level" "risk_level" NOT NULL,
	"findings" text,
	"version" integer DEFAULT 1 NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"withdrawal_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_findings_dimension_key" UNIQUE("risk_assessment_id","dimension")
);
--> statement-breakpoint
CREATE TABLE "legality_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"reviewing_body_id" uuid NOT NULL,
	"submitted_on" date NOT NULL,
	"completed_on" date,
	"result" "legality_result",
	"opinion" text,
	"version" integer DEFAULT 1 NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"withdrawal_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliberations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"meeting" text NOT NULL,
	"held_on" date NOT NULL,
	"outcome" "deliberation_outcome" NOT NULL,
	"dissent" text,
	"version" integer DEFAULT 1 NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"withdrawal_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"document_number" text NOT NULL,
	"published_on" date NOT NULL,
	"full_text" text,
	"adoption_explanation" text,
	"version" integer DEFAULT 1 NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"withdrawal_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publications_decision_key" UNIQUE("decision_id")
);
--> statement-breakpoint
CREATE TABLE "implementation_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"kind" "implementation_report_kind" NOT NULL,
	"reported_on" date NOT NULL,
	"content" text,
	"version" integer DEFAULT 1 NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"withdrawal_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "post_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"evaluator" text,
	"evaluated_on" date NOT NULL,
	"findings" text,
	"recommendation" "evaluation_recommendation" NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"withdrawal_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"kind" "attachment_kind" NOT NULL,
	"title" text,
	"media_type" text NOT NULL,
	"url" text,
	"byte_size" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"withdrawal_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "withholdings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_type" "record_type" NOT NULL,
	"record_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"field" text,
	"ground" "withholding_ground" NOT NULL,
	"article" text NOT NULL,
	"explanation" text NOT NULL,
	"decided_by_body_id" uuid NOT NULL,
	"withheld_since" date NOT NULL,
	"review_due" date NOT NULL,
	"released_at" timestamp (3) with time zone,
	"release_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"record_type" "record_type" NOT NULL,
	"record_id" uuid NOT NULL,
	"field" text NOT NULL,
	"key" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_documents_field_key" UNIQUE("record_id","field")
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"role" "key_role" NOT NULL,
	"secret_hash" text NOT NULL,
	"secret_prefix" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "api_keys_secret_hash_unique" UNIQUE("secret_hash")
);
--> statement-breakpoint
CREATE TABLE "access_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"key_id" uuid NOT NULL,
	"role" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"field" text
);
--> statement-breakpoint
CREATE TABLE "audit_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"actor_key_id" uuid,
	"actor_role" text NOT NULL,
	"action" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"decision_id" uuid,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "decision_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"field" text NOT NULL,
	"changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"old_value" text,
	"new_value" text,
	"old_disclosed" boolean NOT NULL,
	"new_disclosed" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "public_bodies" ADD CONSTRAINT "public_bodies_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_deciding_body_id_public_bodies_id_fk" FOREIGN KEY ("deciding_body_id") REFERENCES "public"."public_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_undertaking_body_id_public_bodies_id_fk" FOREIGN KEY ("undertaking_body_id") REFERENCES "public"."public_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "basis_items" ADD CONSTRAINT "basis_items_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_reviews" ADD CONSTRAINT "expert_reviews_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_findings" ADD CONSTRAINT "risk_findings_risk_assessment_id_risk_assessments_id_fk" FOREIGN KEY ("risk_assessment_id") REFERENCES "public"."risk_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_findings" ADD CONSTRAINT "risk_findings_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legality_reviews" ADD CONSTRAINT "legality_reviews_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legality_reviews" ADD CONSTRAINT "legality_reviews_reviewing_body_id_public_bodies_id_fk" FOREIGN KEY ("reviewing_body_id") REFERENCES "public"."public_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliberations" ADD CONSTRAINT "deliberations_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "implementation_reports" ADD CONSTRAINT "implementation_reports_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_evaluations" ADD CONSTRAINT "post_evaluations_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withholdings" ADD CONSTRAINT "withholdings_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withholdings" ADD CONSTRAINT "withholdings_decided_by_body_id_public_bodies_id_fk" FOREIGN KEY ("decided_by_body_id") REFERENCES "public"."public_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_revisions" ADD CONSTRAINT "decision_revisions_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "regions_path_idx" ON "regions" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "public_bodies_region_idx" ON "public_bodies" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "decisions_catalog_idx" ON "decisions" USING btree ("catalog_year","catalog_number","id");--> statement-breakpoint
CREATE INDEX "decisions_region_idx" ON "decisions" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "decisions_deciding_body_idx" ON "decisions" USING btree ("deciding_body_id");--> statement-breakpoint
CREATE INDEX "decisions_undertaking_body_idx" ON "decisions" USING btree ("undertaking_body_id");--> statement-breakpoint
CREATE INDEX "decisions_category_idx" ON "decisions" USING btree ("category");--> statement-breakpoint
CREATE INDEX "decisions_stage_idx" ON "decisions" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "decisions_status_idx" ON "decisions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "decisions_initiated_idx" ON "decisions" USING btree ("initiated_on","id");--> statement-breakpoint
CREATE INDEX "decisions_updated_idx" ON "decisions" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "decisions_title_idx" ON "decisions" USING btree ("title","id");--> statement-breakpoint
CREATE INDEX "basis_items_decision_idx" ON "basis_items" USING btree ("decision_id","position","id");--> statement-breakpoint
CREATE INDEX "consultations_decision_idx" ON "consultations" USING btree ("decision_id","opens_on","id");--> statement-breakpoint
CREATE INDEX "comments_consultation_idx" ON "comments" USING btree ("consultation_id","submitted_at","id");--> statement-breakpoint
CREATE INDEX "comments_decision_idx" ON "comments" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "expert_reviews_decision_idx" ON "expert_reviews" USING btree ("decision_id","reviewed_on","id");--> statement-breakpoint
CREATE INDEX "risk_assessments_decision_idx" ON "risk_assessments" USING btree ("decision_id","assessed_on","id");--> statement-breakpoint
CREATE INDEX "risk_findings_decision_idx" ON "risk_findings" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "legality_reviews_decision_idx" ON "legality_reviews" USING btree ("decision_id","submitted_on","id");--> statement-breakpoint
CREATE INDEX "deliberations_decision_idx" ON "deliberations" USING btree ("decision_id","held_on","id");--> statement-breakpoint
CREATE INDEX "publications_published_idx" ON "publications" USING btree ("published_on");--> statement-breakpoint
CREATE INDEX "implementation_reports_decision_idx" ON "implementation_reports" USING btree ("decision_id","reported_on","id");--> statement-breakpoint
CREATE INDEX "post_evaluations_decision_idx" ON "post_evaluations" USING btree ("decision_id","evaluated_on","id");--> statement-breakpoint
CREATE INDEX "attachments_decision_idx" ON "attachments" USING btree ("decision_id","id");--> statement-breakpoint
CREATE INDEX "withholdings_record_idx" ON "withholdings" USING btree ("record_type","record_id","field");--> statement-breakpoint
CREATE INDEX "withholdings_decision_idx" ON "withholdings" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "search_documents_decision_idx" ON "search_documents" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "search_documents_grams_idx" ON "search_documents" USING gin (search_grams("key"));--> statement-breakpoint
CREATE INDEX "api_keys_created_idx" ON "api_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "access_log_key_idx" ON "access_log" USING btree ("key_id","occurred_at");--> statement-breakpoint
CREATE INDEX "access_log_record_idx" ON "access_log" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "audit_entries_record_idx" ON "audit_entries" USING btree ("record_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_entries_occurred_idx" ON "audit_entries" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "decision_revisions_decision_idx" ON "decision_revisions" USING btree ("decision_id","changed_at","id");