import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestApi } from "./support/api.js";
import { newDecision, references, refused, write } from "./support/fixtures.js";

describe("editors keep the record through the API", () => {
  let api: TestApi;
  let refs: Awaited<ReturnType<typeof references>>;
  beforeAll(async () => {
    api = await TestApi.start();
    refs = await references(api);
  });
  afterAll(() => api.stop());

  it("creates and updates each part of a decision, bumping its version, and the public sees the result at once", async () => {
    const decision = await newDecision(api, 901);
    // Implementation reports and evaluations come after publication (art. 32): publish first.
    await write(api, "LEGAL_REVIEWER", "legalityReviewCreate", { decisionId: decision.id, reviewingBodyId: refs.justiceBureau, submittedOn: "2026-03-01", result: "LAWFUL", completedOn: "2026-03-12" });
    await write(api, "EDITOR", "deliberationCreate", { decisionId: decision.id, meeting: "鎮長辦公會議", heldOn: "2026-05-10", outcome: "ADOPTED" });
    await write(api, "EDITOR", "publicationCreate", { decisionId: decision.id, documentNumber: "孔政〔2026〕901號", publishedOn: "2026-05-20" });
    const parts: [string, Record<string, unknown>, string, string][] = [
      ["basisItem", { kind: "POLICY", position: 1, title: "規劃綱要" }, "content", "第三章"],
      ["consultation", { method: "HEARING", opensOn: "2026-02-01", closesOn: "2026-02-01" }, "participants", "居民代表12名"],
      ["expertReview", { reviewerKind: "INSTITUTION", method: "COMMISSIONED_STUDY", reviewedOn: "2026-02-10", signed: true }, "conclusion", "可行"],
      ["riskAssessment", { assessedOn: "2026-02-15", overallLevel: "LOW", controllability: "CONTROLLABLE" }, "measures", "分段施工"],
      ["implementationReport", { kind: "PROGRESS", reportedOn: "2026-07-01" }, "content", "已開工"],
      ["postEvaluation", { evaluatedOn: "2027-07-01", recommendation: "CONTINUE" }, "findings", "目標達成"],
      ["attachment", { kind: "DRAFT", mediaType: "application/pdf" }, "title", "決策草案"],
    ];
    for (const [type, input, field, value] of parts) {
      const created = await write(api, "EDITOR", `${type}Create`, { decisionId: decision.id, ...input }, "id version");
      expect(created.version, type).toBe(1);
      const updated = await write(api, "EDITOR", `${type}Update`, { id: created.id, expectedVersion: 1, [field]: value }, `id version ${field}`);
      expect(updated, type).toMatchObject({ version: 2, [field]: value });
      const { node } = await api.data(`query($id: ID!) { node(id: $id) { ... on ${type[0]!.toUpperCase() + type.slice(1)} { ${field} version } } }`, { id: created.id });
      expect(node, type).toEqual({ [field]: value, version: null });
    }
    const risk = await write(api, "EDITOR", "riskAssessmentCreate", { decisionId: decision.id, assessedOn: "2026-02-16", overallLevel: "LOW", controllability: "CONTROLLABLE" });
    const finding = await write(api, "EDITOR", "riskFindingCreate", { riskAssessmentId: risk.id, dimension: "ENVIRONMENT", level: "LOW", findings: "揚塵可控" }, "id version decision { id }");
    expect(finding.decision.id).toBe(decision.id);
  });

  it("refuses an update based on a stale version with CONFLICT, changing nothing", async () => {
    const decision = await newDecision(api, 902);
    const first = await write(api, "EDITOR", "decisionUpdate", { id: decision.id, expectedVersion: 1, summary: "第一次修改。" }, "id version summary");
    expect(first.version).toBe(2);
    const before = await api.fingerprint();
    const [conflict] = await refused(api, "EDITOR", "decisionUpdate", { id: decision.id, expectedVersion: 1, summary: "基於舊版本的修改。" });
    expect(conflict).toMatchObject({ code: "CONFLICT", field: ["input", "expectedVersion"] });
    expect(await api.fingerprint()).toEqual(before);
    expect((await refused(api, "EDITOR", "decisionUpdate", { id: decision.id, expectedVersion: 2, title: null }))[0]!.code).toBe("INVALID_INPUT");
  });

  it("withdraws instead of deleting: the record leaves the public record and stays, with the reason, for staff", async () => {
    const decision = await newDecision(api, 903);
    const item = await write(api, "EDITOR", "basisItemCreate", { decisionId: decision.id, kind: "LEGAL", position: 1, title: "錯誤錄入的依據" });
    const count = async (role: "ANONYMOUS" | "EDITOR") =>
      (await api.dataAs(role, `query($id: ID!) { decision(id: $id) { basis { totalCount } } }`, { id: decision.id })).decision.basis.totalCount;
    expect(await count("ANONYMOUS")).toBe(1);
    await write(api, "EDITOR", "recordWithdraw", { id: item.id, expectedVersion: item.version, reason: "錄入錯誤。" }, "id");
    expect(await count("ANONYMOUS")).toBe(0);
    expect((await api.data(`query($id: ID!) { node(id: $id) { id } }`, { id: item.id })).node).toBeNull();
    const staff = await api.dataAs("EDITOR", `query($id: ID!) { node(id: $id) { ... on BasisItem { title withdrawnAt withdrawalReason } } }`, { id: item.id });
    expect(staff.node).toMatchObject({ title: "錯誤錄入的依據", withdrawalReason: "錄入錯誤。" });
    expect(staff.node.withdrawnAt).not.toBeNull();
    expect((await refused(api, "EDITOR", "basisItemUpdate", { id: item.id, expectedVersion: 2, title: "x" }))[0]!.code).toBe("INVALID_INPUT");
  });

  it("keeps a public revision history that never shows a value withheld while current, nor a change made out of view", async () => {
    const decision = await newDecision(api, 904, { budgetYuan: 1000 });
    const history = async (role: "ANONYMOUS" | "EDITOR" = "ANONYMOUS") =>
      (await api.dataAs(role, `query($id: ID!) { decision(id: $id) { revisions(first: 100) { nodes { field oldValue newValue } } } }`, { id: decision.id })).decision.revisions.nodes;

    const sorted = (rows: { field: string; oldValue: string | null; newValue: string | null }[]) =>
      [...rows].sort((a, b) => `${a.field}${a.oldValue}`.localeCompare(`${b.field}${b.oldValue}`));
    const v2 = await write(api, "EDITOR", "decisionUpdate", { id: decision.id, expectedVersion: 1, title: "改名後的決策", budgetYuan: 2000 });
    expect(sorted(await history())).toEqual([
      { field: "budgetYuan", oldValue: "1000", newValue: "2000" },
      { field: "title", oldValue: "測試決策第904號", newValue: "改名後的決策" },
    ]);

    // Withheld while current, 2000 is never public again; what the public saw before it (1000) stays.
    const withholding = await write(api, "EDITOR", "withholdingCreate", {
      recordId: decision.id, field: "budgetYuan", ground: "COMMERCIAL_SECRET", article: "第十五條", explanation: "投標報價。", decidedByBodyId: refs.town, reviewDue: "2030-01-01",
    }, "id");
    const v3 = await write(api, "EDITOR", "decisionUpdate", { id: decision.id, expectedVersion: v2.version, budgetYuan: 3000 });
    // The change made while withheld leaves no public entry at all.
    expect(sorted(await history())).toEqual([
      { field: "budgetYuan", oldValue: "1000", newValue: null },
      { field: "title", oldValue: "測試決策第904號", newValue: "改名後的決策" },
    ]);
    expect(sorted(await history("EDITOR")).filter((r) => r.field === "budgetYuan")).toEqual([
      { field: "budgetYuan", oldValue: "1000", newValue: "2000" },
      { field: "budgetYuan", oldValue: "2000", newValue: "3000" },
    ]);

    // Released: one entry at the release with the value current then; 2000 stays hidden.
    await write(api, "EDITOR", "withholdingRelease", { id: withholding.id, reason: "合同已簽訂。" }, "id");
    expect((await history()).filter((r: { field: string }) => r.field === "budgetYuan")).toEqual([
      { field: "budgetYuan", oldValue: "1000", newValue: null },
      { field: "budgetYuan", oldValue: null, newValue: "3000" },
    ]);
    expect(v3.version).toBe(3);
  });
});

