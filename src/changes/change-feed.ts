import { and, asc, count, gt, gte, max } from "drizzle-orm";
import { type Database, type DisclosedRead } from "../db/database.js";
import { disclosed } from "../disclosure/disclosed.tables.js";
import { typeNameOfRecord } from "../store/node-types.js";
import { toGlobalId } from "../graphql/global-id.js";
import { UserInputError } from "../graphql/user-input.error.js";
import { literalLimit } from "../db/literals.js";
import { isCalendarDay } from "../graphql/cursor.js";

export interface ChangeEntry {
  cursor: string;
  recordId: string;
  recordType: string;
  decisionId: string;
  kind: string;
  occurredAt: Date;
}

export const changeCursor = (id: number) => Buffer.from(`change:${id}`, "utf8").toString("base64url");

/** The position in the feed a cursor stands for; `null` for the start. */
export function changePosition(cursor: string | null | undefined, argument = "after"): number {
  if (!cursor) return 0;
  const match = /^change:(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match || changeCursor(Number(match[1])) !== cursor) throw new UserInputError(`"${argument}" is not a cursor of the change feed.`, argument);
  return Number(match[1]);
}

/** A time the feed may start at (`since`): an ISO 8601 date-time with its offset (Z or ±hh:mm), years 1–9999. */
export function feedTime(text: string | undefined, argument = "since"): Date | undefined {
  if (text === undefined) return undefined;
  const time = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(time.getTime()) || !isCalendarDay(text.slice(0, 10)) || text.startsWith("0000")) {
    throw new UserInputError(`"${argument}" must be an ISO 8601 date and time with its offset, e.g. 2026-01-01T00:00:00Z.`, argument);
  }
  return time;
}

/**
 * The public change feed, read from the disclosure projection's view of the change log for every
 * viewer: the feed is the public record's history, whoever follows it.
 */
export class ChangeFeed {
  constructor(private readonly database: Database) {}

  /**
   * The entries after position `after` (in commit order) and, given `since`, committed at or after it.
   * Entries are numbered in commit order and timed at their transaction's start, so the two orders
   * agree but for writes that waited for one another: each entry is tested on its own time, none is
   * skipped for another's.
   */
  async page(after: number, size: number, since?: Date): Promise<{ entries: ChangeEntry[]; hasMore: boolean }> {
    const c = disclosed.changes;
    const rows = await this.database.readDisclosed((db) =>
      db.select().from(c).where(and(gt(c.id, after), since ? gte(c.occurredAt, since) : undefined)).orderBy(asc(c.id)).limit(literalLimit(size + 1)),
    );
    return {
      hasMore: rows.length > size,
      entries: rows.slice(0, size).map((row) => {
        const typeName = typeNameOfRecord(row.recordType);
        return { cursor: changeCursor(row.id), recordId: toGlobalId(typeName, row.recordId), recordType: typeName, decisionId: toGlobalId("Decision", row.decisionId), kind: row.kind, occurredAt: row.occurredAt };
      }),
    };
  }

  async count(after: number, since?: Date): Promise<number> {
    const c = disclosed.changes;
    const [row] = await this.database.readDisclosed((db) => db.select({ n: count() }).from(c).where(and(gt(c.id, after), since ? gte(c.occurredAt, since) : undefined)));
    return row?.n ?? 0;
  }

  /** The cursor of the latest public change: where a bulk file generated now leaves off. */
  /** The cursor of the latest change, read by `read` (a file's own transaction, so that it agrees with the file). */
  async latest(read: DisclosedRead = (work) => this.database.readDisclosed(work)): Promise<string> {
    const c = disclosed.changes;
    const [row] = await read((db) => db.select({ id: max(c.id) }).from(c));
    return changeCursor(row?.id ?? 0);
  }
}
