import { sql } from "drizzle-orm";
import { boolean, check, date, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Set by the sample loader, cleared when the data is emptied: the instance serves an illustrative
 * sample (a real city's places and bodies, invented decisions), dated from the day it was loaded.
 * At most one row; none on an instance that serves real records.
 */
export const sampleMark = pgTable(
  "sample_mark",
  {
    only: boolean("only").primaryKey().default(true),
    loadedOn: date("loaded_on", { mode: "string" }).notNull(),
    city: text("city").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [check("sample_mark_one_row", sql`${t.only}`)],
);
