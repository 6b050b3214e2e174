import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestApi, type Role } from "./support/api.js";
import { inputType, newDecision, references, write } from "./support/fixtures.js";

/** Every mutation, with an input that the right role carries out successfully (in this order). */
async function mutations(api: TestApi) {
  const refs = await references(api);
  const d = (await newDecision(api, 601)).id;
  const other = await newDecision(api, 602);
  const lawful = { decisionId: d, reviewingBodyId: refs.justiceBureau, submittedOn: "2026-03-01", result: "LAWFUL", completedOn: "2026-03-12" };
  await write(api, "LEGAL_REVIEWER", "legalityReviewCreate", lawful);
  const pendingReview = await write(api, "LEGAL_REVIEWER", "legalityReviewCreate", { decisionId: other.id, reviewingBodyId: refs.justiceBureau, submittedOn: "2026-03-01" });
  const spareReview = await write(api, "LEGAL_REVIEWER", "legalityReviewCreate", { decisionId: other.id, reviewingBodyId: refs.justiceBureau, submittedOn: "2026-02-01" });
  const adopted = await write(api, "EDITOR", "deliberationCreate", { decisionId: d, meeting: "常務會議", heldOn: "2026-05-01", outcome: "ADOPTED" });
  const publication = await write(api, "EDITOR", "publicationCreate", { decisionId: d, documentNumber: "桐政〔2026〕1號", publishedOn: "2026-05-10" });
  const made: Record<string, { id: string; version: number }> = {};
  const parts: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ["basisItem", { kind: "LEGAL", position: 1, title: "x" }, { title: "y" }],
    ["consultation", { method: "SYMPOSIUM", opensOn: "2026-02-01", closesOn: "2026-02-01" }, { summary: "y" }],
    ["expertReview", { reviewerKind: "EXPERT", method: "WRITTEN_OPINION", reviewedOn: "2026-02-01", signed: true }, { conclusion: "y" }],
    ["riskAssessment", { assessedOn: "2026-02-01", overallLevel: "LOW", controllability: "CONTROLLABLE" }, { measures: "y" }],
    ["implementationReport", { kind: "PROGRESS", reportedOn: "2026-06-01" }, { content: "y" }],
    ["postEvaluation", { evaluatedOn: "2026-06-01", recommendation: "CONTINUE" }, { findings: "y" }],
    ["attachment", { kind: "OTHER", mediaType: "application/pdf" }, { title: "y" }],
  ];
  for (const [type, input] of parts) made[type] = await write(api, "EDITOR", `${type}Create`, { decisionId: d, ...input });
  made.riskFinding = await write(api, "EDITOR", "riskFindingCreate", { riskAssessmentId: made.riskAssessment!.id, dimension: "ECONOMY", level: "LOW" });
  const withdrawable = await write(api, "EDITOR", "consultationCreate", { decisionId: d, method: "SYMPOSIUM", opensOn: "2026-02-01", closesOn: "2026-02-01" });
  const withholding = await write(api, "EDITOR", "withholdingCreate", { recordId: d, field: "title", ground: "PROCESS_INFORMATION", article: "第十六條第二款", explanation: "x", decidedByBodyId: refs.town, reviewDue: "2030-01-01" }, "id");
  const key = await api.dataAs("ADMIN", `mutation { apiKeyCreate(input: { name: "to revoke", role: RESEARCHER }) { apiKey { id } } }`);
  const comments = await api.database.query<{ id: string; version: number }>("SELECT id, version FROM comments ORDER BY id LIMIT 2");
  const commentId = (i: number) => Buffer.from(`Comment:${comments[i]!.id}`).toString("base64url");
  const editor: [string, Record<string, unknown>][] = [
    ["decisionCreate", { catalogYear: 2026, catalogNumber: 699, title: "x", summary: "x", category: "OTHER_MAJOR_MATTER", regionId: refs.village, decidingBodyId: refs.town, undertakingBodyId: refs.department, initiatedOn: "2026-01-01" }],
    ["decisionUpdate", { id: other.id, expectedVersion: other.version, title: "改" }],
    ["decisionAdvanceStage", { id: d, expectedVersion: 1, stage: "PUBLIC_PARTICIPATION" }],
    ...parts.map(([type, input]): [string, Record<string, unknown>] => [`${type}Create`, { decisionId: d, ...input }]),
    ...parts.map(([type, , change]): [string, Record<string, unknown>] => [`${type}Update`, { id: made[type]!.id, expectedVersion: made[type]!.version, ...change }]),
    ["riskFindingCreate", { riskAssessmentId: made.riskAssessment!.id, dimension: "ENVIRONMENT", level: "LOW" }],
    ["riskFindingUpdate", { id: made.riskFinding!.id, expectedVersion: made.riskFinding!.version, findings: "y" }],
    ["deliberationCreate", { decisionId: d, meeting: "x", heldOn: "2026-05-02", outcome: "DEFERRED" }],
    ["deliberationUpdate", { id: adopted.id, expectedVersion: adopted.version, dissent: "有不同意見" }],
    ["publicationUpdate", { id: publication.id, expectedVersion: publication.version, fullText: "y" }],
    ["recordWithdraw", { id: withdrawable.id, expectedVersion: withdrawable.version, reason: "x" }],
    ["withholdingCreate", { recordId: d, field: "summary", ground: "PROCESS_INFORMATION", article: "第十六條第二款", explanation: "x", decidedByBodyId: refs.town, reviewDue: "2030-01-01" }],
    ["withholdingRelease", { id: withholding.id, reason: "x" }],
    ["commentModerate", { id: commentId(0), expectedVersion: comments[0]!.version, decision: "PUBLISH" }],
    ["commentAnswer", { id: commentId(1), expectedVersion: comments[1]!.version, adoptionResult: "ADOPTED", reply: "x" }],
  ];
  const reviewer: [string, Record<string, unknown>][] = [
    ["legalityReviewCreate", { decisionId: other.id, reviewingBodyId: refs.justiceBureau, submittedOn: "2026-04-01" }],
    ["legalityReviewUpdate", { id: pendingReview.id, expectedVersion: pendingReview.version, result: "LAWFUL", completedOn: "2026-03-20" }],
  ];
  const admin: [string, Record<string, unknown>][] = [
    ["apiKeyCreate", { name: "x", role: "RESEARCHER" }],
    ["apiKeyRevoke", { id: key.apiKeyCreate.apiKey.id }],
  ];
  // Withdrawing a legality review is the reviewers' to do, not the editors'.
  const reviewerWithdrawal: [string, Record<string, unknown>] = ["recordWithdraw", { id: spareReview.id, expectedVersion: spareReview.version, reason: "x" }];
  return { editor, reviewer, admin, reviewerWithdrawal };
}

