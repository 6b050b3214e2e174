import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, DISCLOSURE_ROLE } from "../src/db/database.js";
import { rowsOf } from "../src/db/rows.js";
import { openTestDatabase } from "./support/test-database.js";

describe("the public read path runs as a role that cannot read the base tables", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("reads the disclosure projection as disclosure_reader", async () => {
    const rows = await database.readDisclosed((db) => db.execute(sql`SELECT current_user AS role, (SELECT count(*) FROM disclosure.decisions) AS n`));
    const result = rows as unknown as { rows?: unknown[] } & unknown[];
    const [row] = (result.rows ?? result) as { role: string; n: number | string }[];
    expect(row!.role).toBe("disclosure_reader");
    expect(Number(row!.n)).toBeGreaterThan(100);
  });

  for (const table of ["decisions", "comments", "withholdings", "search_documents", "public_search_documents"]) {
    it(`is refused the base table ${table}`, async () => {
      const error = await database.readDisclosed((db) => db.execute(sql.raw(`SELECT * FROM public.${table} LIMIT 1`))).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      // drizzle wraps the driver's error; the database's own words are in the cause.
      expect(String((error as Error & { cause?: Error }).cause?.message)).toMatch(/permission denied/);
    });
  }

  it("lets the writer role read the kept public search documents, never write them: only the database's triggers do", async () => {
    for (const statement of ["UPDATE public.public_search_documents SET key = 'x'", "INSERT INTO public.public_search_documents SELECT * FROM public.public_search_documents LIMIT 1", "DELETE FROM public.public_search_documents"]) {
      const error = await database.asWriter((db) => db.execute(sql.raw(statement))).catch((e: Error) => e);
      expect(String((error as Error & { cause?: Error }).cause?.message), statement).toMatch(/permission denied/);
    }
    const [row] = await database.asWriter((db) => rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM public.public_search_documents`));
    expect(row!.n).toBeGreaterThan(0);
  });

  // The catalog, not a sample of tables: every relation, sequence and function of every schema but
  // the projection's and the system's, whatever privilege, however held (directly, through PUBLIC,
  // through another role, on a column).
  const outside = `n.nspname NOT IN ('disclosure', 'pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`;

  it("holds no privilege on any table, view or sequence outside the projection, not even on one column", async () => {
    const held = await database.query<{ name: string }>(
      `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND ${outside}
         AND (has_table_privilege($1, c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
              OR has_any_column_privilege($1, c.oid, 'SELECT, INSERT, UPDATE, REFERENCES')
              OR (c.relkind = 'S' AND has_sequence_privilege($1, c.oid, 'USAGE, SELECT, UPDATE')))
       ORDER BY 1`,
      [DISCLOSURE_ROLE],
    );
    expect(held.map((r) => r.name)).toEqual([]);
    // And it reads every relation of the projection (so the query above looks at the right role).
    const [projection] = await database.query<{ readable: number | string; all: number | string }>(
      `SELECT count(*) FILTER (WHERE has_table_privilege($1, c.oid, 'SELECT')) AS readable, count(*) AS all FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'disclosure' AND c.relkind IN ('r', 'v', 'm')`,
      [DISCLOSURE_ROLE],
    );
    expect(Number(projection!.all)).toBeGreaterThan(10);
    expect(Number(projection!.readable)).toBe(Number(projection!.all));
  });

  it("may execute no function outside the projection", async () => {
    // The projection needs none: search grams are stored (search_documents.grams) and a query's grams
    // are computed in the server. PostgreSQL grants EXECUTE on every new function to PUBLIC; the
    // projection's grants take that back.
    const held = await database.query<{ name: string }>(
      `SELECT n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE ${outside} AND has_function_privilege($1, p.oid, 'EXECUTE') ORDER BY 1`,
      [DISCLOSURE_ROLE],
    );
    expect(held.map((r) => r.name)).toEqual([]);
  });

  it("is a member of no role, creates in no schema, and uses no schema but the projection's and public (PostgreSQL's default)", async () => {
    expect(await database.query(`SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles me ON me.oid = m.member WHERE me.rolname = $1`, [DISCLOSURE_ROLE])).toEqual([]);
    const schemas = await database.query<{ name: string; usage: boolean; create: boolean }>(
      `SELECT nspname AS name, has_schema_privilege($1, oid, 'USAGE') AS usage, has_schema_privilege($1, oid, 'CREATE') AS create FROM pg_namespace n WHERE ${outside.replace("'disclosure', ", "")} ORDER BY 1`,
      [DISCLOSURE_ROLE],
    );
    expect(schemas.filter((s) => s.create).map((s) => s.name)).toEqual([]);
    expect(schemas.filter((s) => s.usage).map((s) => s.name)).toEqual(["disclosure", "public"]);
  });

  it("leaves the privileged connection as it was after a public read (the role is not left on the session)", async () => {
    await database.readDisclosed((db) => db.execute(sql`SELECT 1`));
    const [row] = await database.query<{ role: string }>("SELECT current_user AS role");
    expect(row!.role).not.toBe("disclosure_reader");
  });
});
