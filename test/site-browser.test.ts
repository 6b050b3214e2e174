import { mkdir, writeFile } from "node:fs/promises";
import axe from "axe-core";
import * as OpenCC from "opencc-js";
import { type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/global-id.js";
import { type TestApi } from "./support/api.js";
import { launchChromium, saveScreenshot } from "./support/browser.js";
import { startOnConsultationDay } from "./support/consultation-day.js";
import { CANARY, loadCanaryFiles } from "./support/canary-file.js";

/** Where the screenshots go (git-ignored; docs/site.md names it): what residents see, for a person to look at. */
const SCREENSHOTS = "test-output/screenshots";
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });

// Code run in the page is given as strings: this project's types describe Node, not the browser's DOM.

/** The site in headless Chromium (from the npm registry: support/browser.ts), against the server on the sample data. */
describe("the residents' site in a real browser", () => {
  let api: TestApi;
  let base: string;
  let browser: Browser;
  let ids: { fields: string; parts: string; whole: string };
  let openDecision: string;
  let openConsultation: string;

  beforeAll(async () => {
    let day: string;
    ({ api, day } = await startOnConsultationDay());
    ids = await loadCanaryFiles(api.database);
    const [open] = await api.database.query<{ id: string; consultation: string }>("SELECT decision_id AS id, id AS consultation FROM disclosure.consultations WHERE opens_on <= $1 AND closes_on >= $1 ORDER BY id LIMIT 1", [day]);
    openDecision = toGlobalId("Decision", open!.id);
    openConsultation = toGlobalId("Consultation", open!.consultation);
    base = await api.listen();
    browser = await launchChromium();
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  /** A fresh visitor (no cookie); axe is injected by the test, so the page's own policy is bypassed for it. */
  async function visit(path: string, viewport = DESKTOP, script: "hant" | "hans" = "hant"): Promise<Page> {
    const context = await browser.newContext({ viewport, bypassCSP: true, isMobile: viewport === PHONE });
    if (script === "hans") await context.addCookies([{ name: "script", value: "hans", url: base }]);
    const page = await context.newPage();
    await page.goto(`${base}${path}`);
    return page;
  }

  async function seriousViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ content: axe.source });
    const results = (await page.evaluate("axe.run()")) as axe.AxeResults;
    return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }

  it("finds a decision written in Traditional from a search typed in Simplified", async () => {
    const { decisions } = await api.data(`{ decisions(first: 1, filter: { search: "教育事業發展規劃" }) { nodes { title } } }`);
    const title: string = decisions.nodes[0].title;
    const typed = toSimplified("教育事業發展規劃");
    expect(typed).toBe("教育事业发展规划");
    const page = await visit("/");
    await page.getByLabel("關鍵字").fill(typed);
    await page.getByRole("button", { name: "查詢" }).click();
    await page.waitForURL(/q=/);
    expect(await page.getByRole("link", { name: title }).count()).toBeGreaterThan(0);
    expect(await page.getByRole("heading", { level: 3 }).allInnerTexts()).toContain(title);
    await page.context().close();
  });

  it("narrows the list with the filters, and keeps them through a reload and in the address", async () => {
    const page = await visit("/");
    const total = Number(/共 (\d+) 項/.exec(await page.locator("#results-heading").innerText())![1]);
    await page.getByLabel("年度").selectOption("2025");
    await page.getByLabel("程序階段").selectOption("POST_EVALUATION");
    await page.getByRole("button", { name: "查詢" }).click();
    await page.waitForURL(/year=2025/);
    const narrowed = await page.locator("#results-heading").innerText();
    const count = Number(/共 (\d+) 項/.exec(narrowed)![1]);
    expect(count).toBeLessThan(total);
    const { decisions } = await api.data(`{ decisions(filter: { catalogYear: 2025, stage: [POST_EVALUATION] }) { totalCount } }`);
    expect(count).toBe(decisions.totalCount);
    await saveScreenshot(page, `${SCREENSHOTS}/list-desktop.png`);
    await page.reload();
    expect(await page.locator("#results-heading").innerText()).toBe(narrowed);
    expect(await page.getByLabel("年度").inputValue()).toBe("2025");
    expect(await page.getByLabel("程序階段").inputValue()).toBe("POST_EVALUATION");
    expect(page.url()).toContain("stage=POST_EVALUATION");
    const phone = await visit(new URL(page.url()).pathname + new URL(page.url()).search, PHONE);
    await saveScreenshot(phone, `${SCREENSHOTS}/list-phone.png`);
    await phone.context().close();
    await page.context().close();
  });

  it("shows a decision's timeline and a withheld notice with its legal ground, and no withheld value anywhere", async () => {
    const page = await visit(`/decisions/${toGlobalId("Decision", ids.fields)}`);
    const stages = page.locator("ol.timeline > li");
    expect(await stages.count()).toBe(9);
    expect(await page.locator('ol.timeline > li[aria-current="step"]').innerText()).toContain("決策後評估");
    const notice = page.getByRole("note").filter({ hasText: "預算金額依法不予公開" });
    expect(await notice.innerText()).toMatch(/《中華人民共和國政府信息公開條例》第十五條（商業秘密）/);
    const everything = await page.evaluate("document.documentElement.outerHTML + document.body.innerText");
    expect(everything).not.toContain(CANARY);
    await saveScreenshot(page, `${SCREENSHOTS}/decision-withheld-desktop.png`);
    await page.context().close();
    for (const [viewport, name] of [[DESKTOP, "desktop"], [PHONE, "phone"]] as const) {
      const shown = await visit(`/decisions/${openDecision}`, viewport);
      await saveScreenshot(shown, `${SCREENSHOTS}/decision-${name}.png`);
      await shown.context().close();
    }
  });

  it("submits a comment through the form, stored awaiting moderation, its personal data on no public page", async () => {
    const page = await visit(`/decisions/${openDecision}`);
    const form = page.locator("form.comment-form").first();
    await form.getByLabel("您的身份類別").selectOption("ENTERPRISE");
    await form.getByLabel("意見內容").fill("建議在施工期間設置臨時通道。");
    await form.getByLabel("姓名").fill("BROWSER-PRIVATE-NAME");
    await form.getByLabel("聯絡方式").fill("browser-private@example.cn");
    await form.getByRole("button", { name: "提交意見" }).click();
    await page.getByRole("status").waitFor();
    expect(await page.getByRole("status").innerText()).toContain("正在等待審核");
    expect(await seriousViolations(page)).toEqual([]);
    const stored = await api.database.query<{ moderation_state: string }>("SELECT moderation_state FROM comments WHERE commenter_name = 'BROWSER-PRIVATE-NAME'");
    expect(stored).toEqual([{ moderation_state: "PENDING" }]);
    for (const path of [`/decisions/${openDecision}`, "/", "/open-data"]) {
      await page.goto(`${base}${path}`);
      const text = await page.content();
      expect(text, path).not.toContain("BROWSER-PRIVATE-NAME");
      expect(text, path).not.toContain("browser-private@example.cn");
    }
    await page.context().close();
  });

  it("switches the page to Simplified and remembers the choice on the next page", async () => {
    const page = await visit("/");
    expect(await page.locator("h1").innerText()).toBe("查詢重大行政決策");
    await page.getByRole("link", { name: "简体中文" }).click();
    await page.waitForFunction("document.documentElement.lang === 'zh-Hans'");
    expect(await page.locator("h1").innerText()).toBe("查询重大行政决策");
    // The whole page, records included, is Simplified: converting it again changes nothing (but the switch back).
    const text = (await page.locator("main").innerText()) + (await page.locator("header nav").innerText());
    expect(toSimplified(text)).toBe(text);
    expect(text).not.toBe(await (await visit("/")).locator("main").innerText());
    await page.getByRole("link", { name: "开放数据" }).click();
    expect(await page.locator("h1").innerText()).toBe("开放数据");
    await page.getByRole("link", { name: "繁體中文" }).click();
    await page.waitForFunction("document.documentElement.lang === 'zh-Hant'");
    expect(await page.locator("h1").innerText()).toBe("開放數據");
    await page.context().close();
  });

  it("can be used with the keyboard alone: skip to the content, reach the search box, search", async () => {
    const page = await visit("/");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement?.textContent")).toBe("跳到主要內容");
    for (let presses = 0; presses < 20 && (await page.evaluate("document.activeElement?.id")) !== "q"; presses += 1) await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement?.id")).toBe("q");
    await page.keyboard.type("規劃");
    await page.keyboard.press("Enter");
    await page.waitForURL(/q=/);
    expect(await page.locator("#results-heading").innerText()).toMatch(/共 [1-9]\d* 項決策/);
    await page.context().close();
  });

  const textsOf = (page: Page, selector: string) => page.locator(selector).allInnerTexts();
  const heightOf = (page: Page) => page.evaluate("document.documentElement.scrollHeight") as Promise<number>;
  const edgeOf = (page: Page, selector: string, edge: "top" | "bottom") => page.evaluate(`document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect().${edge}`) as Promise<number>;

  it("opens a long decision page at its contents, each link and timeline step reaching its section; a phone folds the long parts", async () => {
    // The decision with the most published comments: the page residents scroll longest.
    const [row] = await api.database.query<{ id: string }>("SELECT c.decision_id AS id FROM disclosure.comments m JOIN disclosure.consultations c ON c.id = m.consultation_id GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1");
    const path = `/decisions/${toGlobalId("Decision", row!.id)}`;
    const page = await visit(path);
    const contents = page.getByRole("navigation", { name: "本頁目錄" });
    expect(await contents.getByRole("link").count()).toBe(14);
    for (const name of ["公眾參與", "專家論證", "程序是否合規"]) {
      await contents.getByRole("link", { name }).click();
      await page.waitForURL(/#\w+$/);
      const id = new URL(page.url()).hash.slice(1);
      expect(await page.locator(`h2#${id}`).innerText()).toBe(name);
      expect(await edgeOf(page, `h2#${id}`, "top")).toBeLessThan(DESKTOP.height / 2);
      await page.goto(`${base}${path}`);
    }
    await page.locator("ol.timeline > li").filter({ hasText: "風險評估" }).getByRole("link").click();
    await page.waitForURL(/#risk$/);
    expect(await edgeOf(page, "h2#risk", "top")).toBeLessThan(DESKTOP.height / 2);
    const desktop = await heightOf(page);
    await page.context().close();

    const phone = await visit(path, PHONE);
    const phoneContents = phone.getByRole("navigation", { name: "本頁目錄" });
    expect(await phoneContents.getByRole("link", { name: "專家論證" }).isVisible()).toBe(false);
    const folded = await heightOf(phone);
    // Every fold opened: the page as long as it ran before the folds.
    await phone.evaluate("document.querySelectorAll('details.fold').forEach((d) => { d.open = true; })");
    const unfolded = await heightOf(phone);
    await phone.evaluate("document.querySelectorAll('details.fold').forEach((d) => { d.open = false; })");
    await phoneContents.getByText("本頁目錄").click();
    await phoneContents.getByRole("link", { name: "專家論證" }).click();
    await phone.waitForURL(/#experts$/);
    expect(await edgeOf(phone, "h2#experts", "top")).toBeLessThan(PHONE.height / 2);
    await phone.context().close();
    // Heights in CSS pixels (layout, not speed), for a person to compare: test-output/page-heights.json.
    await writeFile("test-output/page-heights.json", `${JSON.stringify({ path, desktop, phone: folded, phoneUnfolded: unfolded }, null, 2)}\n`);
    expect(folded).toBeLessThan(unfolded * 0.85);
    expect(folded).toBeLessThan(desktop * 1.25);
  });

  it("puts the results first on a phone, the filters one tap away; a desktop shows the filters open", async () => {
    const phone = await visit("/?year=2025", PHONE);
    expect(await phone.getByLabel("年度").isVisible()).toBe(false);
    // Before the filters were folded the results began below the first screen.
    expect(await edgeOf(phone, "#results-heading", "bottom")).toBeLessThan(PHONE.height * 0.7);
    expect(await edgeOf(phone, ".results li", "top")).toBeLessThan(PHONE.height);
    await phone.getByText("篩選條件（已選 1 項）").click();
    expect(await phone.getByLabel("年度").inputValue()).toBe("2025");
    expect(await phone.getByLabel("年度").isVisible()).toBe(true);
    await phone.context().close();
    const desktop = await visit("/?year=2025");
    expect(await desktop.getByLabel("年度").isVisible()).toBe(true);
    expect(await desktop.getByText("篩選條件（已選 1 項）").isVisible()).toBe(false);
    await desktop.context().close();
  });

  it("sorts the list with the sort control, keeping the filters, and says the range on each page", async () => {
    const { decisions } = await api.data(`{ decisions(first: 20, filter: { catalogYear: 2025 }, orderBy: { field: TITLE, direction: ASC }) { totalCount nodes { title } } }`);
    const page = await visit("/?year=2025");
    const before = await textsOf(page, ".results h3");
    await page.getByLabel("排序方式").selectOption({ label: "標題（升序）" });
    await page.getByRole("button", { name: "排序" }).click();
    await page.waitForURL(/sort=title-asc/);
    expect(page.url()).toContain("year=2025");
    const sorted = await textsOf(page, ".results h3");
    expect(sorted).toEqual(decisions.nodes.map((d: { title: string | null }) => d.title ?? "（標題依法不予公開）"));
    expect(sorted).not.toEqual(before);
    expect(await page.locator("#results-range").innerText()).toBe(`第 1–${Math.min(20, decisions.totalCount)} 項，共 ${decisions.totalCount} 項`);
    await page.context().close();

    const { decisions: all } = await api.data(`{ decisions { totalCount } }`);
    const list = await visit("/");
    await list.getByRole("link", { name: "下一頁" }).click();
    await list.waitForURL(/after=/);
    expect(await list.locator("#results-range").innerText()).toBe(`第 21–40 項，共 ${all.totalCount} 項`);
    await list.getByRole("link", { name: "下一頁" }).click();
    await list.waitForURL(/start=41/);
    await list.getByRole("link", { name: "上一頁" }).click();
    await list.waitForURL(/before=/);
    expect(await list.locator("#results-range").innerText()).toBe(`第 21–40 項，共 ${all.totalCount} 項`);
    await list.context().close();
  });

  it("focuses the error summary of a refused comment, whose links focus each field", async () => {
    const page = await visit(`/decisions/${openDecision}`);
    const form = page.locator("form.comment-form").first();
    const consultation = (await form.getAttribute("id"))!.replace("comment-form-", "");
    await form.getByLabel("您的身份類別").selectOption("ENTERPRISE");
    await form.getByLabel("意見內容").fill("   ");
    await form.getByLabel("姓名").fill("名".repeat(101).slice(0, 100));
    await form.getByRole("button", { name: "提交意見" }).click();
    await page.waitForURL(/#comment-errors-/);
    const summary = page.locator(`#comment-errors-${consultation}`);
    await summary.waitFor();
    await page.waitForFunction(`document.activeElement?.id === "comment-errors-${consultation}"`);
    expect(await summary.getByRole("link").allInnerTexts()).toEqual(["意見內容：請填寫意見內容。"]);
    await summary.getByRole("link", { name: "意見內容：請填寫意見內容。" }).click();
    await page.waitForFunction(`document.activeElement?.id === "text-${consultation}"`);
    expect(await page.evaluate("document.activeElement.getAttribute('aria-describedby')")).toBe(`text-${consultation}-error`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("finds an accessibility violation where there is one (the audit itself works)", async () => {
    const page = await visit("/no-such-page");
    await page.setContent(`<!doctype html><html lang="zh-Hant"><head><title>x</title></head><body><main><input type="text"><p style="color:#eee">淺色文字</p></main></body></html>`);
    const violations = await seriousViolations(page);
    expect(violations.map((v) => v.split(":")[0])).toEqual(expect.arrayContaining(["label", "color-contrast"]));
    await page.context().close();
  });

  it("has no serious or critical accessibility violation on any kind of page", async () => {
    const { decisions } = await api.data(`{ decisions(first: 1, filter: { stage: [POST_EVALUATION] }) { nodes { id } } }`);
    const published = decisions.nodes[0];
    const [row] = await api.database.query<{ id: string }>("SELECT id FROM disclosure.comments ORDER BY id LIMIT 1");
    const comment = toGlobalId("Comment", row!.id);
    // A comment's status page, by its receipt number (one published with its answer, one awaiting moderation).
    const receipts = await api.database.query<{ number: string }>("SELECT receipt_number AS number FROM comments WHERE moderation_state IN ('PUBLISHED', 'PENDING') ORDER BY moderation_state, id LIMIT 2");
    const [review] = await api.database.query<{ id: string }>("SELECT id FROM expert_reviews WHERE decision_id = $1", [ids.fields]);
    const pages = ["/", "/comments/status", ...receipts.map((r) => `/comments/status/${r.number}`), "/?year=2025&stage=POST_EVALUATION", "/?year=20x5", `/decisions/${published.id}/text`, `/comments/${comment}`, `/records/${toGlobalId("ExpertReview", review!.id)}`, `/decisions/${toGlobalId("Decision", ids.fields)}`, `/decisions/${toGlobalId("Decision", ids.parts)}`, `/decisions/${openDecision}`, `/consultations/${openConsultation}/comments`, "/open-data", "/explorer", "/no-such-page"];
    const found: Record<string, string[]> = {};
    for (const path of pages) {
      const page = await visit(path);
      const violations = await seriousViolations(page);
      if (violations.length) found[path] = violations;
      if (path === "/") {
        await saveScreenshot(page, `${SCREENSHOTS}/home-desktop.png`);
        const phone = await visit("/", PHONE);
        await saveScreenshot(phone, `${SCREENSHOTS}/home-phone.png`);
        await phone.context().close();
      }
      await page.context().close();
    }
    // In Simplified, and pages that only a form's answer shows: the explorer's answer, a refused comment.
    for (const path of ["/", `/decisions/${toGlobalId("Decision", ids.fields)}`, "/open-data"]) {
      const page = await visit(path, DESKTOP, "hans");
      const violations = await seriousViolations(page);
      if (violations.length) found[`${path} (Simplified)`] = violations;
      await page.context().close();
    }
    // On a phone, where the contents, comments, rule table and filters are folded.
    for (const path of [`/decisions/${openDecision}`, "/?year=2025&stage=POST_EVALUATION&sort=title-asc"]) {
      const page = await visit(path, PHONE);
      const violations = await seriousViolations(page);
      if (violations.length) found[`${path} (phone)`] = violations;
      await page.context().close();
    }
    const explorer = await visit("/explorer");
    await explorer.getByRole("button", { name: "執行" }).click();
    await explorer.locator("#answer").waitFor();
    const explorerViolations = await seriousViolations(explorer);
    if (explorerViolations.length) found["/explorer (answer)"] = explorerViolations;
    await explorer.context().close();
    const refused = await visit(`/decisions/${openDecision}`, PHONE);
    await refused.locator("form.comment-form").first().getByRole("button", { name: "提交意見" }).click({ noWaitAfter: false });
    // The browser's own check stops an empty required field; a field the server refuses shows its message.
    await refused.locator("form.comment-form").first().getByLabel("您的身份類別").selectOption("ENTERPRISE");
    await refused.locator("form.comment-form").first().getByLabel("意見內容").fill("   ");
    await refused.locator("form.comment-form").first().getByRole("button", { name: "提交意見" }).click();
    await refused.locator(".field-error").first().waitFor();
    const refusedViolations = await seriousViolations(refused);
    if (refusedViolations.length) found["comment refused"] = refusedViolations;
    await refused.context().close();
    expect(found).toEqual({});
    // Twenty audits one after another: 24 s on a quick day here, past the suite's 30 s on a slow one.
  }, 120_000);
});
