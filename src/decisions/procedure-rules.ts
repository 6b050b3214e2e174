import { and, desc, eq, inArray, isNull, lte } from "drizzle-orm";
import { publicBodies, SELF_GOVERNING_BODIES } from "../bodies/public-body.table.js";
import { COMMENT_PERIOD_DAYS, commentPeriodDays } from "../compliance/working-days.js";
import { type AppDb } from "../db/database.js";
import { decisions } from "./decision.table.js";
import { deliberations, GOVERNMENT_MEETINGS } from "../deliberations/deliberation.table.js";
import { ADJUSTMENT_KINDS, ART_35_CIRCUMSTANCES } from "../implementation/implementation-report.table.js";
import { userError, UserErrors, type UserError } from "../graphql/user-error.type.js";
import { legalityReviews } from "../legality-reviews/legality-review.table.js";
import { publications } from "../publications/publication.table.js";
import { riskAssessments } from "../risk-assessments/risk-assessment.table.js";

/** Articles of the Interim Regulations on Major Administrative Decision-making Procedures (Decree 713). */
export const ARTICLE = {
  commentPeriod: "art. 15 (《重大行政决策程序暂行条例》第十五条)",
  uncontrollableRisk: "art. 24 (《重大行政决策程序暂行条例》第二十四条)",
  legalityReview: "art. 25 (《重大行政决策程序暂行条例》第二十五条)",
  deliberation: "art. 30 (《重大行政决策程序暂行条例》第三十条)",
  publication: "art. 32 (《重大行政决策程序暂行条例》第三十二条)",
  adjustment: "art. 37 (《重大行政决策程序暂行条例》第三十七条)",
} as const;

const LAWFUL = ["LAWFUL", "LAWFUL_AFTER_AMENDMENT"] as const;
const ADOPTED = ["ADOPTED", "ADOPTED_WITH_CHANGES"] as const;


/**
 * The decision's latest legality review (by submission, as of the meeting when its date is known)
 * must be completed, by then, and lawful: art. 25.
 */
async function lawfulReview(db: AppDb, decisionId: string, asOf: string | null): Promise<UserError | null> {
  const [latest] = await db
    .select()
    .from(legalityReviews)
    .where(and(eq(legalityReviews.decisionId, decisionId), isNull(legalityReviews.withdrawnAt), asOf ? lte(legalityReviews.submittedOn, asOf) : undefined))
    .orderBy(desc(legalityReviews.submittedOn), desc(legalityReviews.createdAt))
    .limit(1);
  if (!latest) return userError("PROCEDURE_VIOLATION", `The draft had not been submitted for legality review${asOf ? ` by ${asOf}` : ""}; it may not go to deliberation.`, [], ARTICLE.legalityReview);
  if (!latest.result || !(LAWFUL as readonly string[]).includes(latest.result) || (asOf && latest.completedOn! > asOf)) {
    return userError(
      "PROCEDURE_VIOLATION",
      `The latest legality review${asOf ? ` as of ${asOf}` : ""} is ${latest.result && !(asOf && latest.completedOn! > asOf) ? `"${latest.result}"` : "not completed"}; only a lawful draft may go to deliberation.`,
      [],
      ARTICLE.legalityReview,
    );
  }
  return null;
}

/** An uncontrollable risk means the draft is changed (and assessed again) first: art. 24. */
async function controllableRisk(db: AppDb, decisionId: string, asOf: string | null): Promise<UserError | null> {
  const [latest] = await db
    .select({ controllability: riskAssessments.controllability })
    .from(riskAssessments)
    .where(and(eq(riskAssessments.decisionId, decisionId), isNull(riskAssessments.withdrawnAt), asOf ? lte(riskAssessments.assessedOn, asOf) : undefined))
    .orderBy(desc(riskAssessments.assessedOn), desc(riskAssessments.createdAt))
    .limit(1);
  return latest?.controllability === "UNCONTROLLABLE"
    ? userError("PROCEDURE_VIOLATION", "The latest risk assessment found the risk uncontrollable; change the draft and assess it again before adopting it (a meeting may still reject or defer it).", [], ARTICLE.uncontrollableRisk)
    : null;
}

/** A decision is published only after a deliberation adopted it, and not before that meeting: art. 30, 32. */
async function adoptedBefore(db: AppDb, decisionId: string, publishedOn: string | null): Promise<UserError | null> {
  const [adopted] = await db
    .select({ heldOn: deliberations.heldOn })
    .from(deliberations)
    .where(
      and(
        eq(deliberations.decisionId, decisionId),
        isNull(deliberations.withdrawnAt),
        inArray(deliberations.outcome, [...ADOPTED]),
        publishedOn ? lte(deliberations.heldOn, publishedOn) : undefined,
      ),
    )
    .limit(1);
  return adopted
    ? null
    : userError("PROCEDURE_VIOLATION", publishedOn ? `No deliberation adopted the decision on or before ${publishedOn}; publication cannot precede it.` : "No deliberation has adopted the decision.", publishedOn ? ["publishedOn"] : [], ARTICLE.publication);
}

