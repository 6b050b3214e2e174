import { type DecisionFile } from "./decision-file.js";
import { type ComplianceReport } from "./evaluate.js";
import { lawfulReviewBeforeDeliberation, REVIEW_WORKING_DAYS } from "./rules/decision.rules.js";
import { byDate, FileView } from "./rule.js";
import { addDays, addWorkingDays, CalendarNotCovered } from "./working-days.js";

export type LegalityQueueState = "NOT_SUBMITTED" | "UNDER_REVIEW" | "OVERDUE" | "FOUND_UNLAWFUL" | "RETURNED_FOR_MATERIALS" | "DELIBERATED_WITHOUT_LAWFUL_REVIEW";

export interface LegalityQueueEntry {
  state: LegalityQueueState;
  dueOn: string | null;
  submittedOn: string | null;
  reviewingBodyId: string | null;
  /** When the passing of time alone moves the entry (an open review falls due). */
  reassessOn: string | null;
}


/**
 * The due date of a review: the one asked for, or else the 7th working day after submission; null
 * when that day falls in a year whose official calendar is not published yet (not assessable: a
 * weekday count would be a guess, wrong whenever a holiday or a make-up working day falls in it).
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
 * Where a decision stands for the legal affairs office (computed from the full records): not yet
 * sent for review at the review stage, under review, overdue, found unlawful or returned, or
 * deliberated without a lawful review. Null when there is nothing for the office to do.
 */
export function legalityQueueEntry(file: DecisionFile, report: ComplianceReport, today: string): LegalityQueueEntry | null {
  const view = new FileView(file);
  const reviews = [...view.records("legality_reviews")].sort(byDate("submittedOn"));
  const latest = reviews.at(-1);
  const entry = (state: LegalityQueueState, dueOn: string | null = null, reassessOn: string | null = null): LegalityQueueEntry => ({
    state,
    dueOn,
    submittedOn: (latest?.submittedOn as string | undefined) ?? null,
    reviewingBodyId: (latest?.reviewingBodyId as string | undefined) ?? null,
    reassessOn,
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
  const due = dueDateOf(latest);
  if (due !== null && today > due) return entry("OVERDUE", due);
  return entry("UNDER_REVIEW", due, due === null ? null : addDays(due, 1));
}
