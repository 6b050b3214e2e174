import { getTableConfig } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordDisclosures } from "../src/disclosure/record-types.js";
import { toGlobalId } from "../src/graphql/global-id.js";
import { TestApi, type Role } from "./support/api.js";
import { CANARY, loadCanaryFiles } from "./support/canary-file.js";
import { newDecision, references, write } from "./support/fixtures.js";

const roles: Role[] = ["ANONYMOUS", "RESEARCHER", "LEGAL_REVIEWER", "EDITOR", "ADMIN"];
const seesWithheld = (role: Role) => ["LEGAL_REVIEWER", "EDITOR", "ADMIN"].includes(role);

describe("who sees what: a role × type matrix of withheld material", () => {
  let api: TestApi;
  let ids: { fields: string; parts: string; whole: string };
  /** For each kind of record: one record whose withholdable fields are all withheld, one withheld whole. */
  const samples: { typeName: string; fields: readonly string[]; fieldsWithheld: string; recordWithheld: string }[] = [];

  beforeAll(async () => {
    api = await TestApi.start();
    ids = await loadCanaryFiles(api.database);
    for (const record of recordDisclosures) {
      const table = getTableConfig(record.table).name;
      const first = async (decisionId: string) =>
        (await api.database.query<{ id: string }>(
          record.recordType === "decisions" ? `SELECT id FROM decisions WHERE id = $1` : `SELECT id FROM ${table} WHERE decision_id = $1 ${record.recordType === "comments" ? "AND moderation_state = 'PUBLISHED'" : ""} LIMIT 1`,
          [decisionId],
        ))[0]!.id;
      samples.push({
        typeName: record.typeName,
        fields: record.withholdable,
        fieldsWithheld: toGlobalId(record.typeName, await first(ids.fields)),
        recordWithheld: toGlobalId(record.typeName, record.recordType === "decisions" ? ids.whole : await first(ids.parts)),
      });
    }
  });
  afterAll(() => api.stop());

  for (const role of roles) {
    it(`${role}: ${seesWithheld(role) ? "sees every withheld value and record, each read logged" : "sees no withheld value, and withheld records not at all"}`, async () => {
      const [{ n: logged } = { n: 0 }] = await api.database.query<{ n: number }>("SELECT count(*)::int AS n FROM access_log");
      for (const sample of samples) {
        const select = `id ${sample.fields.join(" ")} withheld { field scope }`;
        const response = await api.as(role, `query($a: ID!, $b: ID!) { a: node(id: $a) { ... on ${sample.typeName} { ${select} } } b: node(id: $b) { ... on ${sample.typeName} { ${select} } } }`, {
          a: sample.fieldsWithheld,
          b: sample.recordWithheld,
        });
        expect(response.errors, response.raw).toBeUndefined();
        const { a, b } = response.data!;
        for (const field of sample.fields) {
          const value = a[field];
          if (seesWithheld(role)) expect(String(value), `${sample.typeName}.${field}`).toMatch(field === "budgetYuan" ? /7777777/ : new RegExp(CANARY));
          else expect(value, `${sample.typeName}.${field}`).toBeNull();
        }
        expect(a.withheld.map((n: { field: string }) => n.field).sort(), sample.typeName).toEqual([...sample.fields].sort());
        if (seesWithheld(role)) expect(b?.id, sample.typeName).toBe(sample.recordWithheld);
        else expect(b, sample.typeName).toBeNull();
      }
      const [{ n: after } = { n: 0 }] = await api.database.query<{ n: number }>("SELECT count(*)::int AS n FROM access_log");
      if (seesWithheld(role)) expect(after).toBeGreaterThan(logged);
      else expect(after).toBe(logged);
    });
  }

  it("logs reads of any field of a record withheld whole, and of revision values the public may not see", async () => {
    const risk = samples.find((s) => s.typeName === "RiskAssessment")!;
    const count = async (field: string) =>
      (await api.database.query<{ n: number }>("SELECT count(*)::int AS n FROM access_log WHERE field = $1", [field]))[0]!.n;
    const before = await count("assessedOn");
    await api.dataAs("LEGAL_REVIEWER", `query($id: ID!) { node(id: $id) { ... on RiskAssessment { assessedOn overallLevel } } }`, { id: risk.recordWithheld });
    expect(await count("assessedOn")).toBe(before + 1);

    const refs = await references(api);
    const decision = await newDecision(api, 1101, { budgetYuan: 100 });
    const v2 = await write(api, "EDITOR", "decisionUpdate", { id: decision.id, expectedVersion: 1, budgetYuan: 200 });
    await write(api, "EDITOR", "withholdingCreate", { recordId: decision.id, field: "budgetYuan", ground: "COMMERCIAL_SECRET", article: "第十五條", explanation: "報價。", decidedByBodyId: refs.town, reviewDue: "2030-01-01" }, "id");
    expect(v2.version).toBe(2);
    const budgetReads = await count("budgetYuan");
    const { decision: read } = await api.dataAs("LEGAL_REVIEWER", `query($id: ID!) { decision(id: $id) { revisions { nodes { field oldValue } } } }`, { id: decision.id });
    expect(read.revisions.nodes).toContainEqual({ field: "budgetYuan", oldValue: "100" });
    expect(await count("budgetYuan")).toBe(budgetReads + 1);
  });

  it("logs who read which withheld field of which record, and when", async () => {
    const decision = samples.find((s) => s.typeName === "Decision")!;
    await api.dataAs("LEGAL_REVIEWER", `query($id: ID!) { node(id: $id) { ... on Decision { title } } }`, { id: decision.fieldsWithheld });
    const [entry] = await api.database.query<{ role: string; record_type: string; record_id: string; field: string; occurred_at: Date; key_id: string }>(
      "SELECT l.role, l.record_type, l.record_id, l.field, l.occurred_at, l.key_id FROM access_log l JOIN api_keys k ON k.id = l.key_id WHERE l.field = 'title' AND l.record_id = $1 AND k.role = 'LEGAL_REVIEWER' ORDER BY l.occurred_at DESC LIMIT 1",
      [ids.fields],
    );
    expect(entry).toMatchObject({ role: "LEGAL_REVIEWER", record_type: "decisions", record_id: ids.fields, field: "title" });
    // Reading only fields that are not withheld logs nothing.
    const [{ n: before } = { n: 0 }] = await api.database.query<{ n: number }>("SELECT count(*)::int AS n FROM access_log");
    await api.dataAs("EDITOR", `query($id: ID!) { node(id: $id) { ... on Decision { catalogYear stage } } }`, { id: decision.fieldsWithheld });
    const [{ n: after } = { n: 0 }] = await api.database.query<{ n: number }>("SELECT count(*)::int AS n FROM access_log");
    expect(after).toBe(before);
  });
});

describe("a withholding made through the API is in force for the very next request, on every path", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it("hides, releases and hides again a value written through the API", async () => {
    const refs = await references(api);
    const decision = await newDecision(api, 990, { summary: `!!${CANARY}-cycle-summary`, budgetYuan: 7_777_777.77 });
    const everyPath = async () => [
      await api.anonymous(`{ decisions(first: 100, filter: { catalogYear: 2026 }) { totalCount nodes { id summary budgetYuan revisions { nodes { oldValue newValue } } } } }`),
      await api.anonymous(`query($id: ID!) { node(id: $id) { ... on Decision { summary budgetYuan } } decision(id: $id) { summary } }`, { id: decision.id }),
      await api.anonymous(`{ decisions(filter: { search: "${CANARY}-cycle" }) { totalCount nodes { id } } }`),
      await api.as("RESEARCHER", `{ decisions(first: 100, orderBy: { field: UPDATED_AT, direction: DESC }) { nodes { summary budgetYuan } } }`),
    ];
    const leaks = (responses: { raw: string }[]) => responses.filter((r) => r.raw.includes(CANARY) || r.raw.includes("7777777")).length;
    expect(leaks(await everyPath())).toBeGreaterThan(0); // public before it is withheld: the paths do reach it

    const withhold = async () => {
      for (const field of ["summary", "budgetYuan"]) {
        await write(api, "EDITOR", "withholdingCreate", { recordId: decision.id, field, ground: "PROCESS_INFORMATION", article: "第十六條第二款", explanation: "討論稿。", decidedByBodyId: refs.town, reviewDue: "2030-01-01" }, "id");
      }
    };
    await withhold();
    expect(leaks(await everyPath())).toBe(0);

    const { decision: staffView } = await api.dataAs("EDITOR", `query($id: ID!) { decision(id: $id) { withheld { withholdingId field } } }`, { id: decision.id });
    for (const notice of staffView.withheld) await write(api, "EDITOR", "withholdingRelease", { id: notice.withholdingId, reason: "已定稿。" }, "id");
    expect(leaks(await everyPath())).toBeGreaterThan(0);

    await withhold();
    expect(leaks(await everyPath())).toBe(0);
    const { decisions } = await api.data(`{ decisions(filter: { search: "${CANARY}-cycle" }) { totalCount } }`);
    expect(decisions.totalCount).toBe(0);
  });
});
