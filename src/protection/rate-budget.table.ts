import { bigint, integer, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { sharedState } from "../operations/shared-state.schema.js";

/**
 * Points spent per holder per fixed window, shared by every instance (src/protection/budget-store.ts).
 * UNLOGGED (hand-written in the migration): budgets are not worth the write-ahead log, and a crash
 * that empties the table only hands out one fresh window.
 */
export const rateBudgets = sharedState.table(
  "rate_budgets",
  {
    /** HMAC of who spends (`address:…`, `key:…`, `page:…`, `comment:…`) with `limitSecret`: no address is stored. */
    holder: text("holder").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    /** When the window ends: the sweep deletes rows past it, whatever the window's length. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    spent: bigint("spent", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.holder, t.windowStart] })],
);

/** The key that hashes holders: one row, made by the migration, the same for every instance. */
export const limitSecret = sharedState.table("limit_secret", {
  id: integer("id").primaryKey(),
  secret: text("secret").notNull(),
});
