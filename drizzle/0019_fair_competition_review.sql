ALTER TABLE "decisions" ADD COLUMN "affects_market_actors" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "fair_competition_reviewed_on" date;