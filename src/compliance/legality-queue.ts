import { type DecisionFile } from "./decision-file.js";
import { type ComplianceReport } from "./evaluate.js";
import { type DeadlineSource, REVIEW_WORKING_DAYS, reviewDeadline } from "./review-period.js";
import { lawfulReviewBeforeDeliberation, reviewTimeGiven } from "./rules/decision.rules.js";
import { byDate, FileView, reasonNotInTime } from "./rule.js";
import { addDays, addWorkingDays, calendarYears, CalendarNotCovered, workingDaysBetween } from "./working-days.js";

export type LegalityQueueState = "NOT_SUBMITTED" | "UNDER_REVIEW" | "OVERDUE" | "FOUND_UNLAWFUL" | "RETURNED_FOR_MATERIALS" | "DELIBERATED_WITHOUT_LAWFUL_REVIEW";

/** Art. 26(2): why an open review's time is flagged — short, short with its reason stated in time, or not countable yet. */
export type ShortPeriod = "SHORT_PERIOD" | "SHORT_PERIOD_REASON_STATED" | "NOT_ASSESSABLE";

export interface LegalityQueueEntry {
  state: LegalityQueueState;
  /** The due date asked for, or else the 7th working day (the queue's earlier due date, kept for its readers). */
  dueOn: string | null;
  /** The reviewer's real deadline: the due date, or the meeting the draft goes to if earlier. */
  deadlineOn: string | null;
  deadlineSetBy: DeadlineSource | null;
  /** Working days from submission to the deadline; null when they cannot be counted exactly. */
  workingDays: number | null;
  shortPeriod: ShortPeriod | null;
  submittedOn: string | null;
  reviewingBodyId: string | null;
  /** When the passing of time alone moves the entry (an open review falls due). */
  reassessOn: string | null;
}

const lastCalendarDay = () => `${calendarYears.last}-12-31`;

/**
 * The due date asked for, or else the 7th working day after submission; null when that day falls in a
 * year whose official calendar is not published yet (a weekday count would be a guess).
 */
function dueDateOf(review: Record<string, unknown>): string | null {
  if (review.dueOn) return review.dueOn as string;
  try {
    return addWorkingDays(review.submittedOn as string, REVIEW_WORKING_DAYS);
  } catch (error) {
    if (error instanceof CalendarNotCovered) return null;
    throw error;
  }
}

/**
 * The time an open review has (art. 26(2)): its working days and whether it is short. Past the
 * official calendar the count is exact only if it reaches 7 within the published years; otherwise
 * it is not assessable, never a weekday guess.
 */
function periodOf(review: Record<string, unknown>, deadlineOn: string | null): Pick<LegalityQueueEntry, "workingDays" | "shortPeriod"> {
  const submitted = review.submittedOn as string;
  if (deadlineOn === null) return { workingDays: null, shortPeriod: "NOT_ASSESSABLE" };
  if (deadlineOn <= lastCalendarDay()) {
    const workingDays = workingDaysBetween(submitted, deadlineOn);
    if (workingDays >= REVIEW_WORKING_DAYS) return { workingDays, shortPeriod: null };
    // 一般: fewer days are lawful with the reason stated by the day the draft was sent (as the art. 26 rule holds).
    const reason = reasonNotInTime(review.shortTimeReason, review.shortTimeReasonStatedOn as string | null, submitted);
    return { workingDays, shortPeriod: reason === null ? "SHORT_PERIOD_REASON_STATED" : "SHORT_PERIOD" };
  }
  const known = submitted < lastCalendarDay() ? workingDaysBetween(submitted, lastCalendarDay()) : 0;
  return { workingDays: null, shortPeriod: known >= REVIEW_WORKING_DAYS ? null : "NOT_ASSESSABLE" };
}

