-- State the instances share (src/operations/shared-state.schema.ts). rate_budgets is UNLOGGED by hand
-- (drizzle-kit writes no persistence): a crash empties it, which hands out one fresh window.
CREATE SCHEMA "shared_state";
--> statement-breakpoint
CREATE TABLE "shared_state"."limit_secret" (
	"id" integer PRIMARY KEY NOT NULL,
	"secret" text NOT NULL
);
--> statement-breakpoint
CREATE UNLOGGED TABLE "shared_state"."rate_budgets" (
	"holder" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"spent" bigint NOT NULL,
	CONSTRAINT "rate_budgets_holder_window_start_pk" PRIMARY KEY("holder","window_start")
);
--> statement-breakpoint
CREATE TABLE "shared_state"."leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" uuid NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- The key that hashes rate-limit holders (client addresses among them): random, made once, shared by
-- every instance through the database and kept across restarts. gen_random_uuid() draws from the
-- server's strong random source; two of them make 244 random bits.
INSERT INTO "shared_state"."limit_secret" ("id", "secret") VALUES (1, gen_random_uuid()::text || gen_random_uuid()::text);
