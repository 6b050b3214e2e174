CREATE TABLE "public_search_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"decision_id" uuid NOT NULL,
	"record_type" "record_type" NOT NULL,
	"record_id" uuid NOT NULL,
	"field" text NOT NULL,
	"key" text NOT NULL,
	"grams" text[] NOT NULL,
	"public_from" timestamp (3) with time zone NOT NULL,
	"catalog_year" integer NOT NULL,
	"catalog_number" integer NOT NULL,
	"initiated_on" date NOT NULL,
	"decision_updated_at" timestamp (3) with time zone NOT NULL,
	"last_activity_at" timestamp (3) with time zone NOT NULL,
	"title" text,
	"title_public_from" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "public_search_documents" ADD CONSTRAINT "public_search_documents_id_search_documents_id_fk" FOREIGN KEY ("id") REFERENCES "public"."search_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_search_documents" ADD CONSTRAINT "public_search_documents_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_search_documents_decision_idx" ON "public_search_documents" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "public_search_documents_gram_set_idx" ON "public_search_documents" USING gin ("grams");