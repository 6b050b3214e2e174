import { type Row } from "../db/by-id.loader.js";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { type Viewer } from "../access/viewer.js";
import { appendAudit } from "../audit/audit-trail.js";
import { type Database } from "../db/database.js";
import { databaseErrorOf, UNIQUE_VIOLATION } from "../db/database-error.js";
import { disclosed } from "../disclosure/disclosed.tables.js";
import { rowIdOf, toGlobalId } from "../graphql/global-id.js";
import { userError, UserErrors, type UserError } from "../graphql/user-error.type.js";
import { type MutationOutcome, type RecordEditor } from "../store/record-editor.js";
import { asNode } from "../store/node.js";
import { markComplianceStale } from "../compliance/compliance-index.js";
import { chinaDate } from "../compliance/working-days.js";
import { comments, type stakeholderCategory } from "./comment.table.js";
import { type CommentThrottle } from "./comment-throttle.js";
import { formatReceiptNumber, parseReceiptNumber } from "./receipt-number.js";

export const COMMENT_MAX_LENGTH = 5000;
const EDITORS = ["EDITOR"] as const;

export interface CommentSubmitValues {
  consultationId: string;
  text: string;
  stakeholderCategory: (typeof stakeholderCategory.enumValues)[number];
  name?: string | null;
  contact?: string | null;
  idempotencyKey?: string | null;
}

export interface CommentReceiptValue {
  id: string;
  /** As residents read it (`K7QM-4TZ9-XP3R`). */
  number: string;
  moderationState: string;
  submittedAt: Date;
}

/** What the holder of a receipt learns of their comment: its state, and the reason if rejected. */
export interface CommentStatusValue {
  number: string;
  moderationState: string;
  submittedAt: Date;
  /** Only of a rejected comment: the editor's reason is for its commenter. */
  rejectionReason: string | null;
  /** The comment's row id, for its public record once published (read through the public path). */
  commentRowId: string | null;
}

const receiptOf = (row: { id: string; receiptNumber: string; moderationState: string; submittedAt: Date }): CommentReceiptValue => ({
  id: toGlobalId("Comment", row.id),
  number: formatReceiptNumber(row.receiptNumber),
  moderationState: row.moderationState,
  submittedAt: row.submittedAt,
});

export class CommentService {
  constructor(
    private readonly database: Database,
    private readonly editorial: RecordEditor,
    private readonly viewer: Viewer,
    private readonly clock: () => Date,
    private readonly throttle: CommentThrottle,
  ) {}

  /** Anyone may comment while a public consultation's period is open; the comment awaits moderation. */
  async submit(input: CommentSubmitValues): Promise<{ receipt: CommentReceiptValue | null; userErrors: UserError[] }> {
    try {
      return { receipt: await this.accept(input), userErrors: [] };
    } catch (error) {
      if (error instanceof UserErrors) return { receipt: null, userErrors: error.errors };
      throw error;
    }
  }

  private async accept(input: CommentSubmitValues): Promise<CommentReceiptValue> {
    const errors: UserError[] = [];
    // A key is the submitter's own: scoped to their address, so nobody learns another's receipt.
    const key = input.idempotencyKey?.trim() ? createHash("sha256").update(`${this.viewer.clientAddress}\u0000${input.idempotencyKey.trim()}`).digest("hex") : null;
    const text = input.text.trim();
    if (!text || text.length > COMMENT_MAX_LENGTH) errors.push(userError("INVALID_INPUT", `The comment must be 1 to ${COMMENT_MAX_LENGTH} characters.`, ["text"]));
    if ((input.name ?? "").length > 100) errors.push(userError("INVALID_INPUT", "name may be at most 100 characters.", ["name"]));
    if ((input.contact ?? "").length > 200) errors.push(userError("INVALID_INPUT", "contact may be at most 200 characters.", ["contact"]));
    if ((input.idempotencyKey ?? "").length > 100) errors.push(userError("INVALID_INPUT", "idempotencyKey may be at most 100 characters.", ["idempotencyKey"]));
    let consultationId: string;
    try {
      consultationId = rowIdOf(input.consultationId, "Consultation", "input.consultationId");
    } catch {
      throw new UserErrors([...errors, userError("INVALID_INPUT", "consultationId must be the id of a Consultation.", ["consultationId"])]);
    }
    if (errors.length) throw new UserErrors(errors);

    // Only a consultation the public can see takes public comments.
    const [consultation] = await this.database.readDisclosed((db) =>
      db.select().from(disclosed.consultations).where(eq(disclosed.consultations.id, consultationId)),
    );
    if (!consultation) throw new UserErrors([userError("NOT_FOUND", "No public consultation has this id.", ["consultationId"])]);
    const now = this.clock();
    const today = chinaDate(now);
    if (today < consultation.opensOn || today > consultation.closesOn) {
      throw new UserErrors([
        userError("COMMENT_PERIOD_CLOSED", `This consultation takes comments from ${consultation.opensOn} to ${consultation.closesOn} (today is ${today}).`, ["consultationId"]),
      ]);
    }

    const earlier = async () => {
      if (!key) return null;
      const [row] = await this.database.asWriter((db) => db.select().from(comments).where(and(eq(comments.consultationId, consultationId), eq(comments.idempotencyKey, key))));
      if (!row) return null;
      // A key names one submission: the same key with another comment is a client's mistake, and
      // answering with the first receipt would lose the second comment without a word.
      const same = row.text === text && row.stakeholderCategory === input.stakeholderCategory && row.commenterName === (input.name?.trim() || null) && row.commenterContact === (input.contact?.trim() || null);
      if (!same) throw new UserErrors([userError("CONFLICT", "This idempotencyKey was already used for a different comment; use a new key for a new comment.", ["idempotencyKey"])]);
      return receiptOf(row);
    };
    const retried = await earlier();
    if (retried) return retried;
    // Before the write's transaction, not in it: a refusal is the request's (429), not a user error,
    // and PGlite's one connection could not run the throttle's statement inside an open transaction.
    await this.throttle.take(this.viewer.clientAddress, now);
    return this.editorial.writeRecorded(async (db) => {
      const [row] = await db
        .insert(comments)
        .values({
          consultationId,
          decisionId: consultation.decisionId,
          stakeholderCategory: input.stakeholderCategory,
          text,
          commenterName: input.name?.trim() || null,
          commenterContact: input.contact?.trim() || null,
          idempotencyKey: key,
          moderationState: "PENDING",
          submittedAt: now,
        })
        .returning();
      // Nothing public changes (a comment awaiting moderation is nobody's news), but staff's compliance report does.
      await markComplianceStale(db, row!.decisionId);
      await appendAudit(db, this.editorial.actor, { action: "commentSubmit", recordType: "comments", recordId: row!.id, decisionId: row!.decisionId, before: null, after: row });
      return receiptOf(row!);
    }).then(({ result }) => result, async (error: unknown) => {
      // Two retries racing: the loser finds the winner's comment.
      if (databaseErrorOf(error).code === UNIQUE_VIOLATION) {
        const winner = await earlier();
        if (winner) return winner;
      }
      throw error;
    });
  }

