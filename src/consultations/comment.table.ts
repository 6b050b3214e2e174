import { sql } from "drizzle-orm";
import { foreignKey, index, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { idColumn, recordKeepingColumns, timestampColumns } from "../db/columns.js";
import { decisionIdColumn } from "../decisions/decision-part.columns.js";
import { consultations } from "./consultation.table.js";
import { stakeholderCategory } from "./stakeholder-category.js";

export { stakeholderCategory };

export const moderationState = pgEnum("moderation_state", ["PENDING", "PUBLISHED", "REJECTED"]);

export const adoptionResult = pgEnum("adoption_result", ["ADOPTED", "PARTIALLY_ADOPTED", "NOT_ADOPTED", "UNDER_CONSIDERATION"]);

/** A commenter's details, the moderator's reason and the submission's keys: never public (one list, for the projection and its drizzle view). */
export const commentConfidentialColumns = ["commenterName", "commenterContact", "rejectionReason", "idempotencyKey", "receiptNumber"] as const;

export const commentsColumns = () => ({
  id: idColumn(),
  consultationId: uuid("consultation_id")
    .notNull()
    .references(() => consultations.id, { onDelete: "cascade" }),
  decisionId: decisionIdColumn(),
  stakeholderCategory: stakeholderCategory("stakeholder_category").notNull(),
  text: text("text").notNull(),
  moderationState: moderationState("moderation_state").notNull().default("PENDING"),
  adoptionResult: adoptionResult("adoption_result"),
  reply: text("reply"),
  /** Personal data: stored for follow-up, never in the disclosure projection. */
  commenterName: text("commenter_name"),
  commenterContact: text("commenter_contact"),
  submittedAt: timestamp("submitted_at", { withTimezone: true, precision: 3, mode: "date" }).notNull().defaultNow(),
  /** When the adoption result was first decided (art. 18: comments are answered before the decision is published). */
  answeredAt: timestamp("answered_at", { withTimezone: true, precision: 3, mode: "date" }),
  /** Why an editor rejected the comment; never public. */
  rejectionReason: text("rejection_reason"),
  /** Chosen by the submitting client so that a retried submission creates one comment. */
  idempotencyKey: text("idempotency_key"),
  /** The commenter's receipt (see receipt-number.ts): whoever holds it may read the comment's status; never public. */
  receiptNumber: text("receipt_number").notNull().default(sql`new_receipt_number()`),
  ...recordKeepingColumns(),
  ...timestampColumns(),
});

export const comments = pgTable(
  "comments",
  commentsColumns(),
  (t) => [
    index("comments_consultation_idx").on(t.consultationId, t.submittedAt, t.id),
    index("comments_decision_idx").on(t.decisionId),
    unique("comments_idempotency_key").on(t.consultationId, t.idempotencyKey),
    unique("comments_receipt_number").on(t.receiptNumber),
    // The copied decision id must be the consultation's: the projection trusts it to hide withheld decisions.
    foreignKey({ name: "comments_consultation_decision_fk", columns: [t.consultationId, t.decisionId], foreignColumns: [consultations.id, consultations.decisionId] }),
  ],
);
