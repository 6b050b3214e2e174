import { date, foreignKey, index, integer, pgEnum, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { idColumn, recordKeepingColumns, timestampColumns, withdrawnIndex } from "../db/columns.js";
import { decisionIdColumn } from "../decisions/decision-part.columns.js";
import { regions } from "../regions/region.table.js";

/**
 * The "11355" village consultation (村级协商共治): one body (a consultation committee with its charter
 * and rules of procedure), one catalogue (the village's catalogue of matters for consultation), three
 * levels, five steps each with its list. A consultation is published in the file of the decision it
 * led to, or of the village matter it settled.
 */

/** 三级协商: the level at which the matter is consulted on. */
export const villageConsultationLevel = pgEnum("village_consultation_level", ["TOWN", "VILLAGE", "VILLAGER_GROUP"]);

/** 成果评议: how the residents judged the result. */
export const villageConsultationRating = pgEnum("village_consultation_rating", ["SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED"]);

/**
 * "1+N+X": the village (community) secretary, members of seven kinds, and the interested parties who
 * attend. A committee is formed for each consultation.
 */
export const villageCommitteeRole = pgEnum("village_committee_role", [
  "SECRETARY",
  "TWO_COMMITTEES_MEMBER",
  "SUPERVISORY_COMMITTEE_MEMBER",
  "PARTY_CONGRESS_DEPUTY",
  "PEOPLES_CONGRESS_DEPUTY",
  "CPPCC_MEMBER",
  "RESIDENT_REPRESENTATIVE",
  "PROFESSIONAL",
  "INTERESTED_PARTY",
]);

/** 五步五单: the five steps, in their order, each with its list. */
export const villageConsultationStep = pgEnum("village_consultation_step", ["COLLECTION", "ASSIGNMENT", "HANDLING", "RESULT_PUBLICATION", "EVALUATION"]);

export const villageConsultationsColumns = () => ({
  id: idColumn(),
  decisionId: decisionIdColumn(),
  level: villageConsultationLevel("level").notNull(),
  /** The town, village or villager group where the consultation is held. */
  regionId: uuid("region_id").references(() => regions.id),
  /** The committee's charter and rules of procedure (章程和议事流程): their title, or where they are published. */
  charter: text("charter"),
  /** The entry of the village's consultation catalogue (协商共治目录) the matter falls under. */
  catalogueItem: text("catalogue_item"),
  matter: text("matter"),
  /** The day the matter was taken up (the collection step): the list's order. */
  startedOn: date("started_on", { mode: "string" }).notNull(),
  meetingCount: integer("meeting_count"),
  result: text("result"),
  rating: villageConsultationRating("rating"),
  evaluation: text("evaluation"),
  ...recordKeepingColumns(),
  ...timestampColumns(),
});

export const villageConsultations = pgTable(
  "village_consultations",
  villageConsultationsColumns(),
  (t) => [
    index("village_consultations_decision_idx").on(t.decisionId, t.startedOn, t.id),
    withdrawnIndex("village_consultations", t),
    // Lets a committee member's or step's decision be checked against its consultation's.
    unique("village_consultations_id_decision_key").on(t.id, t.decisionId),
  ],
);

export const villageConsultationMembersColumns = () => ({
  id: idColumn(),
  villageConsultationId: uuid("village_consultation_id")
    .notNull()
    .references(() => villageConsultations.id, { onDelete: "cascade" }),
  decisionId: decisionIdColumn(),
  role: villageCommitteeRole("role").notNull(),
  memberCount: integer("member_count").notNull(),
  names: text("names"),
  ...recordKeepingColumns(),
  ...timestampColumns(),
});

export const villageConsultationMembers = pgTable(
  "village_consultation_members",
  villageConsultationMembersColumns(),
  (t) => [
    unique("village_consultation_members_role_key").on(t.villageConsultationId, t.role),
    index("village_consultation_members_decision_idx").on(t.decisionId),
    // The copied decision id must be the consultation's: the projection trusts it to hide withheld decisions.
    foreignKey({ name: "village_consultation_members_parent_fk", columns: [t.villageConsultationId, t.decisionId], foreignColumns: [villageConsultations.id, villageConsultations.decisionId] }),
  ],
);

export const villageConsultationStepsColumns = () => ({
  id: idColumn(),
  villageConsultationId: uuid("village_consultation_id")
    .notNull()
    .references(() => villageConsultations.id, { onDelete: "cascade" }),
  decisionId: decisionIdColumn(),
  step: villageConsultationStep("step").notNull(),
  takenOn: date("taken_on", { mode: "string" }).notNull(),
  list: text("list"),
  ...recordKeepingColumns(),
  ...timestampColumns(),
});

export const villageConsultationSteps = pgTable(
  "village_consultation_steps",
  villageConsultationStepsColumns(),
  (t) => [
    index("village_consultation_steps_parent_idx").on(t.villageConsultationId, t.takenOn, t.id),
    index("village_consultation_steps_decision_idx").on(t.decisionId),
    foreignKey({ name: "village_consultation_steps_parent_fk", columns: [t.villageConsultationId, t.decisionId], foreignColumns: [villageConsultations.id, villageConsultations.decisionId] }),
  ],
);