async function exists(db: AppDb, table: typeof deliberations | typeof publications, decisionId: string): Promise<boolean> {
  const [row] = await db.select({ id: table.id }).from(table).where(and(eq(table.decisionId, decisionId), isNull(table.withdrawnAt))).limit(1);
  return Boolean(row);
}

async function published(db: AppDb, decisionId: string): Promise<UserError | null> {
  const [publication] = await db.select({ id: publications.id }).from(publications).where(and(eq(publications.decisionId, decisionId), isNull(publications.withdrawnAt))).limit(1);
  return publication ? null : userError("PROCEDURE_VIOLATION", "The decision has not been published; it cannot be implemented or evaluated yet.", [], ARTICLE.publication);
}

/**
 * A matter a village or community committee decides is its residents' self-government, which Decree 713
 * does not govern (art. 2, 42): its meetings owe no legality review or risk assessment under it.
 */
async function selfGoverning(db: AppDb, decisionId: string): Promise<boolean> {
  const [body] = await db.select({ kind: publicBodies.kind }).from(decisions).innerJoin(publicBodies, eq(publicBodies.id, decisions.decidingBodyId)).where(eq(decisions.id, decisionId)).limit(1);
  return SELF_GOVERNING_BODIES.has(body?.kind ?? "");
}

/** Attendance and votes that cannot be true: more present than entitled, more votes than present. */
function checkCounts(values: Record<string, any>): void {
  const { entitledCount: entitled, presentCount: present, votesFor: votes } = values as Record<string, number | null | undefined>;
  const errors: UserError[] = [];
  if (present != null && entitled != null && present > entitled) errors.push(userError("INVALID_INPUT", `presentCount (${present}) must not exceed entitledCount (${entitled}).`, ["presentCount"]));
  if (votes != null && present != null && votes > present) errors.push(userError("INVALID_INPUT", `votesFor (${votes}) must not exceed presentCount (${present}).`, ["votesFor"]));
  if (votes != null && present == null) errors.push(userError("INVALID_INPUT", "votesFor is recorded with presentCount.", ["presentCount"]));
  if (present != null && entitled == null) errors.push(userError("INVALID_INPUT", "presentCount is recorded with entitledCount.", ["entitledCount"]));
  if (errors.length) throw new UserErrors(errors);
}

/**
 * Art. 37: a change or stop follows the statutory procedure, shown by the deciding body adopting it
 * at a new executive or plenary meeting by the day it was decided; the head may suspend first in a
 * circumstance of art. 35(1). The compliance rule ADJUSTED_BY_STATUTORY_PROCEDURE judges the same.
 */
async function lawfulAdjustment(db: AppDb, decisionId: string, values: Record<string, any>): Promise<UserError | null> {
  if (!ADJUSTMENT_KINDS.has(values.kind)) return null;
  if (values.kind === "SUSPENSION" && values.procedure === "HEAD_DECIDED" && ART_35_CIRCUMSTANCES.has(values.circumstance)) return null;
  if (await selfGoverning(db, decisionId)) return null;
  const day = (values.decidedOn ?? values.reportedOn) as string;
  const meetings = await db
    .select({ heldOn: deliberations.heldOn, bodyKind: deliberations.bodyKind })
    .from(deliberations)
    .where(and(eq(deliberations.decisionId, decisionId), isNull(deliberations.withdrawnAt), inArray(deliberations.outcome, [...ADOPTED])))
    .orderBy(deliberations.heldOn);
  const adoptedOn = meetings[0]?.heldOn;
  if (adoptedOn && meetings.some((m) => GOVERNMENT_MEETINGS.has(m.bodyKind) && m.heldOn > adoptedOn && m.heldOn <= day)) return null;
  const message =
    values.kind === "SUSPENSION"
      ? `No executive or plenary meeting deliberated the suspension by ${day}, and it is not recorded as the head's decision in a circumstance of art. 35(1) (procedure HEAD_DECIDED with circumstance PROBLEM_FOUND, CIRCUMSTANCES_CHANGED or FORCE_MAJEURE).`
      : `No executive or plenary meeting adopted the ${values.kind === "ADJUSTMENT" ? "change" : "stop"} after the decision was adopted and by ${day}; a decision is changed or stopped only through the statutory procedure.`;
  return userError("PROCEDURE_VIOLATION", message, ["procedure"], ARTICLE.adjustment);
}

const collect = async (checks: Promise<UserError | null>[]): Promise<UserError[]> => (await Promise.all(checks)).filter((e): e is UserError => e !== null);

/**
 * The procedure's rules for a record about to be written: `values` is the record as it would be,
 * `before` the record as it was (null when creating). What cannot be true (dates out of order within
 * the record) or would rewrite what a later step rests on is thrown. A breach of the procedure is
 * returned instead: it may well have happened, and a system that cannot record it pushes staff to
 * falsify dates, so the write records it once acknowledged (see EditorialService) and the
 * compliance report judges it.
 */
