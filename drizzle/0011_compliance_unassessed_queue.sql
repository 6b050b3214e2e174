CREATE TABLE "compliance_unassessed" (
	"decision_id" uuid PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compliance_unassessed" ADD CONSTRAINT "compliance_unassessed_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Every decision inserted, by the API, a seed or a bulk load, waits here until its compliance reports
-- are computed. One insert per statement (a transition table), not per row: a bulk load inserts
-- thousands of decisions a statement.
CREATE OR REPLACE FUNCTION queue_decisions_for_assessment() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO compliance_unassessed (decision_id) SELECT id FROM inserted_decisions ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER decisions_queue_for_assessment AFTER INSERT ON decisions
  REFERENCING NEW TABLE AS inserted_decisions
  FOR EACH STATEMENT EXECUTE FUNCTION queue_decisions_for_assessment();
--> statement-breakpoint
-- What was already there and never assessed.
INSERT INTO compliance_unassessed (decision_id)
SELECT d.id FROM decisions d
WHERE d.withdrawn_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM compliance_assessments a WHERE a.decision_id = d.id AND a.audience = 'STAFF');
