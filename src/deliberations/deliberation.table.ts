import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { idColumn, recordKeepingColumns, timestampColumns } from "../db/columns.js";
import { decisionIdColumn } from "../decisions/decision-part.columns.js";

/** 集体讨论决定 outcome (art. 30). */
export const deliberationOutcome = pgEnum("deliberation_outcome", ["ADOPTED", "ADOPTED_WITH_CHANGES", "DEFERRED", "REJECTED"]);

/**
 * Which kind of body met: a government decides at its executive or plenary meeting (Decree 713
 * art. 30(1)); a matter of villagers' self-government is decided by the villagers' meeting or its
 * representatives' meeting (村民委员会组织法 art. 22–26), a residents' matter by the residents' meeting
 * (城市居民委员会组织法 art. 9–10). Each is judged by the rules of its own body.
 */
export const deliberationBodyKind = pgEnum("deliberation_body_kind", [
  "GOVERNMENT_EXECUTIVE_MEETING",
  "GOVERNMENT_PLENARY_MEETING",
  "VILLAGERS_MEETING",
  "VILLAGER_REPRESENTATIVES_MEETING",
  "RESIDENTS_MEETING",
  "OTHER_MEETING",
]);

/** A government's lawful deliberating meetings (Decree 713 art. 30(1)): 常务会议 or 全体会议. */
export const GOVERNMENT_MEETINGS: ReadonlySet<string> = new Set(["GOVERNMENT_EXECUTIVE_MEETING", "GOVERNMENT_PLENARY_MEETING"]);

export const deliberationsColumns = () => ({
  id: idColumn(),
  decisionId: decisionIdColumn(),
  meeting: text("meeting").notNull(),
  heldOn: date("held_on", { mode: "string" }).notNull(),
  outcome: deliberationOutcome("outcome").notNull(),
  /** Art. 30: dissenting views are recorded. */
  dissent: text("dissent"),
  bodyKind: deliberationBodyKind("body_kind").notNull().default("GOVERNMENT_EXECUTIVE_MEETING"),
  /** The quorum's base: the members entitled to attend (villagers aged 18 or over, households, representatives, residents). */
  entitledCount: integer("entitled_count"),
  /** A villagers' meeting attended by households' representatives: its quorum is two thirds of the households (村民委员会组织法 art. 22(1)). */
  countedByHousehold: boolean("counted_by_household").notNull().default(false),
  presentCount: integer("present_count"),
  votesFor: integer("votes_for"),
  ...recordKeepingColumns(),
  ...timestampColumns(),
});

export const deliberations = pgTable(
  "deliberations",
  deliberationsColumns(),
  (t) => [
    index("deliberations_decision_idx").on(t.decisionId, t.heldOn, t.id),
    // Counts that cannot be true are refused (the write says why first; see procedure-rules.ts).
    check("deliberations_counts_possible", sql`${t.entitledCount} >= 0 AND ${t.presentCount} >= 0 AND ${t.votesFor} >= 0 AND ${t.presentCount} <= ${t.entitledCount} AND ${t.votesFor} <= ${t.presentCount}`),
  ],
);