export async function checkProcedure(db: AppDb, typeName: string, values: Record<string, any>, before: Record<string, any> | null): Promise<UserError[]> {
  const decisionId = values.decisionId as string;
  const changed = (...keys: string[]) => before === null || keys.some((key) => String(values[key] ?? "") !== String(before[key] ?? ""));
  switch (typeName) {
    case "Consultation": {
      if (values.closesOn < values.opensOn) throw new UserErrors([userError("INVALID_INPUT", "closesOn must not be before opensOn.", ["closesOn"])]);
      const length = commentPeriodDays(values.opensOn, values.closesOn);
      if (values.method === "ONLINE_COMMENT" && length < COMMENT_PERIOD_DAYS && !values.shortPeriodReason?.trim()) {
        return [userError("PROCEDURE_VIOLATION", `A comment period of ${length} days is shorter than 30 without a reason: state it in shortPeriodReason when the period opens.`, ["shortPeriodReason"], ARTICLE.commentPeriod)];
      }
      return [];
    }
    case "LegalityReview": {
      if (before?.result && changed("result", "completedOn")) {
        throw new UserErrors([userError("PROCEDURE_VIOLATION", "A completed legality review is final; submit the draft for a new review instead.", ["result"], ARTICLE.legalityReview)]);
      }
      if (values.completedOn && values.completedOn < values.submittedOn) throw new UserErrors([userError("INVALID_INPUT", "completedOn must not be before submittedOn.", ["completedOn"])]);
      // Scheduled as known when the draft was sent: a meeting already past then is not the one it is sent ahead of.
      if (values.meetingScheduledOn && values.meetingScheduledOn < values.submittedOn) {
        throw new UserErrors([userError("INVALID_INPUT", "meetingScheduledOn must not be before submittedOn: the meeting scheduled to deliberate the draft comes after it is sent for review.", ["meetingScheduledOn"])]);
      }
      if (Boolean(values.result) !== Boolean(values.completedOn)) throw new UserErrors([userError("INVALID_INPUT", "A result and its completion date are recorded together.", [values.result ? "completedOn" : "result"])]);
      return [];
    }
    case "Deliberation":
      checkCounts(values);
      if (!changed("outcome", "heldOn")) return [];
      if (before && (await exists(db, publications, decisionId))) {
        throw new UserErrors([userError("PROCEDURE_VIOLATION", "The decision is published; the deliberation that adopted it can no longer change.", ["outcome"], ARTICLE.publication)]);
      }
      if (await selfGoverning(db, decisionId)) return [];
      // Art. 24 restricts only deciding: a meeting may reject or defer a draft whose risk is uncontrollable.
      return collect([lawfulReview(db, decisionId, values.heldOn), (ADOPTED as readonly string[]).includes(values.outcome) ? controllableRisk(db, decisionId, values.heldOn) : Promise.resolve(null)]);
    case "Publication":
      return collect([adoptedBefore(db, decisionId, values.publishedOn)]);
    case "ImplementationReport":
      if (values.decidedOn && values.decidedOn > values.reportedOn) throw new UserErrors([userError("INVALID_INPUT", "decidedOn must not be after reportedOn: a report tells what was decided.", ["decidedOn"])]);
      return collect([before ? Promise.resolve(null) : published(db, decisionId), changed("kind", "reportedOn", "decidedOn", "procedure", "circumstance") ? lawfulAdjustment(db, decisionId, values) : Promise.resolve(null)]);
    case "PostEvaluation":
      return before ? [] : collect([published(db, decisionId)]);
  }
  return [];
}

/** A record others rest on cannot be withdrawn from under them. */
export async function checkWithdrawal(db: AppDb, typeName: string, row: Record<string, any>): Promise<void> {
  const decisionId = row.decisionId as string;
  const refuse = (message: string, article: string) => {
    throw new UserErrors([userError("PROCEDURE_VIOLATION", message, ["id"], article)]);
  };
  if ((typeName === "LegalityReview" || typeName === "RiskAssessment") && (await exists(db, deliberations, decisionId))) {
    refuse(`The decision has been deliberated on the strength of this ${typeName === "LegalityReview" ? "legality review" : "risk assessment"}; it cannot be withdrawn.`, typeName === "LegalityReview" ? ARTICLE.legalityReview : ARTICLE.uncontrollableRisk);
  }
  if (typeName === "Deliberation" && (await exists(db, publications, decisionId))) refuse("The decision is published; the deliberation cannot be withdrawn.", ARTICLE.publication);
}

/** A decision's stage is the service's own account of where it stands, not a fact to record: it is refused. */
async function refuseAny(checks: Promise<UserError | null>[]): Promise<void> {
  const errors = await collect(checks);
  if (errors.length > 0) throw new UserErrors(errors);
}

/** What must hold before a decision may enter `stage`. */
export async function checkStage(db: AppDb, decisionId: string, stage: string): Promise<void> {
  switch (stage) {
    case "DELIBERATION":
      if (await selfGoverning(db, decisionId)) return;
      return refuseAny([lawfulReview(db, decisionId, null), controllableRisk(db, decisionId, null)]);
    case "PUBLICATION":
      return refuseAny([adoptedBefore(db, decisionId, null)]);
    case "IMPLEMENTATION":
    case "POST_EVALUATION":
      return refuseAny([published(db, decisionId)]);
  }
}
