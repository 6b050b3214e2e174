import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestApi } from "./support/api.js";
import { freshDatabaseEnv } from "./support/fresh-database.js";
import { runProjectCommand } from "./support/project-command.js";

const WHO = `{ viewer { role keyName seesWithheld } }`;

describe("API keys identify staff and researchers; the role comes from the verified key alone", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it("treats a request without a key as the anonymous public", async () => {
    expect((await api.data(WHO)).viewer).toEqual({ role: "ANONYMOUS", keyName: null, seesWithheld: false });
  });

  it("refuses a malformed, unknown or revoked key with 401 UNAUTHENTICATED, never silently anonymous", async () => {
    for (const authorization of ["Basic abc", "Bearer", "Bearer not-a-key", `Bearer dd_${"A".repeat(43)}`, "dd_x"]) {
      const response = await api.send({ authorization }, WHO);
      expect(response.status, authorization).toBe(401);
      expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(response.data ?? null).toBeNull();
    }
  });

  it("takes no role from a header or an argument", async () => {
    const response = await api.send({ "x-role": "EDITOR", "x-api-role": "ADMIN", role: "EDITOR" }, WHO);
    expect(response.data?.viewer.role).toBe("ANONYMOUS");
    const researcher = await api.send({ authorization: `Bearer ${await api.secretFor("RESEARCHER")}`, "x-role": "EDITOR" }, WHO);
    expect(researcher.data?.viewer.role).toBe("RESEARCHER");
  });

  it("lets an admin issue a key whose secret is shown once and stored only as a hash, then revoke it", async () => {
    const created = await api.dataAs("ADMIN", `mutation { apiKeyCreate(input: { name: "報社數據組", role: RESEARCHER }) { apiKey { id name role secretPrefix createdAt lastUsedAt revokedAt } secret userErrors { code } } }`);
    const { apiKey, secret } = created.apiKeyCreate;
    expect(apiKey).toMatchObject({ name: "報社數據組", role: "RESEARCHER", lastUsedAt: null, revokedAt: null });
    expect(secret).toMatch(/^dd_/);
    const stored = await api.database.query<{ row: string }>("SELECT t::text AS row FROM api_keys t");
    expect(stored.some((r) => r.row.includes(secret))).toBe(false);
    const audit = await api.database.query<{ after: string }>("SELECT after::text FROM audit_entries WHERE action = 'apiKeyCreate'");
    expect(audit.some((r) => r.after.includes(secret))).toBe(false);

    expect((await api.send({ authorization: `Bearer ${secret}` }, WHO)).data?.viewer).toEqual({ role: "RESEARCHER", keyName: "報社數據組", seesWithheld: false });
    const [used] = await api.database.query<{ last_used_at: Date | null }>("SELECT last_used_at FROM api_keys WHERE name = '報社數據組'");
    expect(used!.last_used_at).not.toBeNull();

    const listed = await api.dataAs("ADMIN", `{ apiKeys { id name revokedAt } }`);
    expect(listed.apiKeys.some((k: any) => k.id === apiKey.id)).toBe(true);
    const revoked = await api.dataAs("ADMIN", `mutation($id: ID!) { apiKeyRevoke(input: { id: $id }) { apiKey { revokedAt } userErrors { code } } }`, { id: apiKey.id });
    expect(revoked.apiKeyRevoke.apiKey.revokedAt).not.toBeNull();
    const after = await api.send({ authorization: `Bearer ${secret}` }, WHO);
    expect(after.status).toBe(401);
    expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const [kept] = await api.database.query<{ n: number }>("SELECT count(*)::int AS n FROM api_keys WHERE name = '報社數據組'");
    expect(kept!.n).toBe(1);
  });

  it("lets only admins list, issue or revoke keys", async () => {
    for (const role of ["ANONYMOUS", "RESEARCHER", "LEGAL_REVIEWER", "EDITOR"] as const) {
      const before = await api.fingerprint();
      const list = await api.as(role, `{ apiKeys { id } }`);
      expect(list.errors?.[0]?.extensions?.code, role).toBe(role === "ANONYMOUS" ? "UNAUTHENTICATED" : "FORBIDDEN");
      const create = await api.as(role, `mutation { apiKeyCreate(input: { name: "x", role: ADMIN }) { secret } }`);
      expect(create.errors?.[0]?.extensions?.code, role).toBe(role === "ANONYMOUS" ? "UNAUTHENTICATED" : "FORBIDDEN");
      expect(await api.fingerprint()).toEqual(before);
    }
  });
});

