-- One row per transaction that wrote a table the projection reads, while it runs: a deferred trigger
-- on it advances the disclosure epoch at commit (src/public-cache/epoch.sql.ts), so that the epoch's
-- row is locked only while a transaction commits, not from its first write (a long refresh would
-- otherwise hold every editor's write). Unlogged: a row never outlives its transaction.
CREATE UNLOGGED TABLE "shared_state"."disclosure_epoch_pending" (
	"transaction_id" xid8 PRIMARY KEY NOT NULL
);
