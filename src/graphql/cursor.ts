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

export const isUuid: CursorValueCheck = (v) => typeof v === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(v);
export const isInteger: CursorValueCheck = (v) => Number.isSafeInteger(v);
export const isLocalDate: CursorValueCheck = (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
export const isTimestamp: CursorValueCheck = (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(v) && !Number.isNaN(Date.parse(v));
export const isText: CursorValueCheck = (v) => typeof v === "string" && v.length <= 10_000;

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
