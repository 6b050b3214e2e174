import { describe, expect, it } from "vitest";
import { addWorkingDays, CalendarNotCovered, commentPeriodDays, calendarYears, isWorkingDay, workingDaysBetween } from "../src/compliance/working-days.js";

describe("working days on the official calendar", () => {
  it("skips public holidays and counts the weekend days worked in exchange", () => {
    // 2024 National Day: 1–7 October off; Sunday 29 September and Saturday 12 October are working days.
    expect(isWorkingDay("2024-09-29")).toBe(true);
    expect(isWorkingDay("2024-10-01")).toBe(false);
    expect(isWorkingDay("2024-10-07")).toBe(false);
    expect(isWorkingDay("2024-10-12")).toBe(true);
    expect(isWorkingDay("2024-10-13")).toBe(false);
    expect(workingDaysBetween("2024-09-27", "2024-10-11")).toBe(6);
    expect(workingDaysBetween("2024-09-27", "2024-10-12")).toBe(7);
    expect(addWorkingDays("2024-09-27", 7)).toBe("2024-10-12");
  });

  it("counts an ordinary week as five", () => {
    expect(workingDaysBetween("2024-11-01", "2024-11-08")).toBe(5);
    expect(workingDaysBetween("2024-11-08", "2024-11-08")).toBe(0);
  });

  it("refuses to count in a year whose holiday arrangements it does not know", () => {
    expect(calendarYears.first).toBeLessThanOrEqual(2019);
    const unknown = `${calendarYears.last + 1}-03-02`;
    expect(() => isWorkingDay(unknown)).toThrow(CalendarNotCovered);
  });

  it("counts a period as the Civil Code does: the opening day is not counted", () => {
    expect(commentPeriodDays("2026-02-01", "2026-03-03")).toBe(30);
    expect(commentPeriodDays("2026-02-01", "2026-03-02")).toBe(29);
  });
});
