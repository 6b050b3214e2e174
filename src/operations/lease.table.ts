import { text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sharedState } from "./shared-state.schema.js";

/** Who runs a piece of background work now, until when (src/operations/lease.ts). */
export const leases = sharedState.table("leases", {
  name: text("name").primaryKey(),
  holder: uuid("holder").notNull(),
  takenAt: timestamp("taken_at", { withTimezone: true }).notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});