/** The warning an entry carries, in both languages, citing art. 26(2). */
export function shortPeriodWarning(kind: ShortPeriod, workingDays: number | null): { kind: ShortPeriod; workingDays: number | null; article: string; messageZh: string; messageEn: string } {
  const { article } = reviewTimeGiven;
  const unpublished = calendarYears.last + 1;
  const text: Record<ShortPeriod, [string, string]> = {
    SHORT_PERIOD: [
      `审查时间仅${workingDays}个工作日，少于第二十六条第二款规定的一般不少于7个工作日，且送审时未说明理由。`,
      `The review has ${workingDays} working day(s), under the 7 that art. 26(2) generally requires, and no reason was stated when the draft was sent.`,
    ],
    SHORT_PERIOD_REASON_STATED: [
      `审查时间仅${workingDays}个工作日，少于7个工作日；送审时已说明缩短理由（第二十六条第二款“一般”）。`,
      `The review has ${workingDays} working day(s), under 7; a reason for the shorter time was stated when the draft was sent, which art. 26(2) ("generally") allows.`,
    ],
    NOT_ASSESSABLE: [
      `节假日安排尚未公布（官方工作日历未载${unpublished}年），无法计算审查时间是否不少于第二十六条第二款规定的7个工作日。`,
      `Not assessable: calendar not yet published (the official holiday arrangements for ${unpublished} are not out), so whether the review has the 7 working days of art. 26(2) cannot be counted.`,
    ],
  };
  return { kind, workingDays, article, messageZh: text[kind][0], messageEn: text[kind][1] };
}

/**
 * Where a decision stands for the legal affairs office (computed from the full records): not yet
 * sent for review at the review stage, under review, overdue, found unlawful or returned, or
 * deliberated without a lawful review. Null when there is nothing for the office to do.
 */
export function legalityQueueEntry(file: DecisionFile, report: ComplianceReport, today: string): LegalityQueueEntry | null {
  const view = new FileView(file);
  // A village's own matter is outside Decree 713 (art. 2, 42): the legal affairs office reviews none of it.
  if (view.selfGoverning()) return null;
  const reviews = [...view.records("legality_reviews")].sort(byDate("submittedOn"));
  const latest = reviews.at(-1);
  const entry = (state: LegalityQueueState, open: Partial<LegalityQueueEntry> = {}): LegalityQueueEntry => ({
    state,
    dueOn: null,
    deadlineOn: null,
    deadlineSetBy: null,
    workingDays: null,
    shortPeriod: null,
    submittedOn: (latest?.submittedOn as string | undefined) ?? null,
    reviewingBodyId: (latest?.reviewingBodyId as string | undefined) ?? null,
    reassessOn: null,
    ...open,
  });
  const art25 = report.results.find((result) => result.rule === lawfulReviewBeforeDeliberation);
  if (art25?.status === "VIOLATED") return entry("DELIBERATED_WITHOUT_LAWFUL_REVIEW");
  if (view.deliberated()) return null;
  if (!latest) return view.decision.stage === "LEGALITY_REVIEW" ? entry("NOT_SUBMITTED") : null;
  if (latest.completedOn) {
    // Art. 26(1): a review may return a draft whose materials fall short; that is no finding of unlawfulness.
    if (latest.result === "RETURNED") return entry("RETURNED_FOR_MATERIALS");
    return latest.result === "UNLAWFUL" ? entry("FOUND_UNLAWFUL") : null;
  }
  // Not deliberated yet: the meeting, if any, is the one scheduled when the draft was sent.
  const deadline = reviewDeadline(latest, view.deliberations(), true);
  const open = { dueOn: dueDateOf(latest), deadlineOn: deadline.on, deadlineSetBy: deadline.setBy, ...periodOf(latest, deadline.on) };
  if (deadline.on !== null && today > deadline.on) return entry("OVERDUE", open);
  return entry("UNDER_REVIEW", { ...open, reassessOn: deadline.on === null ? null : addDays(deadline.on, 1) });
}