  /**
   * The status of the comment a receipt number names, for whoever holds it; null for a number that
   * is malformed, fails its check symbol or names no comment alike. Nothing of the commenter (name,
   * contact) and nothing of any other comment is read.
   */
  async status(number: string): Promise<CommentStatusValue | null> {
    const stored = parseReceiptNumber(number);
    if (!stored) return null;
    const [row] = await this.database.asWriter((db) =>
      db
        .select({ id: comments.id, receiptNumber: comments.receiptNumber, moderationState: comments.moderationState, submittedAt: comments.submittedAt, rejectionReason: comments.rejectionReason })
        .from(comments)
        .where(eq(comments.receiptNumber, stored)),
    );
    if (!row) return null;
    return {
      number: formatReceiptNumber(row.receiptNumber),
      moderationState: row.moderationState,
      submittedAt: row.submittedAt,
      rejectionReason: row.moderationState === "REJECTED" ? row.rejectionReason : null,
      commentRowId: row.moderationState === "PUBLISHED" ? row.id : null,
    };
  }

  /** Publishes or rejects (with a reason) a submitted comment. */
  async moderate(input: { id: string; expectedVersion: number; decision: "PUBLISH" | "REJECT"; reason?: string | null }): Promise<MutationOutcome> {
    this.editorial.authorize(EDITORS, "commentModerate");
    return this.change("commentModerate", input, () => {
      if (input.decision === "REJECT" && !input.reason?.trim()) throw new UserErrors([userError("INVALID_INPUT", "Give the reason for rejecting the comment.", ["reason"])]);
      return input.decision === "PUBLISH" ? { moderationState: "PUBLISHED", rejectionReason: null } : { moderationState: "REJECTED", rejectionReason: input.reason!.trim() };
    });
  }

  /** Records what became of a comment and the answer to it (意见采纳情况). */
  async answer(input: { id: string; expectedVersion: number; adoptionResult: string; reply?: string | null }): Promise<MutationOutcome> {
    this.editorial.authorize(EDITORS, "commentAnswer");
    return this.change("commentAnswer", input, (before) => {
      const reply = input.reply?.trim() ?? "";
      if (input.adoptionResult !== "UNDER_CONSIDERATION" && !reply) throw new UserErrors([userError("INVALID_INPUT", "Answer the comment: a reply is required once it is decided.", ["reply"])]);
      if (reply.length > COMMENT_MAX_LENGTH) throw new UserErrors([userError("INVALID_INPUT", `The reply may be at most ${COMMENT_MAX_LENGTH} characters.`, ["reply"])]);
      // Art. 18 counts the first decided answer; a later correction does not move it.
      const decided = input.adoptionResult !== "UNDER_CONSIDERATION";
      return { adoptionResult: input.adoptionResult, reply: reply || null, answeredAt: decided ? (before.answeredAt ?? this.clock()) : null };
    });
  }

  private change(action: string, input: { id: string; expectedVersion: number }, changes: (before: Row) => Record<string, unknown>): Promise<MutationOutcome> {
    return this.editorial.write(async (db) => {
      const before = await this.editorial.lockForChange(db, "Comment", input.id, input.expectedVersion);
      const after = await this.editorial.applyChange(db, "Comment", before, changes(before));
      await appendAudit(db, this.editorial.actor, { action, recordType: "comments", recordId: after.id, decisionId: after.decisionId, before, after });
      return asNode("Comment", after);
    });
  }
}
