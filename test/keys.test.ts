import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { authenticate, createKey } from "../src/access/api-key.service.js";
import { KeyUseRecorder, LAST_USE_RESOLUTION_MS } from "../src/access/key-use.js";
import { type Database } from "../src/db/database.js";
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
    // Written in the background, after the answer (see the last-use tests below).
    await vi.waitFor(async () => {
      const [used] = await api.database.query<{ last_used_at: Date | null }>("SELECT last_used_at FROM api_keys WHERE name = '報社數據組'");
      expect(used!.last_used_at).not.toBeNull();
    }, { timeout: 10_000, interval: 20 });

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

describe("a key's last use is written off the request path, at most once a minute", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  async function newKey(name: string): Promise<{ id: string; secret: string }> {
    const { key, secret } = await api.database.asWriter((db) => createKey(db, name, "RESEARCHER"));
    return { id: key.id, secret };
  }

  async function lastUsed(id: string): Promise<Date | null> {
    const [row] = await api.database.query<{ last_used_at: Date | string | null }>("SELECT last_used_at FROM api_keys WHERE id = $1", [id]);
    return row!.last_used_at === null ? null : new Date(row!.last_used_at);
  }

  /** The database as the recorder sees it, with its writes held until `release` is called. */
  function heldWrites(database: Database) {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let writes = 0;
    const held: Database = Object.assign(Object.create(database) as Database, {
      asWriter: async <T>(work: Parameters<Database["asWriter"]>[0]): Promise<T> => {
        writes += 1;
        await gate;
        return database.asWriter(work) as Promise<T>;
      },
    });
    return { held, release, writes: () => writes };
  }

  it("lets the key's check finish while its last-use write is still waiting", async () => {
    const key = await newKey("背景寫入");
    const { held, release, writes } = heldWrites(api.database);
    const uses = new KeyUseRecorder(held, (error) => expect.fail(String(error)), () => new Date("2026-12-01T08:00:00Z"));
    const viewer = await authenticate(api.database, `Bearer ${key.secret}`, "203.0.113.9", undefined, uses);
    expect(viewer).toMatchObject({ role: "RESEARCHER", keyId: key.id });
    expect(writes()).toBe(1);
    expect(await lastUsed(key.id)).toBeNull();
    release();
    await uses.settled();
    expect(await lastUsed(key.id)).toEqual(new Date("2026-12-01T08:00:00Z"));
  });

  it("writes once per minute per key however often it is used, by one instance or several", async () => {
    const key = await newKey("多實例");
    let now = new Date("2026-12-01T09:00:00Z");
    const counted = heldWrites(api.database);
    counted.release();
    const first = new KeyUseRecorder(counted.held, (error) => expect.fail(String(error)), () => now);
    const second = new KeyUseRecorder(api.database, (error) => expect.fail(String(error)), () => now);
    for (let i = 0; i < 20; i += 1) first.note(key.id);
    await first.settled();
    expect(counted.writes()).toBe(1);

    // Another instance, 30 s later: its UPDATE finds the row fresh and leaves it alone.
    now = new Date(now.getTime() + 30_000);
    second.note(key.id);
    await second.settled();
    expect(await lastUsed(key.id)).toEqual(new Date("2026-12-01T09:00:00Z"));

    now = new Date(new Date("2026-12-01T09:00:00Z").getTime() + LAST_USE_RESOLUTION_MS);
    for (let i = 0; i < 20; i += 1) first.note(key.id);
    await first.settled();
    expect(counted.writes()).toBe(2);
    expect(await lastUsed(key.id)).toEqual(now);
  });

  it("logs a failed write and tries again on the key's next use", async () => {
    const key = await newKey("寫入失敗");
    const failures: unknown[] = [];
    let fail = true;
    const flaky: Database = Object.assign(Object.create(api.database) as Database, {
      asWriter: <T>(work: Parameters<Database["asWriter"]>[0]): Promise<T> => (fail ? Promise.reject(new Error("connection lost")) : (api.database.asWriter(work) as Promise<T>)),
    });
    const uses = new KeyUseRecorder(flaky, (error) => failures.push(error), () => new Date("2026-12-01T10:00:00Z"));
    uses.note(key.id);
    await uses.settled();
    expect(failures).toHaveLength(1);
    fail = false;
    uses.note(key.id);
    await uses.settled();
    expect(await lastUsed(key.id)).toEqual(new Date("2026-12-01T10:00:00Z"));
  });
});

describe("the keys command", () => {
  const env: Record<string, string> = {};
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshDatabaseEnv("decisions-keys", { prepared: true });
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
