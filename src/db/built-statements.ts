import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { type AppDb } from "./database.js";
import { withFlatRows } from "./row-mapper.js";

/** What drizzle's `.prepare()` gives: the statement built once, run with its placeholders' values. */
export interface BuiltStatement<T> {
  execute(values: Record<string, unknown>): Promise<T>;
}

const built = new WeakMap<AppDb, Map<string, BuiltStatement<unknown>>>();
const serials = new WeakMap<object, number>();
let lastSerial = 0;

/** A stable name for an object (a table of one projection or the other), for statement keys. */
export function serialOf(object: object): number {
  let serial = serials.get(object);
  if (serial === undefined) serials.set(object, (serial = ++lastSerial));
  return serial;
}

/**
 * The loaders' statements, built once per database handle and shape instead of on every batch:
 * drizzle spent a quarter of a decision page's CPU walking its query trees (`is()`, building
 * selections) to produce the same few texts. Values go in as placeholders; a handle that lives for
 * one transaction (staff reads) keeps its statements only as long as itself.
 */
export function builtStatement<T>(db: AppDb, key: string, build: (db: AppDb) => { prepare(name: string): BuiltStatement<T> }): BuiltStatement<T> {
  let statements = built.get(db);
  if (!statements) built.set(db, (statements = new Map()));
  let statement = statements.get(key) as BuiltStatement<T> | undefined;
  if (statement) {
    // Most recently used last: the first in the map is the one to forget.
    statements.delete(key);
  } else {
    statement = withFlatRows(build(db).prepare(key));
    if (statements.size >= MAX_BUILT_STATEMENTS) statements.delete(statements.keys().next().value!);
  }
  statements.set(key, statement);
  return statement;
}

/**
 * Statements kept per handle. Shapes are few (ids come in buckets, page sizes are values), but a
 * client varying what it asks must not be able to grow the server's memory: past this many, the
 * least recently used is built again when next needed.
 */
export const MAX_BUILT_STATEMENTS = 500;

/**
 * `column IN ($id0, …, $idN)`, one text per bucket of id counts (see `idSlots`; the values from
 * `idValues`). Not
 * `= ANY($1)`: a generic plan cannot see an array's length, and over the withholding notices (a
 * union over every kind of record) it planned hash joins: 1.4 → 17 ms.
 */
export const inIds = (column: SQLWrapper, count: number): SQL =>
  sql`${column} IN (${sql.join(
    Array.from({ length: idSlots(count) }, (_, i) => sql.placeholder(`id${i}`)),
    sql`, `,
  )})`;

/**
 * How many ids a statement takes for `count` ids: the next power of two, so that a loader has a
 * handful of statements (1, 2, 4, … 128 ids), not one per batch size. The rest repeat the last id.
 */
export const idSlots = (count: number): number => 2 ** Math.ceil(Math.log2(Math.max(count, 1)));

export const idValues = (ids: readonly string[]): Record<string, string> =>
  Object.fromEntries(Array.from({ length: idSlots(ids.length) }, (_, i) => [`id${i}`, ids[Math.min(i, ids.length - 1)]!]));
