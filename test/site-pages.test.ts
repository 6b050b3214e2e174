import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/global-id.js";
import { TestApi } from "./support/api.js";
import { CANARY, decisionWithWithheldParts, loadCanaryFiles, loadSampleDecisions } from "./support/canary-file.js";
import { type SampleDecision } from "../seeds/sample/sample.types.js";

/** The residents' site as served: every page through Fastify, built from the public API. */
describe("the residents' site, page by page", () => {
  let api: TestApi;
  let ids: { fields: string; parts: string; whole: string };
  let open: { decision: string; consultation: string };
  let closed: { decision: string; consultation: string };
  const html = { accept: "text/html" };

  const get = (path: string, headers: Record<string, string> = {}) => api.get(path, { ...html, ...headers });
  const post = (path: string, fields: Record<string, string>) =>
    api.inject({ method: "POST", url: path, headers: { ...html, "content-type": "application/x-www-form-urlencoded" }, payload: new URLSearchParams(fields).toString() });
  const mainOf = (page: string) => page.slice(page.indexOf("<main"), page.indexOf("</main>"));

  beforeAll(async () => {
    const probe = await TestApi.start();
    const [latest] = await probe.database.query<{ day: string }>("SELECT max(closes_on)::text AS day FROM disclosure.consultations");
    await probe.stop();
    // The server's day: the last day of the latest consultation, which therefore takes comments.
    api = await TestApi.start({ clock: () => new Date(`${latest!.day}T04:00:00Z`) });
    ids = await loadCanaryFiles(api.database);
    const pick = async (sql: string) => {
      const [row] = await api.database.query<{ decision: string; consultation: string }>(sql, [latest!.day]);
      return { decision: toGlobalId("Decision", row!.decision), consultation: toGlobalId("Consultation", row!.consultation) };
    };
    open = await pick("SELECT decision_id AS decision, id AS consultation FROM disclosure.consultations WHERE opens_on <= $1 AND closes_on >= $1 ORDER BY id LIMIT 1");
    closed = await pick("SELECT decision_id AS decision, id AS consultation FROM disclosure.consultations WHERE closes_on < $1 AND decision_id NOT IN (SELECT decision_id FROM disclosure.consultations WHERE closes_on >= $1) ORDER BY id LIMIT 1");
  });
  afterAll(() => api.stop());

  it("serves the home page with every filter labelled and the decisions counted", async () => {
    const page = await get("/");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    const { decisions } = await api.data(`{ decisions { totalCount } }`);
    expect(page.body).toContain(`共 ${decisions.totalCount} 項決策`);
    for (const control of ["q", "region", "year", "body", "category", "stage", "open"]) expect(page.body).toMatch(new RegExp(`<label for="${control}">`));
  });

  it("narrows the list by the filters in the query string, counted as the API counts them", async () => {
    const { regions } = await api.data(`{ regions(level: TOWN) { id name } }`);
    const town = regions[0];
    const { decisions } = await api.data(`query($r: ID!) { decisions(filter: { regionId: $r, catalogYear: 2025 }) { totalCount nodes { title } } }`, { r: town.id });
    const page = await get(`/?region=${encodeURIComponent(town.id)}&year=2025`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`共 ${decisions.totalCount} 項決策`);
    // The filters stay chosen in the form, so a reload or a shared link shows the same list.
    expect(page.body).toContain(`<option value="${town.id}" selected>`);
    expect(page.body).toContain(`<option value="2025" selected>`);
  });

  it("answers bad input in the address with a friendly message, never an error trace", async () => {
    for (const [query, message] of [
      ["year=20x5", "年度須為四位數字"],
      ["category=NOPE", "沒有這種決策類別"],
      ["region=not-an-id", "找不到所選的地區"],
      ["body=UmVnaW9uOnh4", "找不到所選的機關"],
      ["after=garbage", "翻頁連結已失效"],
      [`q=${"長".repeat(201)}`, "搜尋文字最多 200 個字"],
    ] as const) {
      const page = await get(`/?${query}`);
      expect(page.status, query).toBe(400);
      expect(page.body, query).toContain(message);
      expect(page.body, query).not.toMatch(/at .+\.ts:\d+|[Ss]tack|SELECT |BAD_USER_INPUT|filter\./);
    }
    // A parameter given twice counts once, as first given.
    const twice = await get("/?year=2024&year=oops&q=%E8%A6%8F%E5%8A%83&q=x");
    expect(twice.status).toBe(200);
    expect(twice.body).toContain('<option value="2024" selected>');
    expect(twice.body).toContain('value="規劃"');
  });

  it("takes a form post of another shape (JSON of numbers and objects) as a form missing its fields", async () => {
    const before = await api.fingerprint();
    const answer = await api.inject({ method: "POST", url: `/decisions/${open.decision}/comments`, headers: { ...html, "content-type": "application/json" }, payload: JSON.stringify({ consultationId: open.consultation, stakeholderCategory: 7, text: { a: 1 } }) });
    expect(answer.status).toBe(422);
    expect(answer.body).toContain("請填寫意見內容。");
    expect(await api.fingerprint()).toEqual(before);
  });

  it("shows a decision with its summary first, its timeline and every section of its file", async () => {
    const { decisions } = await api.data(`{ decisions(first: 1, filter: { stage: [POST_EVALUATION] }) { nodes { id title summary } } }`);
    const decision = decisions.nodes[0];
    const page = mainOf((await get(`/decisions/${decision.id}`)).body);
    expect(page.indexOf(decision.title)).toBeLessThan(page.indexOf("決策摘要"));
    expect(page.indexOf("決策摘要")).toBeLessThan(page.indexOf("決策程序"));
    for (const stage of ["決策啟動", "公眾參與", "專家論證", "風險評估", "合法性審查", "集體討論決定", "決策公佈", "決策執行", "決策後評估"]) expect(page).toContain(stage);
    expect(page).toContain('aria-current="step"');
    expect(page).toContain("程序是否合規");
  });

  it("says on the page what is withheld, with the legal ground and article, and shows no withheld value", async () => {
    for (const id of [ids.fields, ids.parts]) {
      const page = await get(`/decisions/${toGlobalId("Decision", id)}`);
      expect(page.status).toBe(200);
      expect(page.body).not.toContain(CANARY);
      expect(page.body).toContain("依法不予公開");
      expect(page.body).toContain("《中華人民共和國政府信息公開條例》第十五條");
      expect(page.body).toContain("商業秘密");
    }
    const fields = (await get(`/decisions/${toGlobalId("Decision", ids.fields)}`)).body;
    for (const label of ["標題", "摘要", "預算金額", "意見內容", "答覆", "防範化解措施", "決策全文"]) expect(fields).toContain(`<strong>${label}依法不予公開。</strong>`);
    const parts = (await get(`/decisions/${toGlobalId("Decision", ids.parts)}`)).body;
    for (const kind of ["決策依據", "公眾參與", "專家論證", "風險評估"]) expect(parts).toContain(`<strong>部分${kind}記錄依法不予公開。</strong>`);
  });

  it("finds no withheld value by search, and answers a withheld or unknown decision with the 404 page", async () => {
    const results = await get(`/?q=${CANARY}`);
    expect(results.body).toContain("共 0 項決策");
    // The query itself is echoed (the search box, the script switch's way back); no canary value is.
    expect(results.body).not.toContain(`${CANARY}-`);
    for (const path of [`/decisions/${toGlobalId("Decision", ids.whole)}`, "/decisions/not-an-id", `/decisions/${toGlobalId("Decision", "00000000-0000-4000-8000-000000000000")}`, "/no-such-page"]) {
      const page = await get(path);
      expect(page.status, path).toBe(404);
      expect(page.body, path).toContain("找不到這個頁面");
      expect(page.body, path).not.toContain(CANARY);
    }
    // Programs asking for JSON get JSON.
    const json = await api.get("/no-such-page");
    expect(json.status).toBe(404);
    expect(JSON.parse(json.body).error.code).toBe("NOT_FOUND");
  });

  it("takes a comment through the form, stores it awaiting moderation, and publishes no personal data", async () => {
    const before = await get(`/decisions/${open.decision}`);
    expect(before.body).toContain(`id="comment-form-${open.consultation}"`);
    expect(before.body).toContain("您的姓名和聯絡方式不會公開");
    const name = "PRIVATE-NAME-7f3a";
    const contact = "private-contact-7f3a@example.cn";
    const answer = await post(`/decisions/${open.decision}/comments`, { consultationId: open.consultation, stakeholderCategory: "INDIVIDUAL", text: "建議延長開放時間。", name, contact, idempotencyKey: "form-1" });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("正在等待審核");
    const stored = await api.database.query<{ moderation_state: string; commenter_name: string; commenter_contact: string }>("SELECT moderation_state, commenter_name, commenter_contact FROM comments WHERE commenter_name = $1", [name]);
    expect(stored).toEqual([{ moderation_state: "PENDING", commenter_name: name, commenter_contact: contact }]);
    // The same form sent again (a double click) makes no second comment.
    await post(`/decisions/${open.decision}/comments`, { consultationId: open.consultation, stakeholderCategory: "INDIVIDUAL", text: "建議延長開放時間。", name, contact, idempotencyKey: "form-1" });
    expect(await api.database.query("SELECT 1 FROM comments WHERE commenter_name = $1", [name])).toHaveLength(1);
    for (const path of [`/decisions/${open.decision}`, "/", `/?q=${encodeURIComponent("延長開放時間")}`, "/open-data"]) {
      const page = (await get(path)).body;
      expect(page, path).not.toContain(name);
      expect(page, path).not.toContain(contact);
    }
  });

  it("refuses an incomplete comment with a message beside each field, and stores nothing", async () => {
    const before = await api.fingerprint();
    const answer = await post(`/decisions/${open.decision}/comments`, { consultationId: open.consultation, stakeholderCategory: "NOBODY", text: "   ", name: "x".repeat(101) });
    expect(answer.status).toBe(422);
    expect(answer.body).toContain(`<p class="field-error" id="stakeholderCategory-${open.consultation}-error">請選擇您的身份類別。</p>`);
    expect(answer.body).toContain(`<p class="field-error" id="text-${open.consultation}-error">請填寫意見內容。</p>`);
    expect(answer.body).toContain(`<p class="field-error" id="name-${open.consultation}-error">姓名最多 100 個字。</p>`);
    expect(answer.body).toContain(`value="${"x".repeat(101)}"`);
    expect(await api.fingerprint()).toEqual(before);
  });

  it("shows a closed consultation's dates and no form, and refuses a comment sent to it anyway", async () => {
    const page = (await get(`/decisions/${closed.decision}`)).body;
    expect(page).toContain("結束徵求意見");
    expect(page).not.toContain("comment-form-");
    const before = await api.fingerprint();
    const answer = await post(`/decisions/${closed.decision}/comments`, { consultationId: closed.consultation, stakeholderCategory: "INDIVIDUAL", text: "太遲了嗎？" });
    expect(answer.status).toBe(422);
    expect(answer.body).toContain("這次徵求意見已經結束或尚未開始");
    expect(await api.fingerprint()).toEqual(before);
  });

  it("switches the whole page to Simplified, remembers it, and returns only to this site", async () => {
    const switched = await get("/script?to=hans&back=%2Fopen-data");
    expect(switched.status).toBe(303);
    expect(switched.headers.location).toBe("/open-data");
    const cookie = String(switched.headers["set-cookie"]).split(";")[0]!;
    expect(cookie).toBe("script=hans");
    const simplified = (await get("/open-data", { cookie })).body;
    expect(simplified).toContain('<html lang="zh-Hans">');
    expect(simplified).toContain("开放数据");
    expect(simplified).not.toContain("開放數據");
    expect(simplified).toContain(">繁體中文</a>");
    const traditional = (await get("/open-data")).body;
    expect(traditional).toContain("開放數據");
    expect(traditional).toContain(">简体中文</a>");
    for (const back of ["//evil.example/x", "https://evil.example/", "/\\evil.example"]) {
      expect((await get(`/script?to=hans&back=${encodeURIComponent(back)}`)).headers.location, back).toBe("/");
    }
  });

  it("shows the first comments on the decision page and every published comment, page by page, on the consultation's own", async () => {
    // A consultation with 61 published comments, loaded through the seeds' writer (the product's).
    const template = decisionWithWithheldParts();
    const busy: SampleDecision = {
      ...template,
      catalogNumber: 950,
      title: "意見很多的決策",
      summary: "一次收到很多意見的徵求意見。",
      withheld: undefined,
      publication: { ...template.publication!, fullText: "全文。", adoptionExplanation: "說明。", withheld: undefined },
      basis: [],
      expertReviews: [],
      riskAssessments: [],
      legalityReviews: [],
      deliberations: [],
      implementationReports: [],
      postEvaluations: [],
      attachments: [],
      consultations: [{ method: "ONLINE_COMMENT", opensOn: "2024-02-01", closesOn: "2024-03-15", comments: Array.from({ length: 61 }, (_, i) => ({
        stakeholderCategory: "INDIVIDUAL" as const, text: `第${i + 1}條意見。`, moderationState: "PUBLISHED" as const, submittedAt: `2024-02-${String(2 + (i % 20)).padStart(2, "0")}T08:00:00.000Z`,
      })) }],
    };
    const [decisionId] = await loadSampleDecisions(api.database, [busy]);
    const [consultation] = await api.database.query<{ id: string }>("SELECT id FROM consultations WHERE decision_id = $1", [decisionId]);
    const consultationId = toGlobalId("Consultation", consultation!.id);
    const decisionPage = (await get(`/decisions/${toGlobalId("Decision", decisionId!)}`)).body;
    expect(decisionPage).toContain("61 條已公開，以下為前 30 條");
    expect(decisionPage.match(/class="comment"/g)).toHaveLength(30);
    expect(decisionPage).toContain(`href="/consultations/${consultationId}/comments">查看全部 61 條意見</a>`);
    const first = (await get(`/consultations/${consultationId}/comments`)).body;
    expect(first).toContain("共 61 條已公開的意見");
    expect(first.match(/class="comment"/g)).toHaveLength(50);
    const next = /href="(\/consultations\/[^"]+\?after=[^"]+)"/.exec(first)![1]!.replaceAll("&amp;", "&");
    const second = (await get(next)).body;
    expect(second.match(/class="comment"/g)).toHaveLength(11);
    expect(second).not.toContain('rel="next"');
    const texts = [...(first + second).matchAll(/<p>(第\d+條意見。)<\/p>/g)].map((m) => m[1]).sort();
    expect(new Set(texts).size).toBe(61);
    // Not a consultation, or none the public may see: the 404 page.
    for (const path of [`/consultations/${toGlobalId("Decision", decisionId!)}/comments`, "/consultations/nonsense/comments", `/consultations/${consultationId}/comments?after=bad`]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it("lists every dataset with its files, the dictionary, the licence and the GraphQL endpoint", async () => {
    const page = (await get("/open-data")).body;
    const dictionary = JSON.parse((await api.get("/open-data/dictionary.json")).body);
    for (const dataset of dictionary.datasets) {
      expect(page).toContain(`href="${dataset.files.csv}"`);
      expect(page).toContain(`href="${dataset.files.ndjson}"`);
    }
    expect(page).toContain('rel="license"');
    expect(page).toContain('href="/open-data/dictionary.json"');
    expect(page).toContain("/graphql");
    expect(page).toContain('href="/explorer"');
  });

  it("runs a query from the explorer as the public, without script", async () => {
    const form = (await get("/explorer")).body;
    expect(form).toContain('<form method="post" action="/explorer">');
    const answer = await post("/explorer", { query: `query($id: ID!) { decision(id: $id) { title budgetYuan withheld { field } } }`, variables: JSON.stringify({ id: toGlobalId("Decision", ids.fields) }) });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("&quot;budgetYuan&quot;: null");
    expect(answer.body).not.toContain(CANARY);
    const bad = await post("/explorer", { query: "{ decisions { totalCount } }", variables: "{not json" });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain("變量不是有效的 JSON");
  });

  it("keeps every page under 100 KB with nothing loaded from elsewhere", async () => {
    const { decisions } = await api.data(`{ decisions(first: 1, filter: { stage: [POST_EVALUATION] }) { nodes { id } } }`);
    for (const path of ["/", "/?year=2025", `/decisions/${decisions.nodes[0].id}`, `/decisions/${open.decision}`, `/decisions/${toGlobalId("Decision", ids.fields)}`, "/open-data", "/explorer", "/no-such-page"]) {
      const page = await get(path);
      expect(Buffer.byteLength(page.body), path).toBeLessThan(100 * 1024);
      expect(page.body, path).not.toMatch(/<script\b|<link\b|@import|url\(|@font-face/i);
      expect(page.headers["content-security-policy"], path).toContain("default-src 'none'");
    }
  });
});
