import { bigint, index, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { idColumn, recordKeepingColumns, timestampColumns } from "../db/columns.js";
import { decisionIdColumn } from "../decisions/decision-part.columns.js";

/** Which document of the record an attachment is (art. 33: the whole record is archived). */
export const attachmentKind = pgEnum("attachment_kind", [
  "DRAFT",
  "DRAFTING_EXPLANATION",
  "RISK_ASSESSMENT_REPORT",
  "EXPERT_OPINION",
  "LEGALITY_REVIEW_OPINION",
  "DECISION_DOCUMENT",
  "OTHER",
]);

export const attachmentsColumns = () => ({
  id: idColumn(),
  decisionId: decisionIdColumn(),
  kind: attachmentKind("kind").notNull(),
  title: text("title"),
  mediaType: text("media_type").notNull(),
  url: text("url"),
  byteSize: bigint("byte_size", { mode: "number" }),
  ...recordKeepingColumns(),
  ...timestampColumns(),
});

export const attachments = pgTable(
  "attachments",
  attachmentsColumns(),
  (t) => [index("attachments_decision_idx").on(t.decisionId, t.id)],
);
