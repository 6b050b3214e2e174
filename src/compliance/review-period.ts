import { addWorkingDays, calendarYears, CalendarNotCovered } from "./working-days.js";

type Row = Record<string, unknown>;

/** Art. 26(2): a legality review is given, generally, at least this many working days. */
export const REVIEW_WORKING_DAYS = 7;

/** What ends the time a legality review has. */
export type DeadlineSource = "REQUESTED_DUE_DATE" | "DEFAULT_PERIOD" | "SCHEDULED_MEETING";

export interface ReviewDeadline {
  /** The last day the reviewer has; null when it cannot be told. */
  on: string | null;
  setBy: DeadlineSource | null;
}

/**
 * The meeting a review is sent ahead of: the one scheduled when the draft was sent, or the first
 * deliberation held after submission, whichever comes first. A meeting that sits earlier than planned
 * leaves the reviewer less time; one postponed does not undo the time the sender gave.
 */
export function meetingAfter(review: Row, meetings: readonly Row[]): string | null {
  const submitted = review.submittedOn as string;
  const held = meetings.map((row) => row.heldOn as string).filter((day) => day > submitted);
  return [review.meetingScheduledOn as string | null, ...held].filter((day): day is string => Boolean(day)).sort()[0] ?? null;
}

/**
 * The reviewer's real deadline (art. 25(1), 26(2)): the due date asked for — or, with `withDefault`,
 * else the 7th working day after submission — unless the meeting the draft is sent ahead of comes
 * earlier; a review may still be finished on the meeting's day, as the art. 25 rule accepts. A tie
 * goes to the due date: the meeting does not shorten it. Null when the default day falls in a year
 * whose official calendar is not published yet and no earlier meeting settles it (never a weekday guess).
 */
export function reviewDeadline(review: Row, meetings: readonly Row[], withDefault: boolean): ReviewDeadline {
  const meeting = meetingAfter(review, meetings);
  let asked: ReviewDeadline = { on: null, setBy: null };
  if (review.dueOn) asked = { on: review.dueOn as string, setBy: "REQUESTED_DUE_DATE" };
  else if (withDefault) {
    try {
      asked = { on: addWorkingDays(review.submittedOn as string, REVIEW_WORKING_DAYS), setBy: "DEFAULT_PERIOD" };
    } catch (error) {
      if (!(error instanceof CalendarNotCovered)) throw error;
      // The 7th working day lies past the calendar's last year: a meeting within it comes first.
      return meeting !== null && Number(meeting.slice(0, 4)) <= calendarYears.last ? { on: meeting, setBy: "SCHEDULED_MEETING" } : asked;
    }
  }
  if (meeting !== null && (asked.on === null || meeting < asked.on)) return { on: meeting, setBy: "SCHEDULED_MEETING" };
  return asked;
}
