CREATE TABLE "sample_mark" (
	"only" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"loaded_on" date NOT NULL,
	"city" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sample_mark_one_row" CHECK ("sample_mark"."only")
);
