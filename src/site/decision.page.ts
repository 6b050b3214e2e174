import { commentForm, type CommentFormState, errorSummary } from "./comment.form.js";
import { commentItem } from "./comments.page.js";
import { type DecisionView, DECISION_PAGE, type List, type PublicRecord } from "./decision.query.js";
import { html, type Html } from "./html.js";
import { label } from "./labels.js";
import { field, noticeBox, noticesOf } from "./notices.js";
import { type PublicApi } from "./public-api.js";
import { traditional } from "./script.js";
import { excerpt, paragraphs, pieces } from "./text.js";
import { SECTIONS, type SectionId } from "./decision.sections.js";
import { timeline } from "./timeline.js";
import { groups, recordRenderers } from "./records.js";

/** Characters of the published decision's full text shown on the decision page; the whole on its own page. */
const FULL_TEXT_SHOWN = 1500;

export async function loadDecision(api: PublicApi, id: string): Promise<DecisionView | null> {
  const { decision } = await api.query<{ decision: DecisionView | null }>(DECISION_PAGE, { id });
  return decision;
}

/** Only web addresses become links: a record's text must never run as script in a resident's browser. */
const isWebAddress = (value: unknown): value is string => typeof value === "string" && /^https?:\/\//i.test(value);

/** "art. 3 (《…》第三條)" → "《…》第三條": residents read the Chinese citation. */
const chineseCitation = (article: string) => /\((《.+)\)\s*$/.exec(article)?.[1] ?? article;

const yesNo = (value: unknown) => (value ? "是" : "否");


/** The page's contents: one tap away on a phone, so that the summary still comes first. */
function contents(): Html {
  return html`<nav class="toc" aria-label="本頁目錄"><details class="fold"><summary>本頁目錄</summary>
<ol>${Object.entries(SECTIONS).map(([id, heading]) => html`<li><a href="#${id}">${heading}</a></li>`)}</ol></details></nav>`;
}

/**
 * A section of the decision's file: its records, its records withheld whole (noticed), an empty one
 * said to be empty, and — when there are more than the page shows — how many, and where all are.
 */
