ALTER TABLE "legality_reviews" ADD COLUMN "short_time_reason" text;--> statement-breakpoint
ALTER TABLE "legality_reviews" ADD COLUMN "short_time_reason_stated_on" date;