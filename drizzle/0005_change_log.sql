CREATE TYPE "public"."change_kind" AS ENUM('CREATED', 'UPDATED', 'WITHHELD', 'RELEASED', 'WITHDRAWN');--> statement-breakpoint
CREATE SEQUENCE "public"."change_log_public_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "change_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "change_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"decision_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"kind" "change_kind" NOT NULL,
	"public_seq" bigint,
	"public_record_type" text,
	"public_record_id" uuid,
	"public_kind" "change_kind",
	CONSTRAINT "change_log_public_seq_unique" UNIQUE("public_seq")
);
--> statement-breakpoint
CREATE INDEX "change_log_decision_idx" ON "change_log" USING btree ("decision_id");