describe("the keys command", () => {
  const env: Record<string, string> = {};
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabaseEnv("decisions-keys");
    Object.assign(env, fresh.env);
    cleanup = fresh.cleanup;
  });
  afterAll(() => cleanup());

  const keys = async (...args: string[]) => {
    const command = runProjectCommand("src/access/keys.cli.ts", args, env);
    return { code: await command.exited, output: command.output() };
  };

  it("creates, lists and revokes keys", async () => {
    const created = await keys("create", "--name", "法制審核科", "--role", "legal_reviewer");
    expect(created.code, created.output).toBe(0);
    const id = /id ([0-9a-f-]{36})/.exec(created.output)![1]!;
    expect(created.output).toMatch(/Secret \(shown once, store it now\): dd_/);
    const listed = await keys("list");
    expect(listed.output).toMatch(new RegExp(`${id}\\tlegal_reviewer\\t法制審核科.*active`));
    expect((await keys("revoke", id)).code).toBe(0);
    expect((await keys("list")).output).toMatch(new RegExp(`${id}.*REVOKED`));
    expect((await keys("create", "--name", "x", "--role", "superuser")).code).toBe(2);
    // Five starts of a new process: a guard against a hang, far above what a busy machine needs.
  }, 600_000);

  /** `npm start` on the same database; resolves with its GraphQL endpoint once it serves. */
  const startServer = async () => {
    const server = runProjectCommand("src/main.ts", [], { ...env, PORT: "0", LOG_LEVEL: "warn" });
    const [, endpoint] = await server.printed(/GraphQL endpoint: (\S+)/);
    return { server, endpoint: endpoint! };
  };
  const viewerWith = async (endpoint: string, secret: string) => {
    const response = await fetch(endpoint, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${secret}` }, body: JSON.stringify({ query: WHO }) });
    return { status: response.status, body: (await response.json()) as { data?: { viewer: unknown } } };
  };

  if (process.env.DATABASE_URL) {
    it("makes a key on PostgreSQL while the server runs, and the running server accepts it at once", async () => {
      const { server, endpoint } = await startServer();
      const created = await keys("create", "--name", "夜班編輯", "--role", "editor");
      expect(created.code, created.output).toBe(0);
      const secret = /Secret \(shown once, store it now\): (\S+)/.exec(created.output)![1]!;
      const answer = await viewerWith(endpoint, secret);
      expect(answer.status).toBe(200);
      expect(answer.body.data?.viewer).toEqual({ role: "EDITOR", keyName: "夜班編輯", seesWithheld: true });
      server.stop();
      expect(await server.exited).toBe(0);
    }, 600_000);
  } else {
    it("refuses, in one line, to write to the embedded database while the server holds it; works once it stops", async () => {
      const { server, endpoint } = await startServer();
      const refused = await keys("create", "--name", "夜班編輯", "--role", "editor");
      expect(refused.code).toBe(1);
      const lines = refused.output.trim().split("\n");
      expect(lines, refused.output).toHaveLength(1);
      expect(lines[0]).toMatch(/in use by the server \(pid \d+\).*stop that process first.*apiKeyCreate mutation with an admin key/);
      // The server goes on serving.
      expect((await viewerWith(endpoint, `dd_${"A".repeat(43)}`)).status).toBe(401);
      expect(existsSync(join(env.PGLITE_DIR!, "decisions-api.pid"))).toBe(true);
      server.stop();
      expect(await server.exited).toBe(0);
      // Stopped cleanly, it gave the directory back (a killed one's lock is taken over: next test).
      expect(existsSync(join(env.PGLITE_DIR!, "decisions-api.pid"))).toBe(false);

      const created = await keys("create", "--name", "夜班編輯", "--role", "editor");
      expect(created.code, created.output).toBe(0);
      const secret = /Secret \(shown once, store it now\): (\S+)/.exec(created.output)![1]!;
      const again = await startServer();
      expect((await viewerWith(again.endpoint, secret)).body.data?.viewer).toEqual({ role: "EDITOR", keyName: "夜班編輯", seesWithheld: true });
      again.server.stop();
      expect(await again.server.exited).toBe(0);
    }, 600_000);

    it("takes over the lock a killed process left behind", async () => {
      const { server } = await startServer();
      server.stop("SIGKILL");
      await server.exited;
      const listed = await keys("list");
      expect(listed.code, listed.output).toBe(0);
    }, 600_000);
  }
});
