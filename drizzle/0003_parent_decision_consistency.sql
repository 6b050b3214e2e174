-- drizzle-kit wrote the foreign keys before the unique constraints they reference; reordered by hand.
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_id_decision_key" UNIQUE("id","decision_id");
--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_id_decision_key" UNIQUE("id","decision_id");
--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_consultation_decision_fk" FOREIGN KEY ("consultation_id","decision_id") REFERENCES "public"."consultations"("id","decision_id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "risk_findings" ADD CONSTRAINT "risk_findings_assessment_decision_fk" FOREIGN KEY ("risk_assessment_id","decision_id") REFERENCES "public"."risk_assessments"("id","decision_id") ON DELETE no action ON UPDATE no action;
