import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabaseEnv } from "./support/fresh-database.js";

/** Runs one of the project's own commands (as `npm start` / `npm run seed` do) with extra environment. */
function run(script: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", script], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const printed = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = output.match(pattern);
        if (match) resolve(match);
      };
      child.stdout.on("data", check);
      void exited.then(() => reject(new Error(`exited before printing ${pattern}:\n${output}`)));
      check();
    });
  return { child, exited, printed, output: () => output };
}

describe("the README's first command: a fresh start serves the sample data", () => {
  const env: Record<string, string> = { PORT: "0", LOG_LEVEL: "warn" };
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await freshDatabaseEnv("decisions-start");
    Object.assign(env, fresh.env);
    cleanup = fresh.cleanup;
  });
  afterAll(() => cleanup());

  it("migrates, loads the sample data, prints the endpoint, answers, and stops cleanly on SIGTERM", async () => {
    const server = run("src/main.ts", env);
    const [, endpoint] = await server.printed(/GraphQL endpoint: (\S+)/);
    expect(server.output()).toMatch(/loaded the sample data \(\d+ decisions\)/);
    const response = await fetch(endpoint!, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ decisions(filter: { search: "光伏发电" }) { totalCount nodes { title } } }` }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { decisions: { totalCount: number; nodes: { title: string }[] } } };
    expect(body.data.decisions.totalCount).toBe(1);
    expect(body.data.decisions.nodes[0]!.title).toContain("光伏發電");
    // The residents' site, on the same server.
    const [, site] = server.output().match(/Site for residents: (\S+)/)!;
    const home = await fetch(`${site}?q=${encodeURIComponent("光伏发电")}`);
    expect(home.status).toBe(200);
    const page = await home.text();
    expect(page).toContain("共 1 項決策");
    expect(page).toContain("光伏發電");
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);

    const seed = run("seeds/reload.ts", env);
    expect(await seed.exited, seed.output()).toBe(0);
    expect(seed.output()).toMatch(/Loaded the sample data: \d+ decisions/);

    const again = run("src/main.ts", env);
    await again.printed(/GraphQL endpoint: (\S+)/);
    expect(again.output()).not.toMatch(/loaded the sample data/);
    again.child.kill("SIGTERM");
    expect(await again.exited).toBe(0);
  }, 120_000);
});
