import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestApi } from "./support/api.js";
import { inputType, newDecision, references, refused, write } from "./support/fixtures.js";

let now = new Date("2026-03-10T04:00:00Z");

describe("bad write input gets a clear error and changes nothing, never a 500", () => {
  let api: TestApi;
  let consultation: { id: string; version: number };
  beforeAll(async () => {
    api = await TestApi.start({ clock: () => now });
    const decision = await newDecision(api, 1001);
    consultation = await write(api, "EDITOR", "consultationCreate", { decisionId: decision.id, method: "ONLINE_COMMENT", opensOn: "2026-03-01", closesOn: "2026-03-31" });
  });
  afterAll(() => api.stop());

  const attempt = (role: Parameters<TestApi["as"]>[0], mutation: string, input: Record<string, unknown>) =>
    api.as(role, `mutation($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { userErrors { code field } } }`, { input });

  it("refuses NUL characters, year 0 and numbers the columns cannot hold, as the client's error", async () => {
    const decision = await newDecision(api, 1002);
    const before = await api.fingerprint();
    const cases: [Parameters<TestApi["as"]>[0], string, Record<string, unknown>][] = [
      ["ANONYMOUS", "commentSubmit", { consultationId: consultation.id, text: "a\u0000b", stakeholderCategory: "INDIVIDUAL" }],
      ["EDITOR", "decisionUpdate", { id: decision.id, expectedVersion: 1, title: "a\u0000b" }],
      ["EDITOR", "consultationCreate", { decisionId: decision.id, method: "SYMPOSIUM", opensOn: "0000-01-01", closesOn: "2026-01-01" }],
      ["EDITOR", "consultationCreate", { decisionId: decision.id, method: "SYMPOSIUM", opensOn: "2026-01-01", closesOn: "2026-01-01", participantCount: 3_000_000_000 }],
      ["EDITOR", "attachmentCreate", { decisionId: decision.id, kind: "OTHER", mediaType: "text/html", url: "javascript:alert(1)" }],
      ["ADMIN", "apiKeyCreate", { name: "a\u0000b", role: "RESEARCHER" }],
    ];
    for (const [role, mutation, input] of cases) {
      const response = await attempt(role, mutation, input);
      expect(response.status, `${mutation}: ${response.raw}`).toBeLessThan(500);
      const code = response.errors?.[0]?.extensions?.code ?? response.data?.[mutation]?.userErrors?.[0]?.code;
      expect(["BAD_USER_INPUT", "INVALID_INPUT"], `${mutation}: ${response.raw}`).toContain(code);
    }
    expect(await api.fingerprint()).toEqual(before);
  });

  it("answers a withdrawal of what cannot be withdrawn: UNAUTHENTICATED for the public, a user error for editors", async () => {
    const { regions } = await api.data(`{ regions { id } }`);
    const input = { id: regions[0].id, expectedVersion: 1, reason: "x" };
    expect((await attempt("ANONYMOUS", "recordWithdraw", input)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await refused(api, "EDITOR", "recordWithdraw", input))[0]!.code).toBe("INVALID_INPUT");
  });

  it("treats an empty idempotency key as none, and racing retries with one key create one comment", async () => {
    const first = await write(api, "ANONYMOUS", "commentSubmit", { consultationId: consultation.id, text: "空鍵一", stakeholderCategory: "INDIVIDUAL", idempotencyKey: "" }, "id");
    const second = await write(api, "ANONYMOUS", "commentSubmit", { consultationId: consultation.id, text: "空鍵二", stakeholderCategory: "INDIVIDUAL", idempotencyKey: "" }, "id");
    expect(second.id).not.toBe(first.id);
    const retries = await Promise.all(
      Array.from({ length: 8 }, () => write(api, "ANONYMOUS", "commentSubmit", { consultationId: consultation.id, text: "併發重試", stakeholderCategory: "INDIVIDUAL", idempotencyKey: "race" }, "id")),
    );
    expect(new Set(retries.map((r) => r.id)).size).toBe(1);
    const [{ n } = { n: 0 }] = await api.database.query<{ n: number }>("SELECT count(*)::int AS n FROM comments WHERE text = '併發重試'");
    expect(n).toBe(1);
  });

  it("takes a withdrawn consultation's comments out of the public record with it", async () => {
    const refs = await references(api);
    expect(refs.town).toBeTruthy();
    const receipt = await write(api, "ANONYMOUS", "commentSubmit", { consultationId: consultation.id, text: "將隨諮詢撤回的意見", stakeholderCategory: "INDIVIDUAL" }, "id");
    await write(api, "EDITOR", "commentModerate", { id: receipt.id, expectedVersion: 1, decision: "PUBLISH" });
    const read = () => api.data(`query($id: ID!) { node(id: $id) { id } }`, { id: receipt.id });
    expect((await read()).node).toEqual({ id: receipt.id });
    await write(api, "EDITOR", "recordWithdraw", { id: consultation.id, expectedVersion: consultation.version, reason: "錄入錯誤。" }, "id");
    expect((await read()).node).toBeNull();
    const { body } = await api.get("/open-data/comments.csv");
    expect(body).not.toContain("將隨諮詢撤回的意見");
  });
});
