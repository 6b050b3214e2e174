CREATE TABLE "public_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "public_revisions_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"decision_id" uuid NOT NULL,
	"field" text NOT NULL,
	"changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"old_value" text,
	"new_value" text
);
--> statement-breakpoint
CREATE TABLE "public_state_before" (
	"decision_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"digest" text,
	"notices" text,
	"state" text
);
--> statement-breakpoint
ALTER TABLE "public_revisions" ADD CONSTRAINT "public_revisions_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_revisions_decision_idx" ON "public_revisions" USING btree ("decision_id","changed_at","id");--> statement-breakpoint
CREATE INDEX "public_revisions_field_idx" ON "public_revisions" USING btree ("decision_id","field","seq");--> statement-breakpoint
CREATE INDEX "public_state_before_decision_idx" ON "public_state_before" USING btree ("decision_id","record_type");--> statement-breakpoint
-- The public history so far, kept as the former view showed it: changes made while their field was
-- public; values erased where the field or the decision is withheld now, and a new value erased
-- where a later change of its field was made out of public view (it was withheld while current).
INSERT INTO "public_revisions" ("id", "decision_id", "field", "changed_at", "old_value", "new_value")
SELECT r.id, r.decision_id, r.field, r.changed_at,
  CASE WHEN NOT w.now THEN r.old_value END,
  CASE WHEN NOT w.now AND NOT EXISTS (
    SELECT 1 FROM "decision_revisions" l WHERE l.decision_id = r.decision_id AND l.field = r.field AND l.changed_at >= r.changed_at AND l.id <> r.id AND NOT l.new_disclosed
  ) THEN r.new_value END
FROM "decision_revisions" r
CROSS JOIN LATERAL (
  SELECT EXISTS (
    SELECT 1 FROM "withholdings" x WHERE x.record_type = 'decisions' AND x.record_id = r.decision_id
      AND (x.field IS NULL OR x.field = r.field) AND (x.released_at IS NULL OR x.released_at > now())
  ) AS now
) w
WHERE r.old_disclosed AND r.new_disclosed
ORDER BY r.changed_at, r.id;