function section(id: SectionId, decision: DecisionView, listField: string, items: Html[], list?: List, dataset?: string): Html {
  const recordNotices = decision.withheld.filter((n) => n.scope === "RECORD" && n.field === listField).map(noticeBox);
  const more = list && list.totalCount > items.length;
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${SECTIONS[id]}</h2>
${items.length === 0 && recordNotices.length === 0 ? html`<p>尚無公開記錄。</p>` : ""}${items}${recordNotices}
${more ? html`<p class="meta">共 ${list.totalCount} 項，此處顯示前 ${items.length} 項；全部記錄見開放數據文件 <a href="/open-data/${dataset}.csv?decisionId=${encodeURIComponent(decision.id)}">${dataset}.csv</a>。</p>` : ""}</section>`;
}

/**
 * Bytes of records and comments a decision page may hold, so that the page stays under 100 KB, and
 * the most one section may take, so that a long first section leaves room for the ones after it.
 */
const PAGE_ROOM = 65_000;
const SECTION_ROOM = 14_000;

/** What is left of a page's room. */
interface Room {
  left: number;
}

/** As many of the items as the section and the page have room for, in order; the rest are counted and linked instead. */
function fit(items: Html[], room: Room, sectionRoom = SECTION_ROOM): Html[] {
  const shown: Html[] = [];
  let section = sectionRoom;
  for (const item of items) {
    const size = Buffer.byteLength(item.text);
    if (size > room.left || size > section) break;
    room.left -= size;
    section -= size;
    shown.push(item);
  }
  return shown;
}

export function decisionPage(decision: DecisionView, today: string, forms: Map<string, CommentFormState> = new Map()): Html {
  const d = decision;
  // Sections take their share in page order; long texts are already cut (see records.ts).
  const room: Room = { left: PAGE_ROOM };
  const shown = (kind: string, list: List): Html[] => fit(list.nodes.map((item) => recordRenderers[kind]!(item, "excerpt")), room);
  return html`<p class="meta"><a href="/">查詢決策</a> › ${d.catalogYear} 年第 ${d.catalogNumber} 號</p>
<h1>${d.title ?? "（標題依法不予公開）"}</h1>
<p class="meta">${d.region.name} · 決策機關：${d.decidingBody.name} · 承辦單位：${d.undertakingBody.name} · ${label("DecisionCategory", d.category)} · ${label("DecisionStatus", d.status)}</p>
${contents()}
<section aria-labelledby="summary"><h2 id="summary">${SECTIONS.summary}</h2>
${d.summary ? excerpt(d.summary, FULL_TEXT_SHOWN, `/decisions/${encodeURIComponent(d.id)}/text?part=summary`) : html`<p>尚無摘要。</p>`}
<dl>${field(d, "budgetYuan", "預算金額", (v: number) => `${v.toLocaleString("zh-Hant")} 元`)}${field(d, "initiatedOn", "啟動日期")}${field(d, "catalogPublishedOn", "列入決策事項目錄公佈日期")}
<dt>專業性、技術性較強</dt><dd>${yesNo(d.professionalOrTechnical)}</dd>
<dt>可能影響社會穩定或公共安全</dt><dd>${yesNo(d.affectsStabilityOrSafety)}</dd>
${groups(d.speciallyAffectedGroups) ? html`<dt>涉及特定群體利益</dt><dd>${groups(d.speciallyAffectedGroups)}</dd>` : ""}</dl>
${d.withheld.filter((n) => n.scope === "FIELD").map(noticeBox)}</section>
${timeline(d)}
${section("basis", d, "basis", shown("BasisItem", d.basis), d.basis, "basis-items")}
${section("participation", d, "consultations", d.consultations.nodes.map((c) => consultation(d.id, c, today, room, forms.get(c.id!))), d.consultations, "consultations")}
${section("village", d, "villageConsultations", shown("VillageConsultation", d.villageConsultations), d.villageConsultations, "village-consultations")}
${section("experts", d, "expertReviews", shown("ExpertReview", d.expertReviews), d.expertReviews, "expert-reviews")}
${section("risk", d, "riskAssessments", shown("RiskAssessment", d.riskAssessments), d.riskAssessments, "risk-assessments")}
${section("legality", d, "legalityReviews", shown("LegalityReview", d.legalityReviews), d.legalityReviews, "legality-reviews")}
${section("deliberation", d, "deliberations", shown("Deliberation", d.deliberations), d.deliberations, "deliberations")}
${section("publication", d, "publication", d.publication ? [publication(d.id, d.publication)] : [])}
${section("implementation", d, "implementationReports", shown("ImplementationReport", d.implementationReports), d.implementationReports, "implementation-reports")}
${section("evaluation", d, "postEvaluations", shown("PostEvaluation", d.postEvaluations), d.postEvaluations, "post-evaluations")}
${section("attachments", d, "attachments", fit(d.attachments.nodes.map((a) =>
  html`<div>${isWebAddress(a.url) ? html`<p><a href="${a.url}" rel="noopener">${(a.title as string | null) ?? "附件"}</a> <span class="meta">${a.mediaType as string}</span></p>` : html`<p>${(a.title as string | null) ?? "附件"}</p>`}${noticesOf(a)}</div>`), room), d.attachments, "attachments")}
${compliance(d)}`;
}

function publication(decisionId: string, p: PublicRecord): Html {
  const fullText = typeof p.fullText === "string" ? excerpt(p.fullText, FULL_TEXT_SHOWN, `/decisions/${encodeURIComponent(decisionId)}/text`) : [];
  return html`<article><h3>${p.documentNumber as string}（${p.publishedOn as string} 公佈）</h3>
${fullText}
<dl>${field(p, "fullText", "決策全文", () => "見上")}${field(p, "adoptionExplanation", "公眾意見和專家意見採納說明", (v: string) => excerpt(v, FULL_TEXT_SHOWN, `/decisions/${encodeURIComponent(decisionId)}/text?part=adoptionExplanation`))}</dl>${noticesOf(p)}</article>`;
}

function consultation(decisionId: string, c: DecisionView["consultations"]["nodes"][number], today: string, room: Room, form: CommentFormState | undefined): Html {
  const open = c.opensOn <= today && today <= c.closesOn;
  const comments = fit(c.comments.nodes.map((m) => commentItem(m)), room, SECTION_ROOM / 2);
  const more = c.comments.totalCount > comments.length;
  return html`<article id="consultation-${c.id}"><h3>${label("ConsultationMethod", c.method)}：${c.opensOn} 至 ${c.closesOn}</h3>
<p>${open ? html`<strong>正在徵求意見</strong>，截至 ${c.closesOn}。` : c.closesOn < today ? `已於 ${c.closesOn} 結束徵求意見。` : `將於 ${c.opensOn} 開始徵求意見。`}</p>
${recordRenderers.ConsultationFacts!(c, "excerpt")}
${noticesOf(c)}
<h4>公眾意見（${c.comments.totalCount} 條已公開${more ? `，以下為前 ${comments.length} 條` : ""}）</h4>
${comments.length ? html`<details class="fold"><summary>顯示 ${comments.length} 條意見</summary>${comments}</details>` : ""}
${more ? html`<p><a href="/consultations/${encodeURIComponent(c.id!)}/comments">查看全部 ${c.comments.totalCount} 條意見</a></p>` : ""}
${open ? commentForm(decisionId, c.id!, form) : form ? errorSummary(c.id!, form.errors) : ""}</article>`;
}

/** The compliance report in plain words: how many rules hold, which do not, and why. */
function compliance(d: DecisionView): Html {
  const shown = d.compliance.results.filter((r) => r.status !== "NOT_APPLICABLE");
  const count = (status: string) => shown.filter((r) => r.status === status).length;
  const order = ["VIOLATED", "NOT_ASSESSABLE", "PENDING", "SATISFIED"];
  const sorted = [...shown].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  return html`<section aria-labelledby="compliance"><h2 id="compliance">${SECTIONS.compliance}</h2>
<p>按公開的記錄，對照《重大行政決策程序暫行條例》評估（${d.compliance.assessedOn}）：<strong>${label("ComplianceState", d.compliance.state)}</strong>。
適用的 ${shown.length} 項規定中，${count("SATISFIED")} 項符合，${count("VIOLATED")} 項違反，${count("PENDING")} 項尚未到期，${count("NOT_ASSESSABLE")} 項因相關資料依法不予公開而無法評估。</p>
<details class="fold"><summary>逐項評估（${shown.length} 項）</summary><div class="table-wrap" role="region" aria-label="逐項評估" tabindex="0"><table><caption>逐項評估（違反的在前；不適用的規定未列出）</caption><thead><tr><th scope="col">規定</th><th scope="col">結果</th><th scope="col">說明</th></tr></thead><tbody>
${sorted.map((r) => html`<tr><td>${traditional(r.rule.statementZh)}<br><span class="meta">${traditional(chineseCitation(r.rule.article))}</span></td><td>${label("RuleStatus", r.status)}</td><td>${traditional(r.findingZh)}${r.withheld.map(noticeBox)}</td></tr>`)}
</tbody></table></div></details></section>`;
}

/** The decision's long texts, each whole on a page of its own (the decision page shows their beginnings). */
const TEXT_PARTS = { fullText: "決策全文", adoptionExplanation: "公眾意見和專家意見採納說明", summary: "決策摘要" } as const;

/** Characters of a long text on one page (20,000: at most 60 KB of Chinese). */
const TEXT_PAGE = 20_000;

/** One long text of the decision, whole or (the full text, up to 200,000 characters) a page of it; null for a part or page it does not have. */
export function textPage(d: DecisionView, part = "fullText", pageNumber = "1"): { title: string; body: Html } | null {
  if (!Object.hasOwn(TEXT_PARTS, part) || !/^[1-9]\d{0,2}$/.test(pageNumber)) return null;
  const name = part as keyof typeof TEXT_PARTS;
  const value = name === "summary" ? d.summary : d.publication?.[name];
  if (typeof value !== "string") return null;
  const all = pieces(value, TEXT_PAGE);
  const n = Number(pageNumber);
  if (n > all.length) return null;
  const p = d.publication;
  const link = (page: number) => `/decisions/${encodeURIComponent(d.id)}/text?part=${name}&page=${page}`;
  return {
    title: all.length > 1 ? `${TEXT_PARTS[name]}（第 ${n} 頁，共 ${all.length} 頁）` : TEXT_PARTS[name],
    body: html`<p class="meta"><a href="/decisions/${encodeURIComponent(d.id)}">${d.title ?? "返回決策"}</a> › ${TEXT_PARTS[name]}</p>
<h1>${TEXT_PARTS[name]}${all.length > 1 ? `（第 ${n} 頁，共 ${all.length} 頁）` : ""}</h1>
${p && name !== "summary" ? html`<p class="meta">${p.documentNumber as string}，${p.publishedOn as string} 公佈</p>` : ""}
${paragraphs(all[n - 1]!)}
${all.length > 1 ? html`<nav class="pager" aria-label="翻頁">${n > 1 ? html`<a rel="prev" href="${link(n - 1)}">上一頁</a>` : ""}${n < all.length ? html`<a rel="next" href="${link(n + 1)}">下一頁</a>` : ""}</nav>` : ""}
${p && name !== "summary" ? noticesOf(p, [name]) : ""}`,
  };
}
