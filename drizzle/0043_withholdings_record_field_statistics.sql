-- Which kinds of record are withheld whole and which by field, as the planner can count them. A
-- view's check "this record is not withheld whole" reads withholdings by record_type AND field IS
-- NULL; taken apart, the two look independent (in the benchmark's 100,000 decisions, 3.7 % of
-- withholdings are of risk assessments and 3.7 % are whole: 25 rows expected), while there every
-- whole one is a risk assessment's (688 rows). Expecting 25, a file's cursor, planned to start
-- fast, held them in memory and compared each of a year's 18,656 risk findings with all of them:
-- the cursor's rows took 510 ms, against 220 with a look-up by key. The most common combinations of
-- the two columns fix the estimate.
CREATE STATISTICS IF NOT EXISTS "withholdings_record_field" (mcv) ON "record_type", "field" FROM "withholdings";--> statement-breakpoint
ANALYZE "withholdings";
