import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApi } from "./support/api.js";
import { startOnConsultationDay } from "./support/consultation-day.js";

/** An idempotency key is the submitter's own: scoped to their address, so a shared key never hands out another's receipt or swallows their comment. */
describe("comment idempotency keys are scoped to the client's address", () => {
  let api: TestApi;
  let consultationId: string;
  beforeAll(async () => {
    ({ api } = await startOnConsultationDay());
    const [open] = await api.database.query<{ id: string }>("SELECT id FROM disclosure.consultations WHERE closes_on = (SELECT max(closes_on) FROM disclosure.consultations) ORDER BY id LIMIT 1");
    consultationId = Buffer.from(`Consultation:${open!.id}`).toString("base64url");
  });
  afterAll(() => api.stop());

  const submitFrom = async (remoteAddress: string) => {
    const query = `mutation($input: CommentSubmitInput!) { commentSubmit(input: $input) { receipt { id } userErrors { code } } }`;
    const input = { consultationId, text: "建議在路口增設行人號誌。", stakeholderCategory: "RESIDENT_REPRESENTATIVE", idempotencyKey: "form-1" };
    const response = await api.inject({ method: "POST", headers: { "content-type": "application/json" }, payload: JSON.stringify({ query, variables: { input } }), remoteAddress });
    const payload = JSON.parse(response.body).data.commentSubmit;
    expect(payload.userErrors, response.body).toEqual([]);
    return payload.receipt.id as string;
  };
  const count = async () => Number((await api.database.query<{ n: string }>("SELECT count(*) AS n FROM comments WHERE text = '建議在路口增設行人號誌。'"))[0]!.n);

  it("gives two addresses sending the same key and the same comment two comments, and each address's retry its own receipt", async () => {
    const first = await submitFrom("203.0.113.10");
    expect(await count()).toBe(1);
    expect(await submitFrom("203.0.113.10")).toBe(first);
    expect(await count()).toBe(1);
    const second = await submitFrom("198.51.100.20");
    expect(second).not.toBe(first);
    expect(await count()).toBe(2);
    expect(await submitFrom("198.51.100.20")).toBe(second);
    expect(await submitFrom("203.0.113.10")).toBe(first);
    expect(await count()).toBe(2);
  });
});
