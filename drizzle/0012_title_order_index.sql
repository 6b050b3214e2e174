DROP INDEX "decisions_title_idx";--> statement-breakpoint
CREATE INDEX "decisions_title_order_idx" ON "decisions" USING btree ((coalesce("title", '') COLLATE "C"),"id");