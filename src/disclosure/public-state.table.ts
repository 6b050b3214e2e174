import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";

/**
 * What the public saw of a decision's file when the current transaction first wrote to it: one row
 * per public record (its projected row's digest and its notices), a '*' row marking the decision as
 * written, and '!' rows naming what the write did (a withdrawal, a release, a creation). Filled by a
 * trigger on every record table for the writer role and emptied by the public-change recorder before
 * commit; a deferred trigger refuses the commit of a write that left rows here, so no write path can
 * change the public record without its changes being recorded.
 */
export const publicStateBefore = pgTable(
  "public_state_before",
  {
    decisionId: uuid("decision_id").notNull(),
    recordType: text("record_type").notNull(),
    recordId: uuid("record_id").notNull(),
    digest: text("digest"),
    notices: text("notices"),
    state: text("state"),
  },
  (t) => [index("public_state_before_decision_idx").on(t.decisionId, t.recordType)],
);
