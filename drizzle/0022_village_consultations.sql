CREATE TYPE "public"."village_committee_role" AS ENUM('SECRETARY', 'TWO_COMMITTEES_MEMBER', 'SUPERVISORY_COMMITTEE_MEMBER', 'PARTY_CONGRESS_DEPUTY', 'PEOPLES_CONGRESS_DEPUTY', 'CPPCC_MEMBER', 'RESIDENT_REPRESENTATIVE', 'PROFESSIONAL', 'INTERESTED_PARTY');--> statement-breakpoint
CREATE TYPE "public"."village_consultation_level" AS ENUM('TOWN', 'VILLAGE', 'VILLAGER_GROUP');--> statement-breakpoint
CREATE TYPE "public"."village_consultation_rating" AS ENUM('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED');--> statement-breakpoint
CREATE TYPE "public"."village_consultation_step" AS ENUM('COLLECTION', 'ASSIGNMENT', 'HANDLING', 'RESULT_PUBLICATION', 'EVALUATION');--> statement-breakpoint
ALTER TYPE "public"."record_type" ADD VALUE 'village_consultations';--> statement-breakpoint
ALTER TYPE "public"."record_type" ADD VALUE 'village_consultation_members';--> statement-breakpoint
ALTER TYPE "public"."record_type" ADD VALUE 'village_consultation_steps';--> statement-breakpoint
CREATE TABLE "village_consultation_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"village_consultation_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"role" "village_committee_role" NOT NULL,
	"member_count" integer NOT NULL,
	"names" text,
	"version" integer DEFAULT 1 NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"withdrawal_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "village_consultation_members_role_key" UNIQUE("village_consultation_id","role")
);
--> statement-breakpoint
CREATE TABLE "village_consultation_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"village_consultation_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"step" "village_consultation_step" NOT NULL,
	"taken_on" date NOT NULL,
	"list" text,
	"version" integer DEFAULT 1 NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"withdrawal_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "village_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"level" "village_consultation_level" NOT NULL,
	"region_id" uuid,
	"catalogue_item" text,
	"matter" text,
	"started_on" date NOT NULL,
	"meeting_count" integer,
	"result" text,
	"rating" "village_consultation_rating",
	"evaluation" text,
	"version" integer DEFAULT 1 NOT NULL,
	"withdrawn_at" timestamp (3) with time zone,
	"withdrawal_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "village_consultations_id_decision_key" UNIQUE("id","decision_id")
);
--> statement-breakpoint
ALTER TABLE "village_consultation_members" ADD CONSTRAINT "village_consultation_members_village_consultation_id_village_consultations_id_fk" FOREIGN KEY ("village_consultation_id") REFERENCES "public"."village_consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_consultation_members" ADD CONSTRAINT "village_consultation_members_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_consultation_members" ADD CONSTRAINT "village_consultation_members_parent_fk" FOREIGN KEY ("village_consultation_id","decision_id") REFERENCES "public"."village_consultations"("id","decision_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_consultation_steps" ADD CONSTRAINT "village_consultation_steps_village_consultation_id_village_consultations_id_fk" FOREIGN KEY ("village_consultation_id") REFERENCES "public"."village_consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_consultation_steps" ADD CONSTRAINT "village_consultation_steps_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_consultation_steps" ADD CONSTRAINT "village_consultation_steps_parent_fk" FOREIGN KEY ("village_consultation_id","decision_id") REFERENCES "public"."village_consultations"("id","decision_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_consultations" ADD CONSTRAINT "village_consultations_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_consultations" ADD CONSTRAINT "village_consultations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "village_consultation_members_decision_idx" ON "village_consultation_members" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "village_consultation_steps_parent_idx" ON "village_consultation_steps" USING btree ("village_consultation_id","taken_on","id");--> statement-breakpoint
CREATE INDEX "village_consultation_steps_decision_idx" ON "village_consultation_steps" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "village_consultations_decision_idx" ON "village_consultations" USING btree ("decision_id","started_on","id");--> statement-breakpoint
CREATE INDEX "village_consultations_withdrawn_idx" ON "village_consultations" USING btree ("id") WHERE "village_consultations"."withdrawn_at" IS NOT NULL;