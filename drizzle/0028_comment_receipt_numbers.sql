-- A volatile default is evaluated for each existing row: older comments get their own numbers here.
ALTER TABLE "comments" ADD COLUMN "receipt_number" text DEFAULT new_receipt_number() NOT NULL;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_receipt_number" UNIQUE("receipt_number");