describe("authorization: each role may do only its own writes, and a refusal changes no row", () => {
  let api: TestApi;
  let cases: Awaited<ReturnType<typeof mutations>>;
  beforeAll(async () => {
    api = await TestApi.start();
    cases = await mutations(api);
  });
  afterAll(() => api.stop());

  const attempt = async (role: Role, mutation: string, input: Record<string, unknown>) =>
    api.as(role, `mutation($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { userErrors { code } } }`, { input });

  const expectRefused = async (role: Role, [mutation, input]: [string, Record<string, unknown>]) => {
    const before = await api.fingerprint();
    const response = await attempt(role, mutation, input);
    expect(response.errors?.[0]?.extensions?.code, `${role} ${mutation}: ${response.raw}`).toBe(role === "ANONYMOUS" ? "UNAUTHENTICATED" : "FORBIDDEN");
    expect(response.data?.[mutation] ?? null).toBeNull();
    expect(await api.fingerprint(), `${role} ${mutation} changed rows`).toEqual(before);
  };

  it("refuses every staff mutation to the anonymous public and to researchers", async () => {
    for (const role of ["ANONYMOUS", "RESEARCHER"] as const) for (const c of [...cases.editor, ...cases.reviewer, ...cases.admin]) await expectRefused(role, c);
    // Each refusal fingerprints every table twice, the sample's months of change feed among them: far above the default on a busy machine.
  }, 300_000);

  it("refuses editors' mutations to legality reviewers and admins, reviewers' to editors and admins, admins' to editors and reviewers", async () => {
    for (const role of ["LEGAL_REVIEWER", "ADMIN"] as const) for (const c of cases.editor) await expectRefused(role, c);
    for (const role of ["EDITOR", "ADMIN"] as const) for (const c of [...cases.reviewer, cases.reviewerWithdrawal]) await expectRefused(role, c);
    for (const role of ["EDITOR", "LEGAL_REVIEWER"] as const) for (const c of cases.admin) await expectRefused(role, c);
  }, 300_000);

  it("takes no role from a header: a smuggled role changes nothing", async () => {
    const [mutation, input] = cases.editor[0]!;
    const before = await api.fingerprint();
    const response = await api.send({ "x-role": "EDITOR", role: "EDITOR", "x-api-key-role": "ADMIN" }, `mutation($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { userErrors { code } } }`, { input });
    expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await api.fingerprint()).toEqual(before);
  });

  it("carries out each mutation for its own role, without user errors (so the refusals above are about the role)", async () => {
    const succeed = async (role: Role, [mutation, input]: [string, Record<string, unknown>]) => {
      const response = await attempt(role, mutation, input);
      expect(response.errors, `${mutation}: ${response.raw}`).toBeUndefined();
      expect(response.data![mutation].userErrors, `${mutation}: ${response.raw}`).toEqual([]);
    };
    for (const c of cases.editor) await succeed("EDITOR", c);
    for (const c of [...cases.reviewer, cases.reviewerWithdrawal]) await succeed("LEGAL_REVIEWER", c);
    for (const c of cases.admin) await succeed("ADMIN", c);
  });

  it("refuses a revoked or malformed key before anything runs", async () => {
    const [mutation, input] = cases.editor[1]!;
    const secret = await api.secretFor("EDITOR");
    const before = await api.fingerprint();
    for (const authorization of [`Bearer ${secret}x`, `Token ${secret}`, `Bearer ${secret.slice(0, -1)}${secret.endsWith("A") ? "B" : "A"}`]) {
      const response = await api.send({ authorization }, `mutation($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { userErrors { code } } }`, { input });
      expect(response.status).toBe(401);
    }
    await api.database.query("UPDATE api_keys SET revoked_at = now() WHERE role = 'EDITOR'");
    const revoked = await api.as("EDITOR", `mutation($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { userErrors { code } } }`, { input });
    expect(revoked.status).toBe(401);
    expect(revoked.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(await api.fingerprint()).toEqual(before);
  });
});
