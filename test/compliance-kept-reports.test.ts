import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScaleData } from "../seeds/scale/scale-data.js";
import { ANALYZE_AFTER, ComplianceIndex, markComplianceStale } from "../src/compliance/compliance-index.js";
import { chinaDate } from "../src/compliance/working-days.js";
import { type Database } from "../src/db/database.js";
import { TestApi } from "./support/api.js";

// The kept compliance reports (compliance_assessments, compliance_results) that compliance filters,
// statistics and the legality queue read: computed for decisions however they were written, kept
// current without a query waiting minutes for them, and never read out of date.

const anyState = `{ decisions(first: 5, filter: { compliance: { state: [VIOLATED, COMPLIANT, PENDING, NOT_ASSESSABLE] } }) { totalCount } }`;
const countOf = async (database: Database, rows: string) => Number((await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${rows}`))[0]!.n);
const queued = (database: Database) => countOf(database, "compliance_unassessed");
/** Decisions with staff's report kept (the public's is not kept for a decision withheld whole). */
const keptFor = (database: Database) => countOf(database, "compliance_assessments WHERE audience = 'STAFF'");
const decisionCount = (database: Database) => countOf(database, "decisions");

/**
 * Waits until `done` holds, polling the database: as long as it takes (the test's timeout guards
 * against a hang), so that a slow machine is not a failure.
 */
async function eventually(done: () => Promise<boolean>): Promise<void> {
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe("the kept reports after a bulk load", () => {
  let api: TestApi;
  beforeAll(async () => {
    // The query waits as long as the run takes (~1 s): this is about what the run computes.
    api = await TestApi.start({ complianceWaitMs: 120_000 });
    await loadScaleData(api.database, { decisions: ANALYZE_AFTER + 20, seed: 7, commentsPerDecision: 1 });
  }, 120_000);
  afterAll(() => api?.stop());

  const plannerRows = async (table: string) => Number((await api.database.query<{ rows: number }>("SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = $1::regclass", [table]))[0]!.rows);

  it("are computed for decisions written outside the API (queued as they are inserted), and counted for the planner once many are reassessed at once", async () => {
    expect(await queued(api.database)).toBeGreaterThanOrEqual(ANALYZE_AFTER + 20);
    // reltuples is -1 (PostgreSQL 14+) or 0 until the table is analyzed; inserting rows does not change it.
    expect(await plannerRows("compliance_assessments")).toBeLessThanOrEqual(0);
    const response = await api.anonymous(anyState);
    expect(response.errors).toBeUndefined();
    expect(response.data!.decisions.totalCount).toBeGreaterThan(ANALYZE_AFTER);
    expect(await queued(api.database)).toBe(0);
    expect(await plannerRows("compliance_assessments")).toBeGreaterThan(2 * ANALYZE_AFTER);
    expect(await plannerRows("compliance_results")).toBeGreaterThan(2 * ANALYZE_AFTER);
  }, 120_000);

  it("are computed at the next compliance query for a decision inserted straight into the table", async () => {
    const before = (await api.anonymous(anyState)).data!.decisions.totalCount as number;
    const [copy] = await api.database.query<{ id: string }>(
      `INSERT INTO decisions (catalog_year, catalog_number, title, summary, category, region_id, deciding_body_id, undertaking_body_id, stage, status, initiated_on)
       SELECT catalog_year, 999999, title, summary, category, region_id, deciding_body_id, undertaking_body_id, stage, status, initiated_on FROM decisions
       WHERE id NOT IN (SELECT record_id FROM withholdings) LIMIT 1 RETURNING id`,
    );
    expect(await queued(api.database)).toBe(1);
    expect((await api.anonymous(anyState)).data!.decisions.totalCount).toBe(before + 1);
    expect(await queued(api.database)).toBe(0);
    const [kept] = await api.database.query<{ n: number }>("SELECT count(*)::int AS n FROM compliance_assessments WHERE decision_id = $1", [copy!.id]);
    expect(kept!.n).toBe(2);
  }, 60_000);
});

describe("the kept reports, kept current in the background", () => {
  // While the generated decisions of 2025 are under way, so that some reports fall due on a later day.
  let now = new Date("2025-06-01T12:00:00+08:00");
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ clock: () => now, complianceRefreshMs: 50 });
  });
  afterAll(() => api?.stop());

  it("are computed for decisions loaded outside the API with no query asking for them", async () => {
    await loadScaleData(api.database, { decisions: 60, seed: 11, commentsPerDecision: 1 });
    // Nothing but the server's own refresh reads or writes the reports here.
    await eventually(async () => (await queued(api.database)) === 0 && (await keptFor(api.database)) === (await decisionCount(api.database)));
    const response = await api.anonymous(anyState);
    expect(response.errors).toBeUndefined();
    expect(response.data!.decisions.totalCount).toBeGreaterThanOrEqual(60);
  }, 120_000);

  it("are reassessed when a new day makes them due, with no query asking", async () => {
    const today = chinaDate(now);
    const [due] = await api.database.query<{ decisionId: string; audience: string; reassessOn: string }>(
      "SELECT decision_id AS \"decisionId\", audience::text, reassess_on::text AS \"reassessOn\" FROM compliance_assessments WHERE reassess_on > $1 ORDER BY reassess_on LIMIT 1",
      [today],
    );
    expect(due).toBeDefined();
    now = new Date(`${due!.reassessOn}T12:00:00+08:00`);
    const assessedOn = async () =>
      (await api.database.query<{ on: string }>("SELECT assessed_on::text AS on FROM compliance_assessments WHERE decision_id = $1 AND audience = $2", [due!.decisionId, due!.audience]))[0]?.on;
    await eventually(async () => (await assessedOn()) === due!.reassessOn);
  }, 120_000);
});

describe("a compliance query while the kept reports are far behind", () => {
  let api: TestApi;
  const DECISIONS = 1_500;
  beforeAll(async () => {
    // A run assesses some 1,000 decisions a second on PostgreSQL here, fewer on PGlite: far more than the query's wait.
    api = await TestApi.start({ complianceWaitMs: 300 });
    await loadScaleData(api.database, { decisions: DECISIONS, seed: 12, commentsPerDecision: 1 });
  }, 180_000);
  afterAll(() => api?.stop());

  it("is told to retry (503, Retry-After) instead of waiting or reading reports out of date; the run stops between chunks when the server closes, and the next takes up the rest", async () => {
    const behind = await queued(api.database);
    expect(behind).toBeGreaterThanOrEqual(DECISIONS);
    const response = await api.inject({ method: "POST", headers: { "content-type": "application/json" }, payload: { query: anyState } });
    expect(response.status).toBe(503);
    expect(response.headers["retry-after"]).toBe("5");
    const body = JSON.parse(response.body) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toEqual([{ message: expect.stringMatching(/compliance reports are being brought up to date.*retry/), path: ["decisions"], extensions: { code: "COMPLIANCE_REPORTS_PENDING" } }]);
    // The run the query started goes on without it, until the server closes; then it stops.
    const answered = await queued(api.database);
    await eventually(async () => (await queued(api.database)) < answered);
    await api.closeServer();
    const left = await queued(api.database);
    expect(left).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await queued(api.database)).toBe(left);
    await new ComplianceIndex(api.database).refresh(chinaDate(new Date()));
    expect(await queued(api.database)).toBe(0);
    expect(await keptFor(api.database)).toBe(await decisionCount(api.database));
  }, 180_000);
});

describe("a decision queued again while a run assesses it (a comment submitted meanwhile)", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api?.stop());

  it("stays queued: the run that read its file before does not take it off the queue, and the next run assesses it", async () => {
    const [target] = await api.database.query<{ id: string }>("SELECT decision_id AS id FROM compliance_unassessed ORDER BY decision_id LIMIT 1");
    expect(target).toBeDefined();
    // The decision is queued again (as a comment's submission does) once the run has read part of its file.
    let marked = false;
    const readDisclosed: Database["readDisclosed"] = async (read) => {
      const result = await api.database.readDisclosed(read);
      if (!marked) {
        marked = true;
        await api.database.asWriter((db) => markComplianceStale(db, target!.id));
      }
      return result;
    };
    const racing = new Proxy(api.database, { get: (database, name, receiver) => (name === "readDisclosed" ? readDisclosed : Reflect.get(database, name, receiver)) });
    const today = chinaDate(new Date());
    await new ComplianceIndex(racing).refresh(today);
    expect(marked).toBe(true);
    expect(await api.database.query("SELECT decision_id FROM compliance_unassessed")).toEqual([{ decision_id: target!.id }]);
    await new ComplianceIndex(api.database).refresh(today);
    expect(await queued(api.database)).toBe(0);
  });
});
