import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestApi } from "./support/api.js";
import { newDecision, references, refused, write } from "./support/fixtures.js";

const entries = async (api: TestApi) =>
  (await api.database.query<{ action: string; n: number }>("SELECT action, count(*)::int AS n FROM audit_entries GROUP BY action")).reduce<Record<string, number>>(
    (all, row) => ({ ...all, [row.action]: row.n }),
    {},
  );

describe("nothing lost, everything traceable", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ clock: () => new Date("2026-02-10T04:00:00Z") });
  });
  afterAll(() => api.stop());

  it("leaves exactly one audit entry per mutation, with who, what, before and after", async () => {
    const refs = await references(api);
    const counts = await entries(api);
    const expectOne = async <T>(action: string, run: () => Promise<T>): Promise<T> => {
      const result = await run();
      const now = await entries(api);
      expect((now[action] ?? 0) - (counts[action] ?? 0), action).toBe(1);
      for (const [other, n] of Object.entries(now)) if (other !== action) expect(n - (counts[other] ?? 0), `${action} also wrote ${other}`).toBe(0);
      Object.assign(counts, now);
      return result;
    };
    const decision = await expectOne("decisionCreate", () => newDecision(api, 701));
    const updated = await expectOne("decisionUpdate", () => write(api, "EDITOR", "decisionUpdate", { id: decision.id, expectedVersion: decision.version, summary: "改寫的摘要。" }));
    await expectOne("decisionAdvanceStage", () => write(api, "EDITOR", "decisionAdvanceStage", { id: decision.id, expectedVersion: updated.version, stage: "PUBLIC_PARTICIPATION" }));
    const consultation = await expectOne("consultationCreate", () =>
      write(api, "EDITOR", "consultationCreate", { decisionId: decision.id, method: "ONLINE_COMMENT", opensOn: "2026-02-01", closesOn: "2026-03-05" }),
    );
    const receipt = await expectOne("commentSubmit", () => write(api, "ANONYMOUS", "commentSubmit", { consultationId: consultation.id, text: "支持。", stakeholderCategory: "INDIVIDUAL" }, "id"));
    const moderated = await expectOne("commentModerate", () => write(api, "EDITOR", "commentModerate", { id: receipt.id, expectedVersion: 1, decision: "PUBLISH" }));
    await expectOne("commentAnswer", () => write(api, "EDITOR", "commentAnswer", { id: receipt.id, expectedVersion: moderated.version, adoptionResult: "ADOPTED", reply: "感謝。" }));
    const withholding = await expectOne("withholdingCreate", () =>
      write(api, "EDITOR", "withholdingCreate", { recordId: decision.id, field: "summary", ground: "PROCESS_INFORMATION", article: "第十六條第二款", explanation: "過程性信息。", decidedByBodyId: refs.town, reviewDue: "2027-01-01" }, "id"),
    );
    await expectOne("withholdingRelease", () => write(api, "EDITOR", "withholdingRelease", { id: withholding.id, reason: "已定稿。" }, "id"));
    await expectOne("recordWithdraw", () => write(api, "EDITOR", "recordWithdraw", { id: consultation.id, expectedVersion: consultation.version, reason: "重複錄入。" }, "id"));
    const review = await expectOne("legalityReviewCreate", () => write(api, "LEGAL_REVIEWER", "legalityReviewCreate", { decisionId: decision.id, reviewingBodyId: refs.justiceBureau, submittedOn: "2026-03-01" }));
    await expectOne("legalityReviewUpdate", () => write(api, "LEGAL_REVIEWER", "legalityReviewUpdate", { id: review.id, expectedVersion: review.version, result: "LAWFUL", completedOn: "2026-03-12" }));
    for (const [type, input, change] of [
      ["basisItem", { kind: "LEGAL", position: 1, title: "x" }, { title: "y" }],
      ["expertReview", { reviewerKind: "EXPERT", method: "WRITTEN_OPINION", reviewedOn: "2026-02-01", signed: true }, { conclusion: "y" }],
      ["riskAssessment", { assessedOn: "2026-02-01", overallLevel: "LOW", controllability: "CONTROLLABLE" }, { measures: "y" }],
      ["deliberation", { meeting: "常務會議", heldOn: "2026-05-01", outcome: "ADOPTED" }, { dissent: "y" }],
      ["publication", { documentNumber: "桐政〔2026〕7號", publishedOn: "2026-05-10" }, { fullText: "y" }],
      ["implementationReport", { kind: "PROGRESS", reportedOn: "2026-06-01" }, { content: "y" }],
      ["postEvaluation", { evaluatedOn: "2026-06-01", recommendation: "CONTINUE" }, { findings: "y" }],
      ["attachment", { kind: "OTHER", mediaType: "application/pdf" }, { title: "y" }],
    ] as const) {
      const made = await expectOne(`${type}Create`, () => write(api, "EDITOR", `${type}Create`, { decisionId: decision.id, ...input }));
      await expectOne(`${type}Update`, () => write(api, "EDITOR", `${type}Update`, { id: made.id, expectedVersion: made.version, ...change }));
    }
    const key = await expectOne("apiKeyCreate", () => api.dataAs("ADMIN", `mutation { apiKeyCreate(input: { name: "審計", role: RESEARCHER }) { apiKey { id } } }`));
    await expectOne("apiKeyRevoke", () => api.dataAs("ADMIN", `mutation($id: ID!) { apiKeyRevoke(input: { id: $id }) { apiKey { id } } }`, { id: key.apiKeyCreate.apiKey.id }));

    const [entry] = await api.database.query<{ actor_role: string; actor_key_id: string | null; before: { summary: string }; after: { summary: string } }>(
      "SELECT actor_role, actor_key_id, before, after FROM audit_entries WHERE action = 'decisionUpdate' ORDER BY occurred_at DESC LIMIT 1",
    );
    expect(entry).toMatchObject({ actor_role: "EDITOR", before: { summary: "經由編輯介面建立的決策。" }, after: { summary: "改寫的摘要。" } });
    expect(entry!.actor_key_id).not.toBeNull();
  });

  it("leaves no entry and changes nothing when a mutation is refused", async () => {
    const decision = await newDecision(api, 702);
    const before = await api.fingerprint();
    await refused(api, "EDITOR", "deliberationCreate", { decisionId: decision.id, meeting: "x", heldOn: "2026-05-01", outcome: "ADOPTED" });
    await refused(api, "EDITOR", "decisionUpdate", { id: decision.id, expectedVersion: decision.version + 5, title: "過時的修改" });
    await refused(api, "EDITOR", "basisItemCreate", { decisionId: decision.id, kind: "LEGAL", position: 1, title: "x".repeat(501) });
    expect(await api.fingerprint()).toEqual(before);
  });

  it("refuses the server's role any update or delete of the audit trail, and any deletion of a record", async () => {
    const failure = (statement: string) =>
      api.database.asWriter((db) => db.execute(sql.raw(statement))).then(
        () => "allowed",
        (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message),
      );
    expect(await failure("UPDATE audit_entries SET action = 'forged'")).toMatch(/permission denied/);
    expect(await failure("DELETE FROM audit_entries")).toMatch(/permission denied/);
    expect(await failure("TRUNCATE audit_entries")).toMatch(/permission denied/);
    expect(await failure("UPDATE access_log SET field = 'x'")).toMatch(/permission denied/);
    expect(await failure("DELETE FROM decisions")).toMatch(/permission denied/);
    // And the trail refuses changes even from the tables' owner.
    const owner = await api.database.query("UPDATE audit_entries SET action = 'forged'").then(() => "allowed", (e: Error) => e.message);
    expect(owner).toMatch(/append-only/);
  });
});
