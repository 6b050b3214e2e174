import DataLoader from "dataloader";
import { and, count, getTableColumns, lte, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import { type CursorValue, type CursorValueCheck, decodeCursor, encodeCursor } from "../graphql/cursor.js";
import { type Page } from "../graphql/connection.js";
import { type LoaderOptions, type Row } from "./by-id.loader.js";
import { type Reader } from "./reader.js";
import { builtStatement, idSlots, idValues, inIds, serialOf } from "./built-statements.js";
import { type AppDb } from "./database.js";

/** A fixed ordering of child records: sort keys (drizzle keys), the last being `id`. */
export interface ChildOrdering {
  name: string;
  keys: string[];
  checks: CursorValueCheck[];
}

export interface ChildPageKey {
  parentId: string;
  size: number;
  after: string | null;
}

export const cursorValueOf = (value: unknown): CursorValue => (value instanceof Date ? value.toISOString() : (value as CursorValue));

/** `(a, b, id) > (x, y, z)` (or `<` descending), each cursor value cast to its sort key's type. */
export function keysetAfter(keys: { expression: SQLWrapper; sqlType: string }[], values: (CursorValue | SQLWrapper)[], direction: "asc" | "desc" = "asc"): SQL {
  const expressions = keys.map((key) => key.expression);
  const typed = values.map((value, i) => sql`cast(${value} as ${sql.raw(keys[i]!.sqlType)})`);
  return sql`(${sql.join(expressions, sql`, `)}) ${sql.raw(direction === "asc" ? ">" : "<")} (${sql.join(typed, sql`, `)})`;
}

/**
 * Pages of child records for many parents in one statement: a window function numbers each
 * parent's children and the page is cut per parent, so the statement count does not grow with
 * the number of parents or the page size.
 */
export function childPagesLoader(read: Reader, table: PgTable, parentKey: string, ordering: ChildOrdering, options?: LoaderOptions) {
  const columns = getTableColumns(table);
  const parentColumn = columns[parentKey] as PgColumn;
  const orderColumns = ordering.keys.map((key) => columns[key] as PgColumn);

  const sortKeys = orderColumns.map((c) => ({ expression: c, sqlType: c.getSQLType() }));
  // One statement per bucket of parents, with or without a cursor; the parents, the page size and
  // the cursor are its values.
  const build = (parents: number, withCursor: boolean) => (db: AppDb) => {
    const pagePosition = sql<number>`row_number() over (partition by ${parentColumn} order by ${sql.join(orderColumns, sql`, `)})`.as("page_position");
    const inner = db
      .select({ ...columns, pagePosition })
      .from(table)
      .where(and(inIds(parentColumn, parents), withCursor ? keysetAfter(sortKeys, ordering.keys.map((_, i) => sql.placeholder(`after${i}`))) : undefined))
      .as("numbered");
    return db.select().from(inner).where(lte(inner.pagePosition, sql.placeholder("rows"))).orderBy(inner.pagePosition);
  };

  const loadGroup = async (parentIds: string[], size: number, after: string | null): Promise<Map<string, Page<Row>>> => {
    const afterValues = after ? decodeCursor(after, ordering.name, ordering.checks, "after") : null;
    const key = `childPages:${serialOf(table)}:${parentKey}:${ordering.name}:${idSlots(parentIds.length)}:${afterValues ? "after" : "first"}`;
    const values = { ...idValues(parentIds), rows: size + 1, ...Object.fromEntries((afterValues ?? []).map((value, i) => [`after${i}`, value])) };
    const rows = (await read((db) => builtStatement(db, key, build(parentIds.length, afterValues !== null)).execute(values))) as unknown as (Row & { pagePosition: number })[];
    const pages = new Map<string, Page<Row>>(
      parentIds.map((id) => {
        const page: Page<Row> = { rows: [], cursorOf: (i) => encodeCursor(ordering.name, ordering.keys.map((key) => cursorValueOf(page.rows[i]![key]))), hasNextPage: false, hasPreviousPage: after !== null };
        return [id, page];
      }),
    );
    // The row keeps its page_position (no field shows it): copying a row to drop one property cost
    // more than anything else this loop does.
    for (const row of rows) {
      const page = pages.get(row[parentKey] as string)!;
      if (row.pagePosition > size) page.hasNextPage = true;
      else page.rows.push(row);
    }
    return pages;
  };

  return new DataLoader<ChildPageKey, Page<Row>, string>(
    async (keys) => {
      // Keys asking for the same page shape share one statement; usually that is all of them.
      const groups = new Map<string, ChildPageKey[]>();
      for (const key of keys) {
        const shape = JSON.stringify([key.size, key.after]);
        groups.set(shape, [...(groups.get(shape) ?? []), key]);
      }
      const results = new Map<ChildPageKey, Page<Row>>();
      for (const group of groups.values()) {
        const pages = await loadGroup([...new Set(group.map((k) => k.parentId))], group[0]!.size, group[0]!.after);
        for (const key of group) results.set(key, pages.get(key.parentId)!);
      }
      return keys.map((key) => results.get(key)!);
    },
    { ...options, cacheKeyFn: (key) => JSON.stringify([key.parentId, key.size, key.after]) },
  );
}

/** Counts of child records per parent, one statement per batch. */
export function childCountLoader(read: Reader, table: PgTable, parentKey: string, options?: LoaderOptions) {
  const parentColumn = getTableColumns(table)[parentKey] as PgColumn;
  return new DataLoader<string, number>(async (parentIds) => {
    const key = `childCount:${serialOf(table)}:${parentKey}:${idSlots(parentIds.length)}`;
    const rows = await read((db) =>
      builtStatement(db, key, (db) => db.select({ parentId: parentColumn, total: count() }).from(table).where(inIds(parentColumn, parentIds.length)).groupBy(parentColumn)).execute(idValues(parentIds)),
    );
    const totals = new Map(rows.map((row) => [row.parentId as string, row.total]));
    return parentIds.map((id) => totals.get(id) ?? 0);
  }, options);
}

/** All child records per parent, for short fixed lists (the four risk dimensions). */
export function childListLoader(read: Reader, table: PgTable, parentKey: string, orderKeys: string[], options?: LoaderOptions) {
  const columns = getTableColumns(table);
  const parentColumn = columns[parentKey] as PgColumn;
  return new DataLoader<string, Row[]>(async (parentIds) => {
    const key = `childList:${serialOf(table)}:${parentKey}:${orderKeys.join(",")}:${idSlots(parentIds.length)}`;
    const rows = (await read((db) =>
      builtStatement(db, key, (db) =>
        db
          .select()
          .from(table)
          .where(inIds(parentColumn, parentIds.length))
          .orderBy(...orderKeys.map((key) => columns[key] as PgColumn)),
      ).execute(idValues(parentIds)),
    )) as Row[];
    return parentIds.map((id) => rows.filter((row) => row[parentKey] === id));
  }, options);
}
