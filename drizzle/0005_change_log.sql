CREATE TYPE "public"."change_kind" AS ENUM('CREATED', 'UPDATED', 'WITHHELD', 'RELEASED', 'WITHDRAWN');--> statement-breakpoint
CREATE TABLE "change_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "change_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"decision_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"kind" "change_kind" NOT NULL,
	"decision_was_public" boolean NOT NULL
);
--> statement-breakpoint
CREATE INDEX "change_log_decision_idx" ON "change_log" USING btree ("decision_id");