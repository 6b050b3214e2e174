import { uuid } from "drizzle-orm/pg-core";
import { decisions } from "./decision.table.js";

/** Every part of a decision's record points at its decision; withholding a decision whole hides them all. */
export const decisionIdColumn = () =>
  uuid("decision_id")
    .notNull()
    .references(() => decisions.id, { onDelete: "cascade" });
