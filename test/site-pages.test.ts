import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/global-id.js";
import * as OpenCC from "opencc-js";
import { TestApi } from "./support/api.js";
import { startOnConsultationDay } from "./support/consultation-day.js";
import { CANARY, decisionWithWithheldParts, loadCanaryFiles, loadSampleDecisions } from "./support/canary-file.js";
import { type SampleDecision } from "../seeds/sample/sample.types.js";

/** The residents' site as served: every page through Fastify, built from the public API. */
describe("the residents' site, page by page", () => {
  let api: TestApi;
  let ids: { fields: string; parts: string; whole: string };
  let open: { decision: string; consultation: string };
  let closed: { decision: string; consultation: string };
  let openDay: string;
  const html = { accept: "text/html" };

  const get = (path: string, headers: Record<string, string> = {}) => api.get(path, { ...html, ...headers });
  const post = (path: string, fields: Record<string, string>) =>
    api.inject({ method: "POST", url: path, headers: { ...html, "content-type": "application/x-www-form-urlencoded" }, payload: new URLSearchParams(fields).toString() });
  const mainOf = (page: string) => page.slice(page.indexOf("<main"), page.indexOf("</main>"));

  beforeAll(async () => {
    ({ api, day: openDay } = await startOnConsultationDay());
    ids = await loadCanaryFiles(api.database);
    const pick = async (sql: string) => {
      const [row] = await api.database.query<{ decision: string; consultation: string }>(sql, [openDay]);
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

  it("opens a decision page with its contents, linking every section, and links each step of the timeline to its section", async () => {
    const page = mainOf((await get(`/decisions/${open.decision}`)).body);
    const toc = /<nav class="toc" aria-label="本頁目錄">([\s\S]*?)<\/nav>/.exec(page)![1]!;
    expect(page.indexOf("本頁目錄")).toBeLessThan(page.indexOf('<h2 id="summary">'));
    const targets = [...toc.matchAll(/<a href="#([\w-]+)">([^<]+)<\/a>/g)].map(([, id, text]) => [id!, text!]);
    expect(targets.map(([, text]) => text)).toEqual(["決策摘要", "決策程序", "決策依據", "公眾參與", "村級協商", "專家論證", "風險評估", "合法性審查", "集體討論決定", "決策公佈", "執行情況", "決策後評估", "附件", "程序是否合規"]);
    for (const [id, text] of targets) expect(page, id).toContain(`<h2 id="${id}">${text}</h2>`);
    const timeline = /<ol class="timeline">([\s\S]*?)<\/ol><\/section>/.exec(page)![1]!;
    const steps = [...timeline.matchAll(/<li class="\w+"[^>]*><a href="#([\w-]+)">([^<]+)<\/a>/g)].map(([, id, text]) => `${text}→${id}`);
    expect(steps).toEqual(["決策啟動→summary", "公眾參與→participation", "專家論證→experts", "風險評估→risk", "合法性審查→legality", "集體討論決定→deliberation", "決策公佈→publication", "決策執行→implementation", "決策後評估→evaluation"]);
  });

  it("folds the filters behind one control, open only when one of them is refused", async () => {
    const plain = (await get("/?year=2025&stage=POST_EVALUATION")).body;
    expect(plain).toMatch(/<details class="fold"><summary>篩選條件（已選 2 項）<\/summary>[\s\S]*<label for="year">[\s\S]*<\/details>/);
    expect(plain.indexOf('<label for="q">')).toBeLessThan(plain.indexOf("<details"));
    const refused = (await get("/?year=20x5")).body;
    expect(refused).toContain('<details class="fold" open><summary>篩選條件（已選 1 項）</summary>');
    // The problem links to the control it concerns.
    expect(refused).toContain('<li><a href="#year">年度須為四位數字，例如 2024。</a></li>');
  });

  it("sorts the list in every order the API offers, either way, and refuses an order it does not know", async () => {
    for (const [sort, field, direction] of [["title-asc", "TITLE", "ASC"], ["initiated-desc", "INITIATED_ON", "DESC"], ["activity-desc", "LAST_ACTIVITY_AT", "DESC"], ["updated-asc", "UPDATED_AT", "ASC"], ["catalog-asc", "CATALOG", "ASC"]]) {
      const { decisions } = await api.data(`query($o: DecisionOrder) { decisions(first: 20, orderBy: $o) { nodes { id } } }`, { o: { field, direction } });
      const page = (await get(`/?sort=${sort}`)).body;
      expect(page, sort).toContain(`<option value="${sort}" selected>`);
      const shown = [...page.matchAll(/<h3><a href="\/decisions\/([^"]+)">/g)].map(([, id]) => decodeURIComponent(id!));
      expect(shown, sort).toEqual(decisions.nodes.map((d: { id: string }) => d.id));
      // The next page keeps the order.
      expect(page, sort).toMatch(new RegExp(`href="/\\?sort=${sort}&amp;after=[^"]+&amp;start=21" rel="next"`));
    }
    const refused = await get("/?sort=budget-desc");
    expect(refused.status).toBe(400);
    expect(refused.body).toContain("沒有這種排序方式。");
  });

  it("says which items of the list a page shows, on every page to the last, and for no results", async () => {
    const { decisions } = await api.data(`{ decisions { totalCount } }`);
    const total: number = decisions.totalCount;
    expect(total).toBeGreaterThan(40);
    const ranges: string[] = [];
    let path: string | null = "/";
    while (path) {
      const page: string = (await get(path)).body;
      ranges.push(/<p class="meta" id="results-range">([^<]+)<\/p>/.exec(page)![1]!);
      const next: string | undefined = /<a href="([^"]+)" rel="next">/.exec(page)?.[1];
      path = next ? next.replaceAll("&amp;", "&") : null;
    }
    const pages = Math.ceil(total / 20);
    expect(ranges).toEqual(Array.from({ length: pages }, (_, i) => `第 ${i * 20 + 1}–${Math.min(total, i * 20 + 20)} 項，共 ${total} 項`.replace(/第 (\d+)–\1 項/, "第 $1 項")));
    // Back from the second page is the first again; an address edited by hand stays within the list.
    const second = (await get("/")).body;
    const forward = /<a href="([^"]+)" rel="next">/.exec(second)![1]!.replaceAll("&amp;", "&");
    const back = /<a href="([^"]+)" rel="prev">/.exec((await get(forward)).body)![1]!.replaceAll("&amp;", "&");
    expect(/id="results-range">([^<]+)</.exec((await get(back)).body)![1]).toBe(`第 1–20 項，共 ${total} 項`);
    expect(/id="results-range">([^<]+)</.exec((await get(forward.replace("start=21", "start=99999"))).body)![1]).toBe(`第 ${total - 19}–${total} 項，共 ${total} 項`);
    expect(/id="results-range">([^<]+)</.exec((await get(forward.replace("start=21", ""))).body)![1]).toBe(`本頁 20 項，共 ${total} 項`);
    expect((await get(forward.replace("start=21", "start=x"))).status).toBe(400);
    const none = (await get(`/?q=${encodeURIComponent("沒有這樣的決策標題")}`)).body;
    expect(none).toContain('<p class="meta" id="results-range">共 0 項</p>');
  });

  it("shows which body met, a village meeting's attendance and votes, and how a suspension and a change were decided", async () => {
    const pageOf = async (title: string) => {
      const [row] = await api.database.query<{ id: string }>("SELECT id FROM disclosure.decisions WHERE title = $1", [title]);
      return mainOf((await get(`/decisions/${toGlobalId("Decision", row!.id)}`)).body);
    };
    const village = await pageOf("雙鋪村村內道路硬化一事一議籌資籌勞方案");
    expect(village).toContain("<dt>會議類型</dt><dd>村民代表會議</dd>");
    expect(village).toContain("應到41人，實到36人，贊成33票");
    const dredging = await pageOf("桐城市城區河道清淤疏浚工程實施方案");
    expect(dredging).toContain("中止執行（2024-04-26）");
    expect(dredging).toContain("<dd>行政首長先決定</dd>");
    expect(dredging).toContain("<dd>不可抗力</dd>");
    expect(dredging).toContain("汛期提前，上游來水超過施工圍堰設防標準");
    expect(dredging).toContain("<dt>決定日期</dt><dd>2024-06-18</dd>");
    expect(dredging).toContain("<dd>依法定程序再次集體討論</dd>");
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
    // Each record's own page: the same notices and no withheld value; a record withheld whole has none.
    for (const [table, type] of [["expert_reviews", "ExpertReview"], ["risk_assessments", "RiskAssessment"], ["consultations", "Consultation"], ["basis_items", "BasisItem"], ["legality_reviews", "LegalityReview"], ["deliberations", "Deliberation"], ["implementation_reports", "ImplementationReport"], ["post_evaluations", "PostEvaluation"], ["village_consultations", "VillageConsultation"]] as const) {
      const [own] = await api.database.query<{ id: string }>(`SELECT id FROM ${table} WHERE decision_id = $1`, [ids.fields]);
      const recordPage = await get(`/records/${toGlobalId(type, own!.id)}`);
      expect(recordPage.status, type).toBe(200);
      expect(recordPage.body, type).not.toContain(CANARY);
      expect(recordPage.body, type).toContain("依法不予公開。</strong>");
      const [whole] = await api.database.query<{ id: string }>(`SELECT id FROM ${table} WHERE decision_id = $1`, [ids.parts]);
      expect((await get(`/records/${toGlobalId(type, whole!.id)}`)).status, type).toBe(404);
    }
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

  it("answers a comment with its receipt number, whose status page tells the resident and nobody else more", async () => {
    const name = "RECEIPT-NAME-51c2";
    const contact = "receipt-contact-51c2@example.cn";
    const answer = await post(`/decisions/${open.decision}/comments`, { consultationId: open.consultation, stakeholderCategory: "INDIVIDUAL", text: "請公布施工時間表。", name, contact, idempotencyKey: "receipt-1" });
    expect(answer.status).toBe(200);
    const number = /<strong class="receipt-number">([0-9A-Z-]{14})<\/strong>/.exec(answer.body)?.[1];
    expect(number).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    const [stored] = await api.database.query<{ id: string; receipt_number: string }>("SELECT id, receipt_number FROM comments WHERE commenter_name = $1", [name]);
    expect(stored!.receipt_number).toBe(number!.replace(/-/g, ""));
    expect(answer.body).toContain(`href="/comments/status/${number}"`);

    const pending = await get(`/comments/status/${number}`);
    expect(pending.status).toBe(200);
    expect(pending.headers["cache-control"]).toBe("no-store");
    expect(mainOf(pending.body)).toContain("正在等待審核");
    // Typed by hand into the form: lower case, spaces, O for 0.
    const typed = await get(`/comments/status?number=${encodeURIComponent(` ${number!.toLowerCase().replace(/-/g, " ").replace(/0/g, "o")} `)}`);
    expect(mainOf(typed.body)).toContain("正在等待審核");

    const editor = await api.secretFor("EDITOR");
    const moderate = (decision: string, reason: string | null) =>
      api.inject({ method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${editor}` }, payload: JSON.stringify({ query: `mutation($i: CommentModerateInput!) { commentModerate(input: $i) { userErrors { code } } }`, variables: { i: { id: toGlobalId("Comment", stored!.id), expectedVersion: 1, decision, reason } } }) });
    expect(JSON.parse((await moderate("REJECT", "與本決策無關。")).body).data.commentModerate.userErrors).toEqual([]);
    const rejected = mainOf((await get(`/comments/status/${number}`)).body);
    expect(rejected).toContain("未予公開");
    expect(rejected).toContain("與本決策無關。");
    for (const page of [pending.body, typed.body, rejected]) {
      expect(page).not.toContain(name);
      expect(page).not.toContain(contact);
      expect(page).not.toContain("請公布施工時間表");
    }

    const form = await get("/comments/status");
    expect(form.status).toBe(200);
    expect(form.body).toContain('<label for="number">回執號碼</label>');
    // A mistyped number (its check symbol says so) and an unknown one: the same 404, the form again.
    const last = number!.at(-1)!;
    const mistyped = await get(`/comments/status/${number!.slice(0, -1)}${last === "0" ? "1" : "0"}`);
    const unknown = await get("/comments/status/0000-0000-0000");
    for (const page of [mistyped, unknown]) {
      expect(page.status).toBe(404);
      expect(page.body).toContain('<label for="number">回執號碼</label>');
    }
    expect((await get(`/comments/status/${encodeURIComponent("<b>x</b>")}`)).body).not.toContain("<b>x</b>");
  });

  it("takes a new comment written after going Back on the same form as a new comment", async () => {
    const form = { consultationId: open.consultation, stakeholderCategory: "INDIVIDUAL", idempotencyKey: "form-back", name: "BACK-BUTTON" };
    expect((await post(`/decisions/${open.decision}/comments`, { ...form, text: "第一次寫的意見。" })).status).toBe(200);
    expect((await post(`/decisions/${open.decision}/comments`, { ...form, text: "回到上一頁後另寫的意見。" })).status).toBe(200);
    const stored = await api.database.query<{ text: string }>("SELECT text FROM comments WHERE commenter_name = 'BACK-BUTTON' ORDER BY text");
    expect(stored.map((r) => r.text).sort()).toEqual(["回到上一頁後另寫的意見。", "第一次寫的意見。"].sort());
  });

  it("gives a resident's own words back as typed on a Simplified page, and never caches a form's answer", async () => {
    const typed = "範先生認為臺灣的後面";
    const answer = await api.inject({
      method: "POST",
      url: `/decisions/${open.decision}/comments`,
      headers: { ...html, cookie: "script=hans", "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ consultationId: open.consultation, stakeholderCategory: "", text: typed, name: "範某" }).toString(),
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toContain('<html lang="zh-Hans">');
    expect(answer.body).toContain(`>${typed}</textarea>`);
    expect(answer.body).toContain('value="範某"');
    expect(answer.headers["cache-control"]).toBe("no-store");
    const search = await get(`/?q=${encodeURIComponent("臺灣")}`, { cookie: "script=hans" });
    expect(search.body).toContain('value="臺灣"');
  });

  it("refuses a comment form posted from another site, and stores nothing", async () => {
    const before = await api.fingerprint();
    const answer = await api.inject({
      method: "POST",
      url: `/decisions/${open.decision}/comments`,
      headers: { ...html, origin: "https://elsewhere.example", "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ consultationId: open.consultation, stakeholderCategory: "INDIVIDUAL", text: "別處來的" }).toString(),
    });
    expect(answer.status).toBe(403);
    expect(await api.fingerprint()).toEqual(before);
  });

  it("answers an address or a form it cannot read with a page for browsers and JSON for programs, echoing neither", async () => {
    const long = `/decisions/${"a".repeat(8000)}`;
    for (const [path, status] of [["/decisions/%FF", 400], ["/decisions/%", 400], [long, 414]] as const) {
      const page = await get(path);
      expect(page.status, path).toBe(status);
      expect(page.headers["content-type"], path).toMatch(/^text\/html/);
      expect(page.body, path).toContain("無法讀取這個請求");
      const json = await api.get(path);
      expect(json.status, path).toBe(status);
      expect(json.body, path).not.toContain("aaaa");
      expect(JSON.parse(json.body).errors[0].extensions.code).toBe("BAD_REQUEST");
    }
    const huge = await post(`/decisions/${open.decision}/comments`, { consultationId: open.consultation, text: "長".repeat(40_000) });
    expect(huge.status).toBe(413);
    expect(huge.body).toContain("提交的內容太長");
    // The script switch returns only to a printable path of this site.
    for (const back of ["/中文", "/\u0000x", "//elsewhere.example"]) expect((await get(`/script?to=hans&back=${encodeURIComponent(back)}`)).headers.location, back).toBe("/");
    const control = await get("/?q=%00x");
    expect(control.status).toBe(400);
    expect(control.body).toContain("控制字元");
    expect(control.body).not.toContain("\u0000");
  });

  it("keeps a resident's comment when the API turns them away for a while, and says when to come back", async () => {
    const { api: limited } = await startOnConsultationDay({ rateLimits: { windowSeconds: 60, anonymous: 20_000, researcher: 1_000, staff: 10_000, pages: 5 } });
    try {
      // Reading decision pages until the address's page budget is spent.
      let pages = 0;
      while ((await limited.get(`/decisions/${open.decision}`, html)).status === 200) pages += 1;
      expect(pages).toBeGreaterThan(1);
      const answer = await limited.inject({
        method: "POST",
        url: `/decisions/${open.decision}/comments`,
        headers: { ...html, "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({ consultationId: open.consultation, stakeholderCategory: "INDIVIDUAL", text: "請保留我的意見。", idempotencyKey: "k-1" }).toString(),
      });
      expect(answer.status, answer.body.slice(0, 3000)).toBe(429);
      expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0);
      expect(answer.body).toContain(">請保留我的意見。</textarea>");
      expect(answer.body).toContain('<option value="INDIVIDUAL" selected>');
    } finally {
      await limited.stop();
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
    // A summary at the top, where the answer's address points, taking focus, each message linking to its field.
    const summary = /<div class="error" id="([^"]+)" tabindex="-1"[^>]*>([\s\S]*?)<\/div>/.exec(answer.body)!;
    expect(answer.body).toContain(`action="/decisions/${open.decision}/comments#${summary[1]}"`);
    expect(summary[2]).toContain(`<li><a href="#stakeholderCategory-${open.consultation}">您的身份類別：請選擇您的身份類別。</a></li>`);
    expect(summary[2]).toContain(`<li><a href="#text-${open.consultation}">意見內容：請填寫意見內容。</a></li>`);
    expect(summary[2]).toContain(`<li><a href="#name-${open.consultation}">姓名：姓名最多 100 個字。</a></li>`);
    expect(summary[2]).not.toContain("聯絡方式");
    expect(answer.body.indexOf(summary[0])).toBeLessThan(answer.body.indexOf(`id="stakeholderCategory-${open.consultation}"`));
    for (const field of ["stakeholderCategory", "text", "name"]) expect(answer.body).toMatch(new RegExp(`id="${field}-${open.consultation}"[^>]*aria-describedby="${field}-${open.consultation}-error"`));
    expect(await api.fingerprint()).toEqual(before);
  });

  it("refuses control characters in a comment beside the field, gives the text back without them, and stores nothing", async () => {
    const before = await api.fingerprint();
    const answer = await post(`/decisions/${open.decision}/comments`, { consultationId: open.consultation, stakeholderCategory: "INDIVIDUAL", text: "前\u0000後", name: "名\u0007字" });
    expect(answer.status).toBe(422);
    expect(answer.body).toContain(`<p class="field-error" id="text-${open.consultation}-error">含有無法使用的控制字元，請刪去後再提交。</p>`);
    expect(answer.body).toContain(`<p class="field-error" id="name-${open.consultation}-error">含有無法使用的控制字元，請刪去後再提交。</p>`);
    expect(answer.body).toContain(">前後</textarea>");
    expect(answer.body).not.toMatch(/[\u0000\u0007]/);
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

  /** A decision whose file is larger than a page: 61 comments (some 5,000 characters long), 12 basis items. */
  async function busyDecision(): Promise<{ decision: string; consultation: string }> {
    const template = decisionWithWithheldParts();
    const long = "長".repeat(5000);
    const busy: SampleDecision = {
      ...template,
      catalogNumber: 950,
      title: "意見很多的決策",
      withheld: undefined,
      summary: `${"摘".repeat(19_990)}摘要完。`,
      publication: { ...template.publication!, fullText: `${Array.from({ length: 4 }, (_, i) => `第${i + 1}段：${"文".repeat(5000)}`).join("\n")}\n全文最後一段。`, adoptionExplanation: `${"釋".repeat(19_990)}說明完。`, withheld: undefined },
      basis: Array.from({ length: 12 }, (_, i) => ({ kind: "POLICY" as const, title: `依據第${i + 1}項`, content: "據".repeat(3000) })),
      // Experts write at length: opinions of 20,000 characters, more reviews than the page shows.
      expertReviews: Array.from({ length: 11 }, (_, i) => ({
        reviewerKind: "EXPERT" as const, method: "WRITTEN_OPINION" as const, reviewedOn: "2024-03-20", signed: true, reviewerName: `專家${i + 1}`,
        necessityOpinion: `第${i + 1}份必要性意見。${"論".repeat(19_990)}`, feasibilityOpinion: "行".repeat(20_000), soundnessOpinion: "科".repeat(20_000), conclusion: "結".repeat(20_000),
      })),
      riskAssessments: Array.from({ length: 10 }, () => ({
        assessedOn: "2024-03-25", overallLevel: "MEDIUM" as const, controllability: "CONTROLLABLE" as const,
        riskPoints: "險".repeat(3000), measures: "措".repeat(3000), contingencyPlan: "預".repeat(3000), conclusion: "結".repeat(3000),
        findings: (["SOCIAL_STABILITY", "PUBLIC_SAFETY", "ENVIRONMENT", "ECONOMY"] as const).map((dimension) => ({ dimension, level: "LOW" as const, findings: `${"評".repeat(5000)}${dimension}完。` })),
      })),
      legalityReviews: [],
      deliberations: [],
      implementationReports: [],
      villageConsultations: [],
      postEvaluations: [],
      attachments: [],
      consultations: [...[1, 2].map((n) => ({ method: "SYMPOSIUM" as const, opensOn: `2024-0${n}-01`, closesOn: `2024-0${n}-05`, summary: "座".repeat(3000), comments: Array.from({ length: 12 }, (_, i) => ({
        stakeholderCategory: "ENTERPRISE" as const, text: `座談第${n}-${i}條。${"言".repeat(5000)}`, reply: "覆".repeat(5000), adoptionResult: "ADOPTED" as const, moderationState: "PUBLISHED" as const, submittedAt: "2024-01-02T08:00:00.000Z",
      })) })), { method: "ONLINE_COMMENT", opensOn: "2024-02-01", closesOn: "2024-03-15", comments: Array.from({ length: 61 }, (_, i) => ({
        stakeholderCategory: "INDIVIDUAL" as const,
        text: i < 15 ? `第${i + 1}條意見。${long}` : `第${i + 1}條意見。`,
        reply: i < 15 ? `答覆${i + 1}。${long}` : undefined,
        adoptionResult: i < 15 ? ("NOT_ADOPTED" as const) : undefined,
        moderationState: "PUBLISHED" as const,
        // 23:45 UTC is the next morning in China.
        submittedAt: i === 0 ? "2024-02-01T23:45:00.000Z" : `2024-02-${String(3 + (i % 20)).padStart(2, "0")}T08:00:00.000Z`,
      })) }],
    };
    const [decisionId] = await loadSampleDecisions(api.database, [busy]);
    const [consultation] = await api.database.query<{ id: string }>("SELECT id FROM consultations WHERE decision_id = $1 AND method = 'ONLINE_COMMENT'", [decisionId]);
    return { decision: toGlobalId("Decision", decisionId!), consultation: toGlobalId("Consultation", consultation!.id) };
  }
  let busy: { decision: string; consultation: string };

  it("keeps a decision page with a large file under 100 KB: the first comments cut short, the rest counted and linked", async () => {
    busy ??= await busyDecision();
    const decisionPage = (await get(`/decisions/${busy.decision}`)).body;
    expect(Buffer.byteLength(decisionPage)).toBeLessThan(100 * 1024);
    // Whatever the page leaves out is counted and linked: comments to their consultation's page,
    // records to their kind's open-data file for the decision.
    expect(decisionPage).toMatch(/61 條已公開，以下為前 \d 條/);
    expect(decisionPage).toContain(`href="/consultations/${busy.consultation}/comments">查看全部 61 條意見</a>`);
    for (const [count, dataset] of [[12, "basis-items"], [11, "expert-reviews"], [10, "risk-assessments"]] as const) {
      expect(decisionPage, decisionPage.match(/共 \d+ 項，此處顯示[^<]*/g)?.join(" | ")).toMatch(new RegExp(`共 ${count} 項，此處顯示前 [1-9]\\d? 項；全部記錄見開放數據文件 <a href="/open-data/${dataset}.csv\\?decisionId=${busy.decision}">`));
    }
    expect(decisionPage).toContain("閱讀全文（共 5006 字）");
    expect(decisionPage).toContain(`href="/decisions/${busy.decision}/text"`);
    // A long opinion is cut, with a link to the review's own page, which shows it whole.
    const review = /<p>第(\d+)份必要性意見。論+…<\/p><p><a href="(\/records\/[^"]+)">閱讀全文（共 \d+ 字）<\/a><\/p>/.exec(decisionPage);
    expect(review).not.toBeNull();
    // The review's page shows 3,000 characters of each text, each whole on a page of its own.
    const reviewPage = await get(review![2]!);
    expect(reviewPage.status).toBe(200);
    expect(Buffer.byteLength(reviewPage.body)).toBeLessThan(100 * 1024);
    expect(reviewPage.body).toContain(`href="/decisions/${busy.decision}"`);
    for (const [field, whole] of [["necessityOpinion", `第${review![1]}份必要性意見。${"論".repeat(19_990)}`], ["feasibilityOpinion", "行".repeat(20_000)], ["soundnessOpinion", "科".repeat(20_000)], ["conclusion", "結".repeat(20_000)]] as const) {
      expect(reviewPage.body, field).toContain(`href="${review![2]}/${field}">閱讀全文`);
      const text = await get(`${review![2]}/${field}`);
      expect(text.status, field).toBe(200);
      expect(Buffer.byteLength(text.body), field).toBeLessThan(100 * 1024);
      expect(text.body, field).toContain(whole);
    }
    for (const name of ["reviewerName", "nonsense", "findings.SOCIAL_STABILITY"]) expect((await get(`${review![2]}/${name}`)).status, name).toBe(404);
    for (const path of [`/records/${busy.decision}`, "/records/nonsense", `/records/${busy.consultation}x`]) expect((await get(path)).status, path).toBe(404);
    expect((await get(`/records/${busy.consultation}`)).body).toContain("網上徵求意見");
    // The full text (just over 20,000 characters) a page of 20,000 at a time, every paragraph on one of them.
    const textPages: string[] = [];
    for (let path: string | undefined = `/decisions/${busy.decision}/text`; path; ) {
      const page: string = (await get(path)).body;
      expect(Buffer.byteLength(page), path).toBeLessThan(100 * 1024);
      textPages.push(page);
      path = /<a rel="next" href="([^"]+)">/.exec(page)?.[1]?.replaceAll("&amp;", "&");
    }
    expect(textPages).toHaveLength(2);
    for (let i = 1; i <= 4; i++) expect(textPages.some((page) => page.includes(`第${i}段：${"文".repeat(5000)}`)), `paragraph ${i}`).toBe(true);
    expect(textPages.at(-1)).toContain("全文最後一段。");
    expect((await get(`/decisions/${busy.decision}/text?page=3`)).status).toBe(404);
    // The summary and the explanation, each whole on a page under 100 KB.
    for (const [path, end] of [["/text?part=summary", "摘要完。"], ["/text?part=adoptionExplanation", "說明完。"]] as const) {
      const text = await get(`/decisions/${busy.decision}${path}`);
      expect(text.status, path).toBe(200);
      expect(text.body, path).toContain(end);
      expect(Buffer.byteLength(text.body), path).toBeLessThan(100 * 1024);
    }
    expect((await get(`/decisions/${busy.decision}/text?part=title`)).status).toBe(404);
    // A risk assessment's page links each dimension's finding whole.
    const risk = /<section aria-labelledby="risk">[\s\S]*?href="(\/records\/[^"/]+)"/.exec(decisionPage)![1]!;
    const riskPage = (await get(risk)).body;
    expect(riskPage).toContain(`href="${risk}/findings.SOCIAL_STABILITY">閱讀全文`);
    expect((await get(`${risk}/findings.SOCIAL_STABILITY`)).body).toContain(`${"評".repeat(5000)}SOCIAL_STABILITY完。`);
    expect((await get(`${risk}/findings.NOWHERE`)).status).toBe(404);
    expect(decisionPage).toContain(`href="/decisions/${busy.decision}/text?part=summary"`);
    // A comment's date is China's: 23:45 UTC on 1 February is 2 February there.
    const whole = /<p>第1條意見。長+…<\/p><p><a href="(\/comments\/[^"]+)">閱讀全文/.exec(decisionPage)![1]!;
    const comment = (await get(whole)).body;
    expect(comment).toContain("2024-02-02");
    expect(comment).toContain(`第1條意見。${"長".repeat(5000)}`);
    expect(comment).toContain(`答覆1。${"長".repeat(5000)}`);
    // The first test to need it loads the large file, a step at a time: far above the default on a busy machine.
  }, 120_000);

  it("shows every published comment of a consultation, page by page, each page under 100 KB", async () => {
    busy ??= await busyDecision();
    const texts: string[] = [];
    for (let path: string | undefined = `/consultations/${busy.consultation}/comments`; path; ) {
      const page: string = (await get(path)).body;
      expect(Buffer.byteLength(page), path).toBeLessThan(100 * 1024);
      expect(page).toContain("共 61 條已公開的意見");
      texts.push(...[...page.matchAll(/<p>(第\d+條意見。)/g)].map((m) => m[1]!));
      path = /href="(\/consultations\/[^"]+\?after=[^"]+)"/.exec(page)?.[1]?.replaceAll("&amp;", "&");
    }
    expect(new Set(texts).size).toBe(61);
    // Not a consultation, or none the public may see: the 404 page.
    for (const path of [`/consultations/${busy.decision}/comments`, "/consultations/nonsense/comments", `/consultations/${busy.consultation}/comments?after=bad`, `/comments/${busy.decision}`, "/comments/nonsense"]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it("shows every public fact of a consultation and a risk assessment that the API gives", async () => {
    const [risk] = await api.database.query<{ decision: string; plan: string }>("SELECT decision_id AS decision, contingency_plan AS plan FROM disclosure.risk_assessments WHERE contingency_plan IS NOT NULL AND length(contingency_plan) < 200 ORDER BY id LIMIT 1");
    expect((await get(`/decisions/${toGlobalId("Decision", risk!.decision)}`)).body).toContain(risk!.plan);
    const [short] = await api.database.query<{ decision: string; reason: string }>("SELECT decision_id AS decision, short_period_reason AS reason FROM disclosure.consultations WHERE short_period_reason IS NOT NULL AND length(short_period_reason) < 200 ORDER BY id LIMIT 1");
    expect((await get(`/decisions/${toGlobalId("Decision", short!.decision)}`)).body).toContain(short!.reason);
  });

  it("shows the compliance report in Traditional on a Traditional page, with a count in plain words", async () => {
    const { decisions } = await api.data(`{ decisions(first: 1, filter: { stage: [POST_EVALUATION] }) { nodes { id compliance { results { rule { statementZh } status } } } } }`);
    const decision = decisions.nodes[0];
    const page = (await get(`/decisions/${decision.id}`)).body;
    const statement: string = decision.compliance.results.find((r: { status: string }) => r.status !== "NOT_APPLICABLE").rule.statementZh;
    const traditional = OpenCC.Converter({ from: "cn", to: "tw" })(statement);
    expect(traditional).not.toBe(statement);
    expect(page).toContain(traditional);
    expect(page).toMatch(/適用的 \d+ 項規定中，\d+ 項符合，\d+ 項違反/);
  });

  it("lists every dataset with its files, the dictionary, the licence and the GraphQL endpoint", async () => {
    const page = (await get("/open-data")).body;
    const dictionary = JSON.parse((await api.get("/open-data/dictionary.json")).body);
    // Each dataset's row count and last change, as the catalog counts them (no snapshot is kept here: no sizes).
    const catalog = JSON.parse((await api.get("/open-data/catalog.jsonld")).body) as { "dcat:dataset": { "dct:identifier": string; "dct:modified": { "@value": string }; "void:entities": { "@value": number } }[] };
    for (const entry of catalog["dcat:dataset"]) {
      const row = page.slice(page.indexOf(`<code>${entry["dct:identifier"]}</code>`)).split("</tr>")[0]!;
      expect(row, entry["dct:identifier"]).toContain(`<td>${entry["void:entities"]["@value"]}</td><td>— / —</td><td>${entry["dct:modified"]["@value"].slice(0, 16).replace("T", " ")}</td>`);
    }
    for (const dataset of dictionary.datasets) {
      expect(page).toContain(`href="${dataset.files.csv}"`);
      expect(page).toContain(`href="${dataset.files.ndjson}"`);
      expect(page).toContain(`href="${dataset.files.csvForSpreadsheets}"`);
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

  it("offers example queries that fill the explorer's form and run without error, shown in a monospaced font", async () => {
    const { EXAMPLES } = await import("../src/site/open-data.page.js");
    const form = (await get("/explorer")).body;
    expect(form).toMatch(/textarea\.code\{font-family:[^}]*monospace/);
    expect(form).toContain('<textarea class="code" id="query"');
    for (const example of EXAMPLES) {
      expect(form, example.key).toContain(`href="/explorer?example=${example.key}"`);
      const filled = (await get(`/explorer?example=${example.key}`)).body;
      expect(filled, example.key).toContain(`>${example.query.replaceAll('"', "&quot;")}</textarea>`);
      const answer = await api.send({}, example.query);
      expect(answer.errors, example.key).toBeUndefined();
      expect(answer.data, example.key).toBeTruthy();
    }
  });

  it("sends a browser that opens /graphql to the explorer, with its query; a program's plain GET is still refused", async () => {
    const opened = await get("/graphql");
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe("/explorer");
    const query = "{ regions { name } }";
    const carried = await get(`/graphql?query=${encodeURIComponent(query)}`);
    expect(carried.status).toBe(303);
    expect(carried.headers.location).toBe(`/explorer?query=${encodeURIComponent(query).replaceAll("%20", "+")}`);
    expect((await get(carried.headers.location as string)).body).toContain(`>${query}</textarea>`);
    const program = await api.inject({ method: "GET", url: `/graphql?query=${encodeURIComponent(query)}`, headers: { accept: "application/json" } });
    expect(program.status).toBe(400);
    const preflighted = await api.inject({ method: "GET", url: `/graphql?query=${encodeURIComponent(query)}`, headers: { accept: "text/html, application/json", "apollo-require-preflight": "true" } });
    expect(preflighted.status).toBe(200);
  });

  it("has an icon at /favicon.ico, the site's own, loaded from nowhere else", async () => {
    const icon = await fetch(`${await api.listen()}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toBe("image/x-icon");
    const bytes = Buffer.from(await icon.arrayBuffer());
    // An ICO header (reserved 0, type 1 = icon, one image) holding a 32×32 PNG.
    expect([...bytes.subarray(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
    expect([bytes[6], bytes[7]]).toEqual([32, 32]);
    expect(bytes.subarray(22, 30).toString("latin1")).toBe("\x89PNG\r\n\x1a\n");
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

describe("long texts in pages", () => {
  it("cuts a text into pieces of at most the size, between paragraphs where it can, losing nothing", async () => {
    const { pieces } = await import("../src/site/text.js");
    const text = [...Array.from({ length: 12 }, (_, i) => `第${i + 1}段：${"文".repeat(5000)}`), "長".repeat(45_000), "末段。"].join("\n");
    const parts = pieces(text, 20_000);
    for (const part of parts) expect([...part].length).toBeLessThanOrEqual(20_000);
    expect(parts.join("\n").replaceAll("\n", "")).toBe(text.replaceAll("\n", ""));
    expect(parts.filter((part) => part.startsWith("第")).length).toBeGreaterThan(1);
    expect(pieces("", 10)).toEqual([""]);
  });
});
