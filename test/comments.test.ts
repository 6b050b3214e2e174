import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestApi } from "./support/api.js";
import { newDecision, refused, write } from "./support/fixtures.js";

/** The server's clock, moved by the tests: no sleeping. */
let now = new Date("2026-03-01T04:00:00Z");
const at = (iso: string) => (now = new Date(iso));

describe("public comments", () => {
  let api: TestApi;
  let consultation: { id: string };
  beforeAll(async () => {
    api = await TestApi.start({ clock: () => now, commentLimits: { limit: 3, windowMs: 60_000 } });
    const decision = await newDecision(api, 801);
    // 2026-03-01 to 2026-03-31 in China Standard Time (UTC+8).
    consultation = await write(api, "EDITOR", "consultationCreate", { decisionId: decision.id, method: "ONLINE_COMMENT", opensOn: "2026-03-01", closesOn: "2026-03-31" });
  });
  afterAll(() => api.stop());

  const submit = (extra: Record<string, unknown> = {}) => ({ consultationId: consultation.id, text: "建議延長公交線路。", stakeholderCategory: "RESIDENT_REPRESENTATIVE", ...extra });
  const published = async () => {
    const { node } = await api.data(`query($id: ID!) { node(id: $id) { ... on Consultation { comments(first: 100) { totalCount nodes { id text reply adoptionResult commenterName commenterContact moderationState } } } } }`, { id: consultation.id });
    return node.comments;
  };

  it("takes comments from the first to the last day of the period, in local time, and says the dates otherwise", async () => {
    at("2026-02-28T15:59:59Z"); // 23:59:59 on 28 February in Beijing
    const early = await refused(api, "ANONYMOUS", "commentSubmit", submit());
    expect(early[0]).toMatchObject({ code: "COMMENT_PERIOD_CLOSED", message: expect.stringContaining("2026-03-01 to 2026-03-31") });
    at("2026-02-28T16:00:00Z"); // 00:00 on 1 March in Beijing
    await write(api, "ANONYMOUS", "commentSubmit", submit({ idempotencyKey: "first-day" }), "id moderationState");
    at("2026-03-31T15:59:59Z");
    await write(api, "ANONYMOUS", "commentSubmit", submit({ idempotencyKey: "last-day" }), "id");
    at("2026-03-31T16:00:00Z");
    expect((await refused(api, "ANONYMOUS", "commentSubmit", submit()))[0]!.code).toBe("COMMENT_PERIOD_CLOSED");
  });

  it("checks the text and refuses an unknown or non-public consultation", async () => {
    at("2026-03-10T04:00:00Z");
    expect((await refused(api, "ANONYMOUS", "commentSubmit", submit({ text: "  " })))[0]!.field).toEqual(["input", "text"]);
    expect((await refused(api, "ANONYMOUS", "commentSubmit", submit({ text: "長".repeat(5001) })))[0]!.field).toEqual(["input", "text"]);
    expect((await refused(api, "ANONYMOUS", "commentSubmit", submit({ consultationId: "bm90LWFuLWlk" })))[0]!.code).toBe("INVALID_INPUT");
    const [hidden] = await api.database.query<{ id: string }>(
      "SELECT c.id FROM consultations c JOIN withholdings w ON w.record_id = c.decision_id AND w.field IS NULL LIMIT 1",
    );
    if (hidden) expect((await refused(api, "ANONYMOUS", "commentSubmit", submit({ consultationId: Buffer.from(`Consultation:${hidden.id}`).toString("base64url") })))[0]!.code).toBe("NOT_FOUND");
  });

  it("creates one comment for a retried submission with the same idempotency key", async () => {
    at("2026-03-10T05:00:00Z");
    const first = await write(api, "ANONYMOUS", "commentSubmit", submit({ idempotencyKey: "retry-1", text: "重試的意見" }), "id");
    const again = await write(api, "ANONYMOUS", "commentSubmit", submit({ idempotencyKey: "retry-1", text: "重試的意見" }), "id");
    expect(again.id).toBe(first.id);
    const [{ n } = { n: 0 }] = await api.database.query<{ n: number }>("SELECT count(*)::int AS n FROM comments WHERE text = '重試的意見'");
    expect(n).toBe(1);
  });

  it("refuses a key already used for a different comment, instead of answering with the first receipt", async () => {
    at("2026-03-10T06:00:00Z");
    await write(api, "ANONYMOUS", "commentSubmit", submit({ idempotencyKey: "retry-2", text: "第一條意見" }), "id");
    const before = await api.fingerprint();
    const errors = await refused(api, "ANONYMOUS", "commentSubmit", submit({ idempotencyKey: "retry-2", text: "另一條意見" }));
    expect(errors).toEqual([expect.objectContaining({ code: "CONFLICT", field: ["input", "idempotencyKey"] })]);
    expect(await api.fingerprint()).toEqual(before);
  });

  it("throttles submissions per client address", async () => {
    at("2026-03-11T04:00:00Z");
    for (let i = 0; i < 3; i++) await write(api, "ANONYMOUS", "commentSubmit", submit({ text: `第${i}條` }), "id");
    const over = await api.inject({ method: "POST", headers: { "content-type": "application/json" }, payload: { query: `mutation($input: CommentSubmitInput!) { commentSubmit(input: $input) { receipt { id } } }`, variables: { input: submit({ text: "第四條" }) } } });
    // Answered like every other limit: HTTP 429, RATE_LIMITED, Retry-After (the window's end, 04:01:00).
    expect(over.status).toBe(429);
    expect(over.headers["retry-after"]).toBe("60");
    expect(JSON.parse(over.body).errors).toEqual([expect.objectContaining({ extensions: { code: "RATE_LIMITED" } })]);
    at("2026-03-11T04:01:01Z");
    await write(api, "ANONYMOUS", "commentSubmit", submit({ text: "一分鐘後" }), "id");
  });

  it("publishes only what an editor approves, keeps rejected ones out with a reason, and never publishes personal data", async () => {
    at("2026-03-12T04:00:00Z");
    const name = "王大明-CANARY-NAME";
    const contact = "13900000000-CANARY-CONTACT";
    const kept = await write(api, "ANONYMOUS", "commentSubmit", submit({ text: "請公開預算明細。", name, contact }), "id moderationState");
    expect(kept.moderationState).toBe("PENDING");
    const spam = await write(api, "ANONYMOUS", "commentSubmit", submit({ text: "廣告：低價出售。", name, contact }), "id");
    expect((await published()).nodes.map((c: any) => c.id)).not.toContain(kept.id);

    const moderated = await write(api, "EDITOR", "commentModerate", { id: kept.id, expectedVersion: 1, decision: "PUBLISH" }, "id version moderationState");
    expect((await refused(api, "EDITOR", "commentModerate", { id: spam.id, expectedVersion: 1, decision: "REJECT" }))[0]!.field).toEqual(["input", "reason"]);
    await write(api, "EDITOR", "commentModerate", { id: spam.id, expectedVersion: 1, decision: "REJECT", reason: "廣告內容。" }, "id");
    expect((await refused(api, "EDITOR", "commentAnswer", { id: kept.id, expectedVersion: moderated.version, adoptionResult: "ADOPTED" }))[0]!.field).toEqual(["input", "reply"]);
    await write(api, "EDITOR", "commentAnswer", { id: kept.id, expectedVersion: moderated.version, adoptionResult: "PARTIALLY_ADOPTED", reply: "預算明細將隨決策公布。" }, "id");

    const comments = await published();
    const shown = comments.nodes.find((c: any) => c.id === kept.id);
    expect(shown).toMatchObject({ text: "請公開預算明細。", adoptionResult: "PARTIALLY_ADOPTED", reply: "預算明細將隨決策公布。", commenterName: null, commenterContact: null, moderationState: "PUBLISHED" });
    expect(comments.nodes.map((c: any) => c.id)).not.toContain(spam.id);
    expect(comments.totalCount).toBe(comments.nodes.length);

    // Through every public path, including the receipt's id: no name, no contact, no rejected text.
    const paths = [
      await api.anonymous(`query($id: ID!) { node(id: $id) { id ... on Comment { text commenterName commenterContact rejectionReason } } }`, { id: kept.id }),
      await api.anonymous(`query($id: ID!) { node(id: $id) { id } }`, { id: spam.id }),
      await api.as("RESEARCHER", `query($id: ID!) { node(id: $id) { ... on Consultation { comments(first: 100) { nodes { text commenterName commenterContact } } } } }`, { id: consultation.id }),
      await api.anonymous(`{ decisions(first: 100, filter: { catalogYear: 2026 }) { nodes { consultations { nodes { comments(first: 100) { nodes { text commenterName commenterContact } } } } } } }`),
    ];
    for (const response of paths) {
      expect(response.raw).not.toContain("CANARY");
      expect(response.raw).not.toContain("廣告");
    }
    expect(paths[1]!.data).toEqual({ node: null });
    // Staff see who wrote it, to follow up.
    const staff = await api.dataAs("EDITOR", `query($id: ID!) { node(id: $id) { ... on Comment { commenterName commenterContact moderationState } } }`, { id: spam.id });
    expect(staff.node).toEqual({ commenterName: name, commenterContact: contact, moderationState: "REJECTED" });
  });
});
