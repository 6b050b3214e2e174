-- The kept results now hold their findings: the reports kept so far have none, so they are dropped
-- and every decision is queued to be assessed again (the next refresh, or the first query, does it).
DELETE FROM "compliance_results";--> statement-breakpoint
DELETE FROM "compliance_assessments";--> statement-breakpoint
INSERT INTO "compliance_unassessed" ("decision_id") SELECT "id" FROM "decisions" ON CONFLICT ("decision_id") DO UPDATE SET "claim" = NULL;--> statement-breakpoint
CREATE TABLE "open_data_snapshot_chunks" (
	"snapshot_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "open_data_snapshot_chunks_pkey" PRIMARY KEY("snapshot_id","seq")
);
--> statement-breakpoint
CREATE TABLE "open_data_snapshot_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL,
	"lease_holder" uuid,
	"lease_until" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "open_data_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"built_at" timestamp (3) with time zone NOT NULL,
	"manifest" jsonb NOT NULL,
	"byte_size" bigint NOT NULL,
	"sha256" text NOT NULL,
	CONSTRAINT "open_data_snapshots_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "compliance_results" ADD COLUMN "finding_zh" text NOT NULL;--> statement-breakpoint
ALTER TABLE "compliance_results" ADD COLUMN "finding_en" text NOT NULL;--> statement-breakpoint
ALTER TABLE "open_data_snapshot_chunks" ADD CONSTRAINT "open_data_snapshot_chunks_snapshot_id_open_data_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."open_data_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
INSERT INTO "open_data_snapshot_state" ("id", "generation") VALUES (1, 0);--> statement-breakpoint
-- A new withholding makes every snapshot built before it unservable (it may hold the value now
-- withheld): they are dropped, and a build that read before it is thrown away (the generation moved).
CREATE FUNCTION open_data_snapshots_withdrawn() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE open_data_snapshot_state SET generation = generation + 1 WHERE id = 1;
  DELETE FROM open_data_snapshots;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER open_data_snapshots_withdrawn AFTER INSERT ON withholdings FOR EACH STATEMENT EXECUTE FUNCTION open_data_snapshots_withdrawn();
