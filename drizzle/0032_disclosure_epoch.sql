CREATE TABLE "shared_state"."disclosure_epoch" (
	"only" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"epoch" bigint NOT NULL,
	"advanced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disclosure_epoch_one_row" CHECK ("shared_state"."disclosure_epoch"."only")
);
