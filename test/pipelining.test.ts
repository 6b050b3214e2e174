import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { benchmarkOperations, type BenchOperation } from "../bench/operations.js";
import { createContext } from "../src/context.js";
import { type DecisionService } from "../src/decisions/decision.service.js";
import { openPostgres } from "../src/db/postgres.js";
import { TestApi } from "./support/api.js";

// What goes over the wire to PostgreSQL, so this runs in the PostgreSQL pass only (PGlite has no socket).

/** The PostgreSQL server's port: writes elsewhere (the test runner's own channels, a warning on stderr) are not counted. */
const serverPort = Number(new URL(process.env.DATABASE_URL ?? "postgres://localhost").port || 5432);

/** Counts writes to the PostgreSQL server's sockets, and their bytes, while `work` runs (the server is in-process). */
async function socketTraffic(work: () => Promise<unknown>): Promise<{ writes: number; bytes: number }> {
  const write = net.Socket.prototype.write;
  const traffic = { writes: 0, bytes: 0 };
  net.Socket.prototype.write = function (this: net.Socket, ...args: unknown[]) {
    if (this.remotePort !== serverPort) return (write as (...a: unknown[]) => boolean).apply(this, args);
    traffic.writes += 1;
    traffic.bytes += (args[0] as Buffer | string).length;
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as typeof write;
  try {
    await work();
  } finally {
    net.Socket.prototype.write = write;
  }
  return traffic;
}

const socketWrites = async (work: () => Promise<unknown>) => (await socketTraffic(work)).writes;

/**
 * The fewest writes of a few tries of `work`: which connection a group of reads goes to depends on
 * timing, and a statement met for the first time on a connection is described in writes of its own
 * (on a loaded machine one try of five decision pages sent 32). Nothing makes a try send fewer than
 * the sharing allows.
 */
async function fewestWrites(work: () => Promise<unknown>, tries = 3): Promise<number> {
  let fewest = Infinity;
  for (let i = 0; i < tries; i++) fewest = Math.min(fewest, await socketWrites(work));
  return fewest;
}

describe("a request's batched reads on the public pool", () => {
  let api: TestApi;
  let decisionPage: BenchOperation;
  beforeAll(async () => {
    api = await TestApi.start();
    decisionPage = (await benchmarkOperations(api.database)).find((operation) => operation.name === "decision page")!;
  });
  afterEach(() => api.database.statements.reset());
  afterAll(() => api?.stop());

  const run = () => api.send({}, decisionPage.body!.query, decisionPage.body!.variables);

  it("leave in one socket write per wave, not one per statement", async () => {
    // Twice first, so that every statement is prepared on the connections it may meet.
    for (let i = 0; i < 2 * 10; i++) expect((await run()).errors).toBeUndefined();
    api.database.statements.reset();
    const writes = await socketWrites(run);
    const { sent } = api.database.statements;
    const waves = new Set(sent.map((statement) => statement.wave)).size;
    // The decision page sends a dozen statements in a few waves: without the shared connection, a write each.

    expect(sent.length).toBeGreaterThan(2 * waves);
    expect(writes).toBeLessThanOrEqual(waves);
  });

  it("share a write with other requests' look-ups started in the same turn", async () => {
    const together = async () => {
      api.database.statements.reset();
      const responses = await Promise.all(Array.from({ length: 5 }, run));
      expect(responses.map((response) => response.errors)).toEqual(Array(5).fill(undefined));
      expect(new Set(responses.map((response) => response.raw)).size).toBe(1);
      expect(api.database.statements.count).toBeGreaterThan(5 * 10);
    };
    for (let i = 0; i < 20; i++) await together();
    // Alone, a request takes a write per wave; five at once share some (a connection takes 12 reads in
    // flight). Without the sharing every try sends at least 5 × alone.
    const alone = await socketWrites(run);
    expect(alone).toBeGreaterThan(1);
    expect(await fewestWrites(together, 5)).toBeLessThanOrEqual(5 * alone - 3);
  });

  it("share a write with other requests' list statements started in the same turn: an unfiltered page is quick, in any order; a search or a filter is not", async () => {
    // As many requests as the test pool has connections (4), asking for their first page at once.
    type Filter = Parameters<DecisionService["list"]>[0];
    const byTitle = { field: "TITLE", direction: "ASC" } as const;
    const lists = (filter: Filter, orderBy: Parameters<DecisionService["list"]>[1] = null) =>
      Promise.all(Array.from({ length: 4 }, () => createContext(api.database).services.decisions.list(filter, orderBy, { first: 20 })));
    const filtered = { stage: ["INITIATION"] } as Filter;
    // Each kind alone, four at once: on an idle pool the four go to four connections, so each is
    // prepared on every connection (a statement with parameters met for the first time is described
    // in a write of its own). Mixed, a kind could miss a connection and send one write more.
    for (const kind of [() => lists(null), () => lists({ search: "市场" }), () => lists(filtered), () => lists(null, byTitle)]) for (let i = 0; i < 5; i++) await kind();
    expect(await fewestWrites(() => lists(null))).toBe(1);
    expect(await fewestWrites(() => lists({ search: "市场" }))).toBe(4);
    expect(await fewestWrites(() => lists(filtered))).toBe(4);
    // By title too: an index gives the order of each part of the projection by title.
    expect(await fewestWrites(() => lists(null, byTitle))).toBe(1);
  });

  it("send a statement without parameters prepared, not its text each time (the first page of the list)", async () => {
    const list = () => createContext(api.database).services.decisions.list(null, null, { first: 20 });
    for (let i = 0; i < 20; i++) await list(); // prepared on every connection
    api.database.statements.reset();
    const { writes, bytes } = await socketTraffic(list);
    const [statement] = api.database.statements.sent;
    expect(statement?.params).toEqual([]);
    expect(writes).toBe(1);
    // The simple protocol would send the whole text (and PostgreSQL plan it again); a prepared statement is bound by name.
    expect(bytes).toBeLessThan(statement!.text.length / 4);
  });

  it("leave heavy statements outside waves (statistics) to connections of their own, run side by side", async () => {
    // Parts that are statements of their own (the decisions' simple counts are one statement together).
    const statistics = `{ statistics(filter: { catalogYear: 2024 }) { decisions byRegion { key count } byDecidingBody { key count } comments } }`;
    for (let i = 0; i < 20; i++) expect((await api.send({}, statistics)).errors).toBeUndefined();
    api.database.statements.reset();
    const writes = await socketWrites(() => api.send({}, statistics));
    expect(api.database.statements.count).toBeGreaterThanOrEqual(3);
    expect(writes).toBe(api.database.statements.count);
  });

  it("are spread over the pool when they are not one wave (the control)", async () => {
    // No parameters: a statement with parameters is described before its first execution on a connection, which holds back what follows it.
    const reads = Array.from({ length: 5 }, () => (read: typeof api.database.readDisclosed) => read((db) => db.execute(sql`SELECT 1 AS n`)));
    await Promise.all(reads.map((read) => read(api.database.readDisclosed))); // connect and prepare
    const apart = await socketWrites(() => Promise.all(reads.map((read) => read(api.database.readDisclosed))));
    const together = api.database.disclosedConnection!();
    await Promise.all(reads.map((read) => read(together)));
    const shared = await socketWrites(() => Promise.all(reads.map((read) => read(together))));
    expect(apart).toBe(5);
    expect(shared).toBe(1);
  });
});

describe("connections to the PostgreSQL server", () => {
  it("turn Nagle's algorithm off, on every pool, as libpq does", async () => {
    // With it on, a message written behind unacknowledged bytes (a COPY's end, a statement pipelined
    // behind another) waits for the server's delayed ACK: 40 ms on Linux.
    const setNoDelay = net.Socket.prototype.setNoDelay;
    const withoutDelay = new Set<net.Socket>();
    net.Socket.prototype.setNoDelay = function (this: net.Socket, enable?: boolean) {
      if (enable) withoutDelay.add(this);
      return setNoDelay.call(this, enable);
    };
    const database = openPostgres(process.env.DATABASE_URL!);
    try {
      const used = new Set<net.Socket>();
      const write = net.Socket.prototype.write;
      net.Socket.prototype.write = function (this: net.Socket, ...args: unknown[]) {
        if (this.remotePort === serverPort) used.add(this);
        return (write as (...a: unknown[]) => boolean).apply(this, args);
      } as typeof write;
      try {
        await database.query("SELECT 1");
        await database.readDisclosed((db) => db.execute(sql`SELECT 1 AS n`));
        await database.readDisclosedSnapshot((db) => db.execute(sql`SELECT 1 AS n`));
        await database.bulkLoad((load) => load.execute("SELECT 1"));
      } finally {
        net.Socket.prototype.write = write;
      }
      expect(used.size).toBeGreaterThanOrEqual(3);
      expect([...used].filter((socket) => !withoutDelay.has(socket))).toEqual([]);
    } finally {
      net.Socket.prototype.setNoDelay = setNoDelay;
      await database.close();
    }
  });
});
