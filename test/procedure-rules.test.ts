import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestApi } from "./support/api.js";
import { inputType, newDecision, references, refused, write } from "./support/fixtures.js";

describe("the procedure's hard rules, each refused with its article and accepted once it holds", () => {
  let api: TestApi;
  let refs: Awaited<ReturnType<typeof references>>;
  beforeAll(async () => {
    api = await TestApi.start();
    refs = await references(api);
  });
  afterAll(() => api.stop());

  const deliberation = (decisionId: string) => ({ decisionId, meeting: "鎮長辦公會議", heldOn: "2026-05-10", outcome: "ADOPTED" });
  const review = (decisionId: string, submittedOn: string, extra: object = {}) => ({ decisionId, reviewingBodyId: refs.justiceBureau, submittedOn, ...extra });

  it("art. 25: no deliberation without a completed, lawful legality review", async () => {
    const decision = await newDecision(api, 501);
    const [missing] = await refused(api, "EDITOR", "deliberationCreate", deliberation(decision.id));
    expect(missing).toMatchObject({ code: "PROCEDURE_VIOLATION", article: expect.stringContaining("art. 25") });

    const pending = await write(api, "LEGAL_REVIEWER", "legalityReviewCreate", review(decision.id, "2026-03-01"));
    expect((await refused(api, "EDITOR", "deliberationCreate", deliberation(decision.id)))[0]!.article).toContain("art. 25");

    await write(api, "LEGAL_REVIEWER", "legalityReviewUpdate", { id: pending.id, expectedVersion: pending.version, result: "UNLAWFUL", completedOn: "2026-03-12", opinion: "超越法定權限。" });
    expect((await refused(api, "EDITOR", "deliberationCreate", deliberation(decision.id)))[0]!.message).toMatch(/UNLAWFUL/);

    await write(api, "LEGAL_REVIEWER", "legalityReviewCreate", review(decision.id, "2026-04-01", { result: "LAWFUL_AFTER_AMENDMENT", completedOn: "2026-04-12" }));
    expect(await write(api, "EDITOR", "deliberationCreate", deliberation(decision.id), "id outcome")).toMatchObject({ outcome: "ADOPTED" });
  });

  it("art. 24: no adoption while the latest risk assessment finds the risk uncontrollable; a rejection or deferral is recorded", async () => {
    const decision = await newDecision(api, 502);
    await write(api, "LEGAL_REVIEWER", "legalityReviewCreate", review(decision.id, "2026-03-01", { result: "LAWFUL", completedOn: "2026-03-12" }));
    const risk = { decisionId: decision.id, assessedOn: "2026-02-01", overallLevel: "HIGH", controllability: "UNCONTROLLABLE" };
    await write(api, "EDITOR", "riskAssessmentCreate", risk);
    expect((await refused(api, "EDITOR", "deliberationCreate", deliberation(decision.id)))[0]!.article).toContain("art. 24");
    for (const outcome of ["REJECTED", "DEFERRED"]) {
      expect(await write(api, "EDITOR", "deliberationCreate", { ...deliberation(decision.id), outcome, heldOn: outcome === "REJECTED" ? "2026-03-20" : "2026-03-21" }, "id outcome")).toMatchObject({ outcome });
    }
    await write(api, "EDITOR", "riskAssessmentCreate", { ...risk, assessedOn: "2026-02-20", overallLevel: "MEDIUM", controllability: "CONTROLLABLE_WITH_MEASURES" });
    await write(api, "EDITOR", "deliberationCreate", deliberation(decision.id));
  });

  it("art. 32: a publication cannot precede the deliberation that adopted the decision", async () => {
    const decision = await newDecision(api, 503);
    const publication = { decisionId: decision.id, documentNumber: "孔政〔2026〕9號", publishedOn: "2026-05-20", fullText: "決定如下。" };
    expect((await refused(api, "EDITOR", "publicationCreate", publication))[0]).toMatchObject({ code: "PROCEDURE_VIOLATION", article: expect.stringContaining("art. 32") });
    await write(api, "LEGAL_REVIEWER", "legalityReviewCreate", review(decision.id, "2026-03-01", { result: "LAWFUL", completedOn: "2026-03-12" }));
    await write(api, "EDITOR", "deliberationCreate", deliberation(decision.id));
    expect((await refused(api, "EDITOR", "publicationCreate", { ...publication, publishedOn: "2026-05-01" }))[0]).toMatchObject({ field: ["input", "publishedOn"], article: expect.stringContaining("art. 32") });
    await write(api, "EDITOR", "publicationCreate", publication);
  });

  it("art. 15: an online comment period under 30 days states its reason", async () => {
    const decision = await newDecision(api, 504);
    const consultation = { decisionId: decision.id, method: "ONLINE_COMMENT", opensOn: "2026-02-01", closesOn: "2026-02-15" };
    expect((await refused(api, "EDITOR", "consultationCreate", consultation))[0]).toMatchObject({ field: ["input", "shortPeriodReason"], article: expect.stringContaining("art. 15") });
    await write(api, "EDITOR", "consultationCreate", { ...consultation, shortPeriodReason: "汛期前須完成加固，時間緊迫。" });
    // Counted as the Civil Code counts (art. 201): the opening day is not counted, so 3 March makes 30 days and 2 March 29.
    expect((await refused(api, "EDITOR", "consultationCreate", { ...consultation, closesOn: "2026-03-02" }))[0]!.code).toBe("PROCEDURE_VIOLATION");
    await write(api, "EDITOR", "consultationCreate", { ...consultation, closesOn: "2026-03-03" });
    expect((await refused(api, "EDITOR", "consultationCreate", { ...consultation, closesOn: "2026-01-01" }))[0]!.code).toBe("INVALID_INPUT");
  });

  it("moves a decision's stage only forward, and only once what the stage needs is on record", async () => {
    const decision = await newDecision(api, 505);
    const advance = (stage: string, expectedVersion: number) => ({ id: decision.id, expectedVersion, stage });
    const v2 = await write(api, "EDITOR", "decisionAdvanceStage", advance("PUBLIC_PARTICIPATION", decision.version), "id version stage");
    expect(v2.stage).toBe("PUBLIC_PARTICIPATION");
    expect((await refused(api, "EDITOR", "decisionAdvanceStage", advance("INITIATION", v2.version)))[0]!.code).toBe("INVALID_INPUT");
    expect((await refused(api, "EDITOR", "decisionAdvanceStage", advance("DELIBERATION", v2.version)))[0]!.article).toContain("art. 25");
    expect((await refused(api, "EDITOR", "decisionAdvanceStage", advance("IMPLEMENTATION", v2.version)))[0]!.article).toContain("art. 32");
    await write(api, "LEGAL_REVIEWER", "legalityReviewCreate", review(decision.id, "2026-03-01", { result: "LAWFUL", completedOn: "2026-03-12" }));
    const v3 = await write(api, "EDITOR", "decisionAdvanceStage", advance("DELIBERATION", v2.version), "id version stage");
    expect(v3.stage).toBe("DELIBERATION");
  });

  it("judges a deliberation by what was on record at its date, and checks it again when it changes", async () => {
    const decision = await newDecision(api, 507);
    await write(api, "LEGAL_REVIEWER", "legalityReviewCreate", review(decision.id, "2026-03-01", { result: "LAWFUL", completedOn: "2026-03-12" }));
    expect((await refused(api, "EDITOR", "deliberationCreate", { ...deliberation(decision.id), heldOn: "2026-01-01" }))[0]!.article).toContain("art. 25");
    expect((await refused(api, "EDITOR", "deliberationCreate", { ...deliberation(decision.id), heldOn: "2026-03-05" }))[0]!.article).toContain("art. 25");
    const meeting = await write(api, "EDITOR", "deliberationCreate", { ...deliberation(decision.id), outcome: "DEFERRED" });
    await write(api, "EDITOR", "riskAssessmentCreate", { decisionId: decision.id, assessedOn: "2026-04-01", overallLevel: "HIGH", controllability: "UNCONTROLLABLE" });
    expect((await refused(api, "EDITOR", "deliberationUpdate", { id: meeting.id, expectedVersion: meeting.version, outcome: "ADOPTED" }))[0]!.article).toContain("art. 24");
  });

  it("keeps the records a later step rests on: no withdrawal, no rewriting a final review or a published decision's deliberation", async () => {
    const decision = await newDecision(api, 508);
    const lawful = await write(api, "LEGAL_REVIEWER", "legalityReviewCreate", review(decision.id, "2026-03-01", { result: "LAWFUL", completedOn: "2026-03-12" }));
    expect((await refused(api, "LEGAL_REVIEWER", "legalityReviewUpdate", { id: lawful.id, expectedVersion: lawful.version, result: "UNLAWFUL" }))[0]!.code).toBe("PROCEDURE_VIOLATION");
    const meeting = await write(api, "EDITOR", "deliberationCreate", deliberation(decision.id));
    expect((await refused(api, "LEGAL_REVIEWER", "recordWithdraw", { id: lawful.id, expectedVersion: lawful.version, reason: "x" }))[0]!.article).toContain("art. 25");
    await write(api, "EDITOR", "publicationCreate", { decisionId: decision.id, documentNumber: "孔政〔2026〕508號", publishedOn: "2026-05-20" });
    expect((await refused(api, "EDITOR", "deliberationUpdate", { id: meeting.id, expectedVersion: meeting.version, outcome: "REJECTED", heldOn: "2026-12-01" }))[0]!.article).toContain("art. 32");
    expect((await refused(api, "EDITOR", "recordWithdraw", { id: meeting.id, expectedVersion: meeting.version, reason: "x" }))[0]!.article).toContain("art. 32");
  });

  it("owes a village's own meeting no Decree 713 legality review (art. 2), and refuses attendance and votes that cannot be true", async () => {
    const { bodies } = await api.data(`{ bodies { id name } }`);
    const village = bodies.find((b: { name: string }) => b.name === "孔城鎮桐梓村村民委員會").id as string;
    const decision = await newDecision(api, 520, { decidingBodyId: village, undertakingBodyId: village });
    const meeting = { decisionId: decision.id, meeting: "桐梓村村民代表會議", heldOn: "2026-05-10", outcome: "ADOPTED", bodyKind: "VILLAGER_REPRESENTATIVES_MEETING", entitledCount: 30, presentCount: 30, votesFor: 30 };
    // One more present than entitled, one more vote than present: refused, naming the field; all present and all for: recorded.
    expect((await refused(api, "EDITOR", "deliberationCreate", { ...meeting, presentCount: 31 }))[0]).toMatchObject({ code: "INVALID_INPUT", field: ["input", "presentCount"] });
    expect((await refused(api, "EDITOR", "deliberationCreate", { ...meeting, votesFor: 31 }))[0]).toMatchObject({ code: "INVALID_INPUT", field: ["input", "votesFor"] });
    expect((await refused(api, "EDITOR", "deliberationCreate", { ...meeting, entitledCount: undefined }))[0]).toMatchObject({ code: "INVALID_INPUT", field: ["input", "entitledCount"] });
    const negative = await api.as("EDITOR", `mutation($input: DeliberationCreateInput!) { deliberationCreate(input: $input) { userErrors { code } } }`, { input: { ...meeting, votesFor: -1 } });
    expect(negative.status).toBe(400);
    expect(negative.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const recorded = await write(api, "EDITOR", "deliberationCreate", meeting, "id version bodyKind entitledCount presentCount votesFor countedByHousehold");
    expect(recorded).toMatchObject({ bodyKind: "VILLAGER_REPRESENTATIVES_MEETING", entitledCount: 30, presentCount: 30, votesFor: 30, countedByHousehold: false });
    // An update is checked against the record as it would be.
    expect((await refused(api, "EDITOR", "deliberationUpdate", { id: recorded.id, expectedVersion: recorded.version, entitledCount: 29 }))[0]!.field).toEqual(["input", "presentCount"]);
    // The same meeting on the town government's decision owes art. 25's legality review.
    const town = await newDecision(api, 521);
    expect((await refused(api, "EDITOR", "deliberationCreate", { ...meeting, decisionId: town.id }))[0]!.article).toContain("art. 25");
  });

  it("records a change, suspension or stop with its reason, circumstance, procedure and the day it was decided, never after its report", async () => {
    const decision = await newDecision(api, 522);
    await write(api, "LEGAL_REVIEWER", "legalityReviewCreate", review(decision.id, "2026-03-01", { result: "LAWFUL", completedOn: "2026-03-12" }));
    await write(api, "EDITOR", "deliberationCreate", deliberation(decision.id));
    await write(api, "EDITOR", "publicationCreate", { decisionId: decision.id, documentNumber: "孔政〔2026〕522號", publishedOn: "2026-05-20" });
    const stop = { decisionId: decision.id, kind: "TERMINATION", reportedOn: "2026-08-01", reason: "上游水庫改建，工程已無必要。", circumstance: "CIRCUMSTANCES_CHANGED", procedure: "STATUTORY_PROCEDURE" };
    expect((await refused(api, "EDITOR", "implementationReportCreate", { ...stop, decidedOn: "2026-08-02" }))[0]).toMatchObject({ code: "INVALID_INPUT", field: ["input", "decidedOn"] });
    // Art. 37: a stop follows a new executive meeting. Meeting on 20 July: a stop decided on the 19th is a breach, one decided on the 20th is not.
    await write(api, "EDITOR", "deliberationCreate", { ...deliberation(decision.id), heldOn: "2026-07-20", outcome: "ADOPTED_WITH_CHANGES" });
    expect((await refused(api, "EDITOR", "implementationReportCreate", { ...stop, decidedOn: "2026-07-19" }))[0]).toMatchObject({ code: "PROCEDURE_VIOLATION", article: expect.stringContaining("art. 37") });
    const recorded = await write(api, "EDITOR", "implementationReportCreate", { ...stop, decidedOn: "2026-07-20" }, "id kind reason circumstance procedure decidedOn");
    expect(recorded).toMatchObject({ kind: "TERMINATION", reason: stop.reason, circumstance: "CIRCUMSTANCES_CHANGED", procedure: "STATUTORY_PROCEDURE", decidedOn: "2026-07-20" });
    // The head may suspend first on a circumstance of art. 35(1); on the public's opinion alone it is a breach.
    const suspension = { decisionId: decision.id, kind: "SUSPENSION", reportedOn: "2026-06-10", procedure: "HEAD_DECIDED" };
    expect((await refused(api, "EDITOR", "implementationReportCreate", { ...suspension, circumstance: "PUBLIC_OPINION" }))[0]!.article).toContain("art. 37");
    await write(api, "EDITOR", "implementationReportCreate", { ...suspension, circumstance: "FORCE_MAJEURE" });
    const progress = await write(api, "EDITOR", "implementationReportCreate", { decisionId: decision.id, kind: "PROGRESS", reportedOn: "2026-07-01" }, "id procedure circumstance decidedOn");
    expect(progress).toMatchObject({ procedure: "NONE_RECORDED", circumstance: null, decidedOn: null });
  });

  it("takes implementation reports and evaluations only once the decision is published, and then lets it be implemented", async () => {
    const decision = await newDecision(api, 509);
    const report = { decisionId: decision.id, kind: "PROGRESS", reportedOn: "2026-06-01", content: "已開工" };
    expect((await refused(api, "EDITOR", "implementationReportCreate", report))[0]!.article).toContain("art. 32");
    expect((await refused(api, "EDITOR", "postEvaluationCreate", { decisionId: decision.id, evaluatedOn: "2027-01-01", recommendation: "CONTINUE" }))[0]!.article).toContain("art. 32");
    await write(api, "LEGAL_REVIEWER", "legalityReviewCreate", review(decision.id, "2026-03-01", { result: "LAWFUL", completedOn: "2026-03-12" }));
    await write(api, "EDITOR", "deliberationCreate", deliberation(decision.id));
    await write(api, "EDITOR", "publicationCreate", { decisionId: decision.id, documentNumber: "孔政〔2026〕509號", publishedOn: "2026-05-20" });
    await write(api, "EDITOR", "implementationReportCreate", report);
    const advanced = await write(api, "EDITOR", "decisionAdvanceStage", { id: decision.id, expectedVersion: decision.version, stage: "IMPLEMENTATION" }, "id stage revisions { nodes { field oldValue newValue } }");
    expect(advanced.stage).toBe("IMPLEMENTATION");
    expect(advanced.revisions.nodes).toContainEqual({ field: "stage", oldValue: "INITIATION", newValue: "IMPLEMENTATION" });
  });

  it("changes nothing in the file of a withdrawn decision", async () => {
    const decision = await newDecision(api, 510);
    const item = await write(api, "EDITOR", "basisItemCreate", { decisionId: decision.id, kind: "LEGAL", position: 1, title: "依據" });
    await write(api, "EDITOR", "recordWithdraw", { id: decision.id, expectedVersion: decision.version, reason: "重複立項。" }, "id");
    expect((await refused(api, "EDITOR", "basisItemUpdate", { id: item.id, expectedVersion: item.version, title: "改" }))[0]!.code).toBe("INVALID_INPUT");
    expect((await refused(api, "EDITOR", "basisItemCreate", { decisionId: decision.id, kind: "LEGAL", position: 2, title: "新" }))[0]!.code).toBe("NOT_FOUND");
    expect((await api.data(`query($id: ID!) { node(id: $id) { id } }`, { id: item.id })).node).toBeNull();
  });

  it("checks a legality review's result and its dates together", async () => {
    const decision = await newDecision(api, 506);
    expect((await refused(api, "LEGAL_REVIEWER", "legalityReviewCreate", review(decision.id, "2026-03-01", { result: "LAWFUL" })))[0]!.field).toEqual(["input", "completedOn"]);
    expect((await refused(api, "LEGAL_REVIEWER", "legalityReviewCreate", review(decision.id, "2026-03-01", { result: "LAWFUL", completedOn: "2026-02-01" })))[0]!.field).toEqual(["input", "completedOn"]);
  });

  describe("a breach that happened is recorded once acknowledged, and judged by the report", () => {
    /** Sends the write with acknowledgeBreaches, answering the record, the breaches named and the user errors. */
    const acknowledged = async (mutation: string, field: string, input: Record<string, unknown>) => {
      const response = await api.as("EDITOR", `mutation($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { ${field} { id } breaches { code article message } userErrors { code message } } }`, {
        input: { ...input, acknowledgeBreaches: true },
      });
      expect(response.errors, response.raw).toBeUndefined();
      return response.data![mutation] as { breaches: { code: string; article: string; message: string }[]; userErrors: unknown[] } & Record<string, { id: string } | null>;
    };
    const ruleStatus = async (decisionId: string, rule: string) =>
      (await api.dataAs("LEGAL_REVIEWER", `query($id: ID!) { decision(id: $id) { compliance { results { rule { id } status } } } }`, { id: decisionId })).decision.compliance.results.find((r: { rule: { id: string } }) => r.rule.id === rule).status;

    it("a deliberation held before the legality review was completed: refused unacknowledged, changing nothing; recorded with its article once acknowledged", async () => {
      const decision = await newDecision(api, 511);
      await write(api, "LEGAL_REVIEWER", "legalityReviewCreate", review(decision.id, "2026-03-01"));
      const before = await api.fingerprint();
      const [refusal] = await refused(api, "EDITOR", "deliberationCreate", deliberation(decision.id));
      expect(refusal).toMatchObject({ code: "PROCEDURE_VIOLATION", article: expect.stringContaining("art. 25") });
      expect(refusal!.message).toContain("acknowledgeBreaches: true");
      expect(await api.fingerprint()).toEqual(before);
      const recorded = await acknowledged("deliberationCreate", "deliberation", deliberation(decision.id));
      expect(recorded.userErrors).toEqual([]);
      expect(recorded.deliberation).not.toBeNull();
      expect(recorded.breaches).toEqual([expect.objectContaining({ code: "PROCEDURE_VIOLATION", article: expect.stringContaining("art. 25") })]);
      expect(await ruleStatus(decision.id, "LAWFUL_REVIEW_BEFORE_DELIBERATION")).toBe("VIOLATED");
    });

    it("a short comment period without a reason, and a publication before the adopting meeting", async () => {
      const decision = await newDecision(api, 512);
      const period = await acknowledged("consultationCreate", "consultation", { decisionId: decision.id, method: "ONLINE_COMMENT", opensOn: "2026-02-01", closesOn: "2026-02-15" });
      expect(period.breaches.map((b) => b.article)).toEqual([expect.stringContaining("art. 15")]);
      expect(await ruleStatus(decision.id, "COMMENT_PERIOD")).toBe("VIOLATED");
      const publication = await acknowledged("publicationCreate", "publication", { decisionId: decision.id, documentNumber: "孔政〔2026〕512號", publishedOn: "2026-05-20" });
      expect(publication.breaches.map((b) => b.article)).toEqual([expect.stringContaining("art. 32")]);
      expect(await ruleStatus(decision.id, "PUBLISHED_PROMPTLY")).toBe("VIOLATED");
    });

    it("names no breach on a write that breaches nothing, and still refuses what cannot be true, acknowledged or not", async () => {
      const decision = await newDecision(api, 513);
      const lawful = await acknowledged("consultationCreate", "consultation", { decisionId: decision.id, method: "ONLINE_COMMENT", opensOn: "2026-02-01", closesOn: "2026-03-10" });
      expect(lawful.breaches).toEqual([]);
      const impossible = await acknowledged("consultationCreate", "consultation", { decisionId: decision.id, method: "SYMPOSIUM", opensOn: "2026-03-10", closesOn: "2026-03-01" });
      expect(impossible.consultation).toBeNull();
      expect(impossible.userErrors).toEqual([expect.objectContaining({ code: "INVALID_INPUT" })]);
      expect(impossible.breaches).toEqual([]);
    });
  });
});
