import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isSample } from "../seeds/sample-mark.js";
import { type Database } from "../src/db/database.js";
import { migrate } from "../src/db/migrate.js";
import { openDatabase } from "../src/db/open.js";
import { regions } from "../src/regions/region.table.js";
import { freshDatabaseEnv } from "./support/fresh-database.js";
import { runProjectCommand } from "./support/project-command.js";

// `npm run seed` deletes what the database holds before it loads the sample: it must not do that to
// a real instance's records unless told to.
describe("npm run seed", () => {
  const env: Record<string, string> = {};
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabaseEnv("mig-seed");
    Object.assign(env, fresh.env);
    cleanup = fresh.cleanup;
  });
  afterAll(() => cleanup());

  /** Opens the test's database in this process (PGlite serves one process: closed before each command). */
  const withDatabase = async <T>(work: (database: Database) => Promise<T>): Promise<T> => {
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR ?? "" });
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  };
  const seed = async (...args: string[]) => {
    const command = runProjectCommand("seeds/reload.ts", args, env);
    return { code: await command.exited, output: command.output() };
  };
  const regionCodes = () => withDatabase(async (database) => (await database.db.select({ code: regions.code }).from(regions)).map((row) => row.code));

  // Three runs of the command, each a new process that loads the sample: the timeout is a guard against a hang.
  it("refuses in one line to delete records that are not the sample, replaces them with --replace, and replaces the sample without it", async () => {
    // A real instance's record: a region written as the loader writes one, with no sample mark.
    await withDatabase(async (database) => {
      await migrate(database);
      await database.db.insert(regions).values({ code: "110000000000", name: "北京市", level: "CITY", parentId: null, path: "/110000000000/", depth: 0 });
    });

    const refused = await seed();
    expect(refused.code).toBe(1);
    const lines = refused.output.trim().split("\n");
    expect(lines, refused.output).toHaveLength(1);
    expect(lines[0]).toMatch(/holds records that are not the sample data: nothing was changed.*npm run seed -- --replace/);
    expect(await regionCodes()).toEqual(["110000000000"]);

    const replaced = await seed("--replace");
    expect(replaced.code, replaced.output).toBe(0);
    expect(replaced.output).toMatch(/Loaded the sample data: \d+ decisions/);
    expect(await regionCodes()).not.toContain("110000000000");
    expect(await withDatabase(isSample)).toBe(true);

    // The sample may be replaced by the sample at any time (a new load day).
    const again = await seed();
    expect(again.code, again.output).toBe(0);
    expect(await withDatabase(isSample)).toBe(true);
  }, 600_000);
});
