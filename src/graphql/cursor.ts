import { isUuidText } from "./global-id.js";
import { UserInputError } from "./user-input.error.js";

/**
 * Keyset cursors: the ordering's name and the sort values of the row, ending with its id.
 * They carry only disclosed values (they are read from the disclosure projection).
 */
export type CursorValue = string | number | null;

export function encodeCursor(ordering: string, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify([ordering, ...values]), "utf8").toString("base64url");
}

/** Checks each sort value; a cursor is client input like any other. */
export type CursorValueCheck = (value: unknown) => boolean;

export const isUuid: CursorValueCheck = isUuidText;
/** A 32-bit integer, as PostgreSQL's integer columns hold. */
export const isInteger: CursorValueCheck = (v) => Number.isInteger(v) && (v as number) >= -2_147_483_648 && (v as number) <= 2_147_483_647;
/** A real calendar day between years 1 and 9999 (PostgreSQL rejects year 0 and 30 February alike). */
export const isLocalDate: CursorValueCheck = (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && isCalendarDay(v);
export const isTimestamp: CursorValueCheck = (v) =>
  typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v) && isCalendarDay(v.slice(0, 10)) && new Date(v).toISOString() === v;
/** Text without NUL, which PostgreSQL text cannot hold. */
export const isText: CursorValueCheck = (v) => typeof v === "string" && v.length <= 10_000 && !v.includes("\u0000");

export function isCalendarDay(day: string): boolean {
  const parsed = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day && day >= "0001-01-01";
}

export function decodeCursor(cursor: string, ordering: string, checks: CursorValueCheck[], argument: string): CursorValue[] {
  const invalid = () => new UserInputError(`"${argument}" is not a valid cursor for this list and ordering.`, argument);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed[0] !== ordering || parsed.length !== checks.length + 1) throw invalid();
  const values = parsed.slice(1) as unknown[];
  if (!values.every((value, i) => checks[i]!(value))) throw invalid();
  return values as CursorValue[];
}
