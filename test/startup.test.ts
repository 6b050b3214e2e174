import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUrlFor } from "./support/database-url.js";
import { freshDatabaseEnv } from "./support/fresh-database.js";
import { runProjectCommand } from "./support/project-command.js";

const run = (script: string, env: Record<string, string>) => runProjectCommand(script, [], env);

/** A search for the sample's photovoltaic decision, through the GraphQL endpoint a server printed. */
const solarCount = async (endpoint: string) => {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `{ decisions(filter: { search: "光伏发电" }) { totalCount nodes { title } } }` }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { data: { decisions: { totalCount: number; nodes: { title: string }[] } } };
  return body.data.decisions;
};

/** Stops a server with SIGTERM, expects a clean exit, and only JSON lines on its standard output (the announcements included, whatever LOG_LEVEL). */
const stopCleanly = async (server: ReturnType<typeof run>) => {
  server.stop();
  expect(await server.exited).toBe(0);
  const lines = server.standardOutput().split("\n").filter(Boolean);
  expect(lines.length).toBeGreaterThanOrEqual(3);
  for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
};

const env: Record<string, string> = { PORT: "0", LOG_LEVEL: "warn" };
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const fresh = await freshDatabaseEnv("decisions-start");
  Object.assign(env, fresh.env);
  cleanup = fresh.cleanup;
});
afterAll(() => cleanup());

if (!process.env.DATABASE_URL) {
  describe("the README's first command: a fresh start on the embedded database serves the sample data", () => {
    // Three starts of a new process, the first on an empty database: the timeout guards against a hang
    // and is no speed target, so it is far above what a busy machine needs.
    it("migrates, loads the sample data, prints the endpoint, answers, and stops cleanly on SIGTERM", async () => {
      const server = run("src/main.ts", env);
      const [, endpoint] = await server.printed(/GraphQL endpoint: (\S+)/);
      expect(server.output()).toMatch(/loaded the sample data \(\d+ decisions\)/);
      // Said before the minute of loading, so that a first start is not a minute of silence.
      expect(server.output().indexOf("loading the sample data")).toBeGreaterThanOrEqual(0);
      expect(server.output().indexOf("loading the sample data")).toBeLessThan(server.output().indexOf("loaded the sample data"));
      const found = await solarCount(endpoint!);
      expect(found.totalCount).toBe(1);
      expect(found.nodes[0]!.title).toContain("光伏發電");
      // The residents' site, on the same server.
      const [, site] = server.output().match(/Site for residents: ([^\s"]+)/)!;
      const home = await fetch(`${site}?q=${encodeURIComponent("光伏发电")}`);
      expect(home.status).toBe(200);
      const page = await home.text();
      expect(page).toContain("共 1 項決策");
      expect(page).toContain("光伏發電");
      await stopCleanly(server);

      const seed = run("seeds/reload.ts", env);
      expect(await seed.exited, seed.output()).toBe(0);
      expect(seed.output()).toMatch(/Loaded the sample data: \d+ decisions/);

      const again = run("src/main.ts", env);
      await again.printed(/GraphQL endpoint: (\S+)/);
      expect(again.output()).not.toMatch(/loaded the sample data/);
      again.stop();
      expect(await again.exited).toBe(0);
    }, 600_000);
  });
} else {
  describe("a start on a PostgreSQL server: migrations are a release step, and no sample data is loaded", () => {
    // Five processes, each starting tsx: the timeout guards against a hang, it is no speed target.
    it("refuses an unmigrated database in one line, serves it empty once migrated, and serves the sample once seeded", async () => {
      const refused = run("src/main.ts", env);
      expect(await refused.exited).toBe(1);
      const lines = refused.output().trim().split("\n");
      expect(lines, refused.output()).toHaveLength(1);
      expect(lines[0]).toMatch(/not at this build's schema: run `npm run migrate`/);

      const migrated = run("src/db/migrate.cli.ts", env);
      expect(await migrated.exited, migrated.output()).toBe(0);

      const server = run("src/main.ts", env);
      const [, endpoint] = await server.printed(/GraphQL endpoint: (\S+)/);
      expect(server.output()).toMatch(/Empty database: serving no records \(`npm run seed` loads the sample data\)/);
      expect(server.output()).not.toMatch(/loaded the sample data/);
      expect((await solarCount(endpoint!)).totalCount).toBe(0);
      await stopCleanly(server);

      const seed = run("seeds/reload.ts", env);
      expect(await seed.exited, seed.output()).toBe(0);
      const again = run("src/main.ts", env);
      const [, seeded] = await again.printed(/GraphQL endpoint: (\S+)/);
      expect((await solarCount(seeded!)).totalCount).toBe(1);
      await stopCleanly(again);
    }, 600_000);
  });
}

if (process.env.DATABASE_URL) {
  describe("a DATABASE_URL that names no database", () => {
    it("is reported in one line that says how to fix it, with no stack trace, by the server, the seed and the keys command", async () => {
      const missing = `no_such_database_${process.pid}`;
      const env = { DATABASE_URL: databaseUrlFor(process.env.DATABASE_URL!, missing), PORT: "0" };
      for (const [script, args] of [["src/main.ts", []], ["seeds/reload.ts", []], ["src/access/keys.cli.ts", ["list"]]] as const) {
        const command = runProjectCommand(script, [...args], env);
        expect(await command.exited, script).toBe(1);
        const lines = command.output().trim().split("\n");
        expect(lines, command.output()).toHaveLength(1);
        expect(lines[0]).toMatch(new RegExp(`database "${missing}", which does not exist .*createdb .* ${missing}\\)`));
      }
    }, 600_000);
  });
}
