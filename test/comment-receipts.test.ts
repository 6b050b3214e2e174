import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSymbol, parseReceiptNumber, RECEIPT_ALPHABET } from "../src/consultations/receipt-number.js";
import { TestApi } from "./support/api.js";
import { newDecision, references, write } from "./support/fixtures.js";

let now = new Date("2026-03-10T04:00:00Z");

const STATUS = `query($n: String!) { commentReceipt(number: $n) { number moderationState submittedAt rejectionReason
  comment { id text reply adoptionResult withheld { field ground article } } } }`;

describe("comment receipts: a short number, and the status it tells its holder", () => {
  let api: TestApi;
  let consultation: { id: string };
  let refs: Awaited<ReturnType<typeof references>>;
  beforeAll(async () => {
    api = await TestApi.start({ clock: () => now });
    refs = await references(api);
    const decision = await newDecision(api, 931);
    consultation = await write(api, "EDITOR", "consultationCreate", { decisionId: decision.id, method: "ONLINE_COMMENT", opensOn: "2026-03-01", closesOn: "2026-03-31" });
  });
  afterAll(() => api.stop());

  const submit = (text: string, key: string) =>
    write(api, "ANONYMOUS", "commentSubmit", { consultationId: consultation.id, text, stakeholderCategory: "INDIVIDUAL", name: `NAME-${key}`, contact: `CONTACT-${key}`, idempotencyKey: key }, "id number moderationState submittedAt");
  const status = async (number: string) => (await api.as("ANONYMOUS", STATUS, { n: number })).data!.commentReceipt;

  it("gives a grouped 12-symbol number that checks, the same again for a retried submission, and keeps the old id", async () => {
    const receipt = await submit("收據號碼的意見。", "r-1");
    expect(receipt.number).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(parseReceiptNumber(receipt.number)).toBe(receipt.number.replace(/-/g, ""));
    expect(receipt.id).toMatch(/^[\w-]{20,}$/);
    expect((await submit("收據號碼的意見。", "r-1")).number).toBe(receipt.number);
    expect((await submit("另一條意見。", "r-2")).number).not.toBe(receipt.number);
  });

  it("draws numbers in the database that the site's check accepts, distinct, unique by constraint, backfilled for existing rows", async () => {
    const drawn = await api.database.query<{ n: string }>("SELECT new_receipt_number() AS n FROM generate_series(1, 2000)");
    expect(drawn.every(({ n }) => parseReceiptNumber(n) === n)).toBe(true);
    expect(new Set(drawn.map(({ n }) => n)).size).toBe(2000);
    // Every symbol position takes every symbol of the alphabet: no position is fixed by the UUID's version bits.
    for (let i = 0; i < 11; i++) expect(new Set(drawn.map(({ n }) => n[i])).size, `position ${i}`).toBe(RECEIPT_ALPHABET.length);
    const [{ missing, total, distinct } = { missing: -1, total: 0, distinct: -1 }] = await api.database.query<{ missing: number; total: number; distinct: number }>(
      "SELECT count(*) FILTER (WHERE receipt_number IS NULL)::int AS missing, count(*)::int AS total, count(DISTINCT receipt_number)::int AS distinct FROM comments",
    );
    expect(total).toBeGreaterThan(10);
    expect({ missing, distinct }).toEqual({ missing: 0, distinct: total });
    const [taken] = await api.database.query<{ receipt_number: string }>("SELECT receipt_number FROM comments LIMIT 1");
    await expect(api.database.query("UPDATE comments SET receipt_number = $1 WHERE receipt_number <> $1", [taken!.receipt_number])).rejects.toThrow();
    // The mechanism of the backfill (migration 0028): a volatile default draws a number per existing row.
    const backfilled = await api.database.query<{ n: number; d: number }>(
      "WITH t AS MATERIALIZED (SELECT new_receipt_number() AS r FROM generate_series(1, 50)) SELECT count(*)::int AS n, count(DISTINCT r)::int AS d FROM t",
    );
    expect(backfilled[0]).toEqual({ n: 50, d: 50 });
  });

  it("catches every single mistyped symbol and forgives case, spaces, hyphens, O for 0 and I or L for 1", () => {
    const stored = "K7QM4TZ9XP3" + checkSymbol("K7QM4TZ9XP3");
    expect(parseReceiptNumber(stored)).toBe(stored);
    for (let i = 0; i < stored.length; i++) {
      for (const symbol of RECEIPT_ALPHABET) {
        if (symbol === stored[i]) continue;
        expect(parseReceiptNumber(stored.slice(0, i) + symbol + stored.slice(i + 1)), `${i}:${symbol}`).toBeNull();
      }
    }
    const with01 = "10Q" + "M4TZ9XP3";
    const number = with01 + checkSymbol(with01);
    expect(parseReceiptNumber(` ${number.slice(0, 4).toLowerCase().replace("1", "l").replace("0", "o")} ${number.slice(4)} `)).toBe(number);
    for (const bad of ["", "ABC", `${stored}0`, "K7QM-4TZ9-XP3U", "x".repeat(100)]) expect(parseReceiptNumber(bad), bad).toBeNull();
  });

  it("tells PENDING, then PUBLISHED with the answer (a withheld reply as its ground), or REJECTED with the reason, and nothing of the commenter", async () => {
    const kept = await submit("請增設路燈。", "s-1");
    const spam = await submit("廣告。", "s-2");
    expect(await status(kept.number)).toMatchObject({ number: kept.number, moderationState: "PENDING", rejectionReason: null, comment: null });

    const moderated = await write(api, "EDITOR", "commentModerate", { id: kept.id, expectedVersion: 1, decision: "PUBLISH" }, "id version");
    await write(api, "EDITOR", "commentAnswer", { id: kept.id, expectedVersion: moderated.version, adoptionResult: "ADOPTED", reply: "已列入年度計劃。" }, "id");
    expect(await status(kept.number.toLowerCase().replace(/-/g, ""))).toMatchObject({
      moderationState: "PUBLISHED",
      rejectionReason: null,
      comment: { id: kept.id, text: "請增設路燈。", reply: "已列入年度計劃。", adoptionResult: "ADOPTED", withheld: [] },
    });
    await write(api, "EDITOR", "withholdingCreate", { recordId: kept.id, field: "reply", ground: "PROCESS_INFORMATION", article: "第十六條第二款", explanation: "過程性信息。", decidedByBodyId: refs.town, reviewDue: "2027-01-01" }, "id");
    const withheld = await status(kept.number);
    expect(withheld.comment).toMatchObject({ reply: null, adoptionResult: "ADOPTED", withheld: [{ field: "reply", ground: "PROCESS_INFORMATION", article: "第十六條第二款" }] });
    expect(JSON.stringify(withheld)).not.toContain("已列入年度計劃");

    await write(api, "EDITOR", "commentModerate", { id: spam.id, expectedVersion: 1, decision: "REJECT", reason: "含有廣告內容。" }, "id");
    const rejected = await status(spam.number);
    expect(rejected).toEqual({ number: spam.number, moderationState: "REJECTED", submittedAt: spam.submittedAt, rejectionReason: "含有廣告內容。", comment: null });

    // The whole answer, introspected type by type: no field could carry the name or contact.
    const everything = await api.as("ANONYMOUS", `query($n: String!) { commentReceipt(number: $n) { __typename number moderationState submittedAt rejectionReason comment { id text reply commenterName commenterContact rejectionReason } } }`, { n: kept.number });
    expect(everything.raw).not.toMatch(/NAME-s-1|CONTACT-s-1/);
  });

  it("answers null alike for an unknown, a malformed and a mistyped number, and never with an error", async () => {
    const { number } = await submit("只有我知道號碼。", "u-1");
    const unknown = "0000000000" + "0";
    const mistyped = number.slice(0, -1) + (number.endsWith("0") ? "1" : "0");
    for (const n of [unknown + checkSymbol(unknown), "not a number", "", mistyped, "'; SELECT 1 --", "9".repeat(41)]) {
      const response = await api.as("ANONYMOUS", STATUS, { n });
      expect(response.errors, n).toBeUndefined();
      expect(response.data!.commentReceipt, n).toBeNull();
    }
    // A lookup is dear, so that the anonymous budget allows a resident's few and no guessing run.
    const { extensions } = JSON.parse((await api.as("ANONYMOUS", STATUS, { n: number })).raw);
    expect(extensions.cost.requested).toBeGreaterThanOrEqual(1_000);
  });

  it("keeps the number out of everything public: the projection, the comment, the files", async () => {
    const columns = await api.database.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_schema = 'disclosure' AND table_name = 'comments'");
    expect(columns.length).toBeGreaterThan(5);
    expect(columns.map((c) => c.column_name)).not.toContain("receipt_number");
    const { number } = await submit("公開後號碼仍不公開。", "p-1");
    const [row] = await api.database.query<{ id: string }>("SELECT id FROM comments WHERE receipt_number = $1", [number.replace(/-/g, "")]);
    await api.database.query("UPDATE comments SET moderation_state = 'PUBLISHED' WHERE id = $1", [row!.id]);
    const files = await api.get("/open-data/comments.ndjson");
    expect(files.status).toBe(200);
    expect(files.body).toContain("公開後號碼仍不公開");
    expect(files.body).not.toContain(number.replace(/-/g, ""));
  });
});
