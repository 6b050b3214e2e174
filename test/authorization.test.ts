import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestApi, type Role } from "./support/api.js";
import { inputType, newDecision, references, write } from "./support/fixtures.js";

/** Every mutation, with an input that the right role could carry out. */
async function mutations(api: TestApi) {
  const refs = await references(api);
  const decision = await newDecision(api, 601);
  const consultation = await write(api, "EDITOR", "consultationCreate", { decisionId: decision.id, method: "SYMPOSIUM", opensOn: "2026-02-01", closesOn: "2026-02-01" });
  const risk = await write(api, "EDITOR", "riskAssessmentCreate", { decisionId: decision.id, assessedOn: "2026-02-01", overallLevel: "LOW", controllability: "CONTROLLABLE" });
  const review = await write(api, "LEGAL_REVIEWER", "legalityReviewCreate", { decisionId: decision.id, reviewingBodyId: refs.justiceBureau, submittedOn: "2026-03-01" });
  const [comment] = await api.database.query<{ id: string; version: number }>("SELECT id, version FROM comments LIMIT 1");
  const commentId = Buffer.from(`Comment:${comment!.id}`).toString("base64url");
  const d = decision.id;
  const editor: [string, Record<string, unknown>][] = [
    ["decisionCreate", { catalogYear: 2026, catalogNumber: 699, title: "x", summary: "x", category: "OTHER_MAJOR_MATTER", regionId: refs.village, decidingBodyId: refs.town, undertakingBodyId: refs.department, initiatedOn: "2026-01-01" }],
    ["decisionUpdate", { id: d, expectedVersion: decision.version, title: "改" }],
    ["decisionAdvanceStage", { id: d, expectedVersion: decision.version, stage: "PUBLIC_PARTICIPATION" }],
    ["basisItemCreate", { decisionId: d, kind: "LEGAL", position: 1, title: "x" }],
    ["consultationCreate", { decisionId: d, method: "SYMPOSIUM", opensOn: "2026-02-01", closesOn: "2026-02-01" }],
    ["consultationUpdate", { id: consultation.id, expectedVersion: consultation.version, summary: "x" }],
    ["expertReviewCreate", { decisionId: d, reviewerKind: "EXPERT", method: "WRITTEN_OPINION", reviewedOn: "2026-02-01", signed: true }],
    ["riskAssessmentCreate", { decisionId: d, assessedOn: "2026-02-01", overallLevel: "LOW", controllability: "CONTROLLABLE" }],
    ["riskFindingCreate", { riskAssessmentId: risk.id, dimension: "ECONOMY", level: "LOW" }],
    ["deliberationCreate", { decisionId: d, meeting: "x", heldOn: "2026-05-01", outcome: "DEFERRED" }],
    ["publicationCreate", { decisionId: d, documentNumber: "x", publishedOn: "2026-05-01" }],
    ["implementationReportCreate", { decisionId: d, kind: "PROGRESS", reportedOn: "2026-06-01" }],
    ["postEvaluationCreate", { decisionId: d, evaluatedOn: "2026-06-01", recommendation: "CONTINUE" }],
    ["attachmentCreate", { decisionId: d, kind: "OTHER", mediaType: "application/pdf" }],
    ["recordWithdraw", { id: consultation.id, expectedVersion: consultation.version, reason: "x" }],
    ["withholdingCreate", { recordId: d, field: "summary", ground: "PROCESS_INFORMATION", article: "x", explanation: "x", decidedByBodyId: refs.town, reviewDue: "2030-01-01" }],
    ["commentModerate", { id: commentId, expectedVersion: comment!.version, decision: "PUBLISH" }],
    ["commentAnswer", { id: commentId, expectedVersion: comment!.version, adoptionResult: "ADOPTED", reply: "x" }],
  ];
  const reviewer: [string, Record<string, unknown>][] = [
    ["legalityReviewCreate", { decisionId: d, reviewingBodyId: refs.justiceBureau, submittedOn: "2026-03-01" }],
    ["legalityReviewUpdate", { id: review.id, expectedVersion: review.version, result: "LAWFUL", completedOn: "2026-03-20" }],
  ];
  return { editor, reviewer };
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

  it("refuses every editor and reviewer mutation to the anonymous public and to researchers", async () => {
    for (const role of ["ANONYMOUS", "RESEARCHER"] as const) for (const c of [...cases.editor, ...cases.reviewer]) await expectRefused(role, c);
  });

  it("refuses editors' mutations to legality reviewers and admins, and reviewers' to editors and admins", async () => {
    for (const role of ["LEGAL_REVIEWER", "ADMIN"] as const) for (const c of cases.editor) await expectRefused(role, c);
    for (const role of ["EDITOR", "ADMIN"] as const) for (const c of cases.reviewer) await expectRefused(role, c);
  });

  it("lets each mutation through for its own role (so the refusals above are about the role, not the input)", async () => {
    for (const [mutation, input] of cases.editor) expect((await attempt("EDITOR", mutation, input)).errors, mutation).toBeUndefined();
    for (const [mutation, input] of cases.reviewer) expect((await attempt("LEGAL_REVIEWER", mutation, input)).errors, mutation).toBeUndefined();
  });

  it("refuses a revoked or malformed key before anything runs", async () => {
    const [mutation, input] = cases.editor[1]!;
    const secret = await api.secretFor("EDITOR");
    const before = await api.fingerprint();
    for (const authorization of [`Bearer ${secret}x`, `Token ${secret}`, `Bearer ${secret.slice(0, -1)}A`]) {
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
