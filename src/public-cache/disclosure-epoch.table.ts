import { sql } from "drizzle-orm";
import { bigint, boolean, check, timestamp } from "drizzle-orm/pg-core";
import { sharedState } from "../operations/shared-state.schema.js";

/**
 * The disclosure epoch: one number, advanced in the committing transaction of every write that
 * changes what the public can see (src/public-cache/epoch.sql.ts). A public answer kept under an
 * older epoch is never served once an instance knows a newer one. A logged table, unlike the rate
 * budgets: read replicas carry it, so an instance can tell how far the replica it reads has come.
 */
export const disclosureEpoch = sharedState.table(
  "disclosure_epoch",
  {
    only: boolean("only").primaryKey().default(true),
    epoch: bigint("epoch", { mode: "number" }).notNull(),
    advancedAt: timestamp("advanced_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("disclosure_epoch_one_row", sql`${t.only}`)],
);
