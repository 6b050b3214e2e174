ALTER TYPE "public"."legality_queue_state" ADD VALUE 'RETURNED_FOR_MATERIALS' BEFORE 'DELIBERATED_WITHOUT_LAWFUL_REVIEW';--> statement-breakpoint
-- Returned reviews were kept as FOUND_UNLAWFUL, and the queue's order changed: compute the kept reports again.
INSERT INTO compliance_unassessed (decision_id) SELECT id FROM decisions ON CONFLICT DO NOTHING;