describe("bad editorial input gets a clear error and changes nothing", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it("answers duplicates and out-of-range numbers with user errors, never an internal error", async () => {
    const decision = await newDecision(api, 950);
    const before = await api.fingerprint();
    const [duplicate] = await refused(api, "EDITOR", "decisionCreate", {
      catalogYear: 2026, catalogNumber: 950, title: "重複", summary: "x", category: "PUBLIC_POLICY",
      regionId: (await references(api)).village, decidingBodyId: (await references(api)).town, undertakingBodyId: (await references(api)).town, initiatedOn: "2026-01-01",
    });
    expect(duplicate).toMatchObject({ code: "CONFLICT", field: ["input", "catalogNumber"] });
    expect((await refused(api, "EDITOR", "decisionUpdate", { id: decision.id, expectedVersion: 1, budgetYuan: 1e20 }))[0]).toMatchObject({ code: "INVALID_INPUT", field: ["input", "budgetYuan"] });
    expect((await refused(api, "EDITOR", "decisionUpdate", { id: decision.id, expectedVersion: 1, regionId: decision.id }))[0]).toMatchObject({ code: "INVALID_INPUT", field: ["input", "regionId"] });
    const risk = await write(api, "EDITOR", "riskAssessmentCreate", { decisionId: decision.id, assessedOn: "2026-02-01", overallLevel: "LOW", controllability: "CONTROLLABLE" });
    await write(api, "EDITOR", "riskFindingCreate", { riskAssessmentId: risk.id, dimension: "ECONOMY", level: "LOW" });
    const fingerprint = await api.fingerprint();
    expect((await refused(api, "EDITOR", "riskFindingCreate", { riskAssessmentId: risk.id, dimension: "ECONOMY", level: "HIGH" }))[0]!.code).toBe("CONFLICT");
    expect(await api.fingerprint()).toEqual(fingerprint);
    expect(before).not.toEqual(fingerprint);
    const malformed = await api.as("EDITOR", `mutation { decisionUpdate(input: { id: "garbage", expectedVersion: 1, title: "x" }) { userErrors { code } } }`);
    expect(malformed.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
