import { createRequire } from "node:module";

/**
 * The official working-day calendar (法定工作日): Monday to Friday, except public holidays, plus the
 * weekend days worked in exchange (调休上班). The arrangements are the State Council's, as carried by
 * the `chinese-days` package (updated when the State Council publishes a year's arrangements).
 */
interface CalendarData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const data = createRequire(import.meta.url)("chinese-days/dist/chinese-days.json") as CalendarData;
const years = Object.keys(data.holidays).map((day) => Number(day.slice(0, 4)));

/** The years for which the holiday arrangements are known. */
export const calendarYears = { first: Math.min(...years), last: Math.max(...years) };

/** A date outside the years the calendar knows: working days cannot be counted there. */
export class CalendarNotCovered extends Error {
  constructor(readonly year: number) {
    super(`the official calendar has no holiday arrangements for ${year} (known: ${calendarYears.first}–${calendarYears.last})`);
  }
}

const DAY = 86_400_000;
const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const toDay = (time: number) => new Date(time).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return toDay(toTime(day) + days * DAY);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY);
}

export function isWorkingDay(day: string): boolean {
  const year = Number(day.slice(0, 4));
  if (year < calendarYears.first || year > calendarYears.last) throw new CalendarNotCovered(year);
  if (data.workdays[day]) return true;
  if (data.holidays[day]) return false;
  const weekday = new Date(toTime(day)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
}

/** The `n`th working day after `from`. */
export function addWorkingDays(from: string, n: number): string {
  let day = from;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) counted += 1;
  }
  return day;
}

/** Procedure dates are local to the government that sets them (China Standard Time, UTC+8). */
export const chinaDate = (instant: Date): string => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The length of a period in days as the Civil Code counts it (art. 201): the day it starts is not
 * counted, so a comment period opening on 1 February lasts 30 days if it closes on 3 March.
 */
export const commentPeriodDays = (opensOn: string, closesOn: string): number => daysBetween(opensOn, closesOn);

/** Art. 15(1): a public comment period lasts, generally, at least this many days. */
export const COMMENT_PERIOD_DAYS = 30;
