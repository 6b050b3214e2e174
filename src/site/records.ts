import { NOTICE_FRAGMENT, type PublicRecord, VILLAGE_CONSULTATION_FIELDS } from "./decision.query.js";
import { html, type Html } from "./html.js";
import { fieldLabel, label } from "./labels.js";
import { field, noticesOf } from "./notices.js";
import { excerpt, paragraphs } from "./text.js";

/**
 * Characters of a record's long texts shown on the decision page, and on the record's own page;
 * each text whole has a page of its own. A text holds at most 20,000 characters (the API's limit),
 * so that every page stays under 100 KB.
 */
const SHOWN: Record<Extent, number> = { excerpt: 300, page: 3_000 };

/** Where a record is shown, and where one of its texts is shown whole. */
export const recordPath = (record: PublicRecord): string => `/records/${encodeURIComponent(record.id!)}`;
const textPath = (record: PublicRecord, name: string): string => `${recordPath(record)}/${encodeURIComponent(name)}`;

/** Whether a record is shown on the decision page or on its own page. */
export type Extent = "excerpt" | "page";

const cut = (record: PublicRecord, name: string, value: string, extent: Extent): Html[] =>
  excerpt(value, SHOWN[extent], extent === "excerpt" ? recordPath(record) : textPath(record, name));

/** A long text field, cut short with a link: on the decision page to the record's page, there to the text's own. */
export function textField(record: PublicRecord, name: string, term: string, extent: Extent): Html {
  return field(record, name, term, (value: string) => cut(record, name, value, extent));
}

/** Stakeholder groups, by their Chinese names. */
export const groups = (values: unknown) => (Array.isArray(values) && values.length ? (values as string[]).map((v) => label("StakeholderCategory", v)).join("、") : "");

/** A record's own block: its heading, its fields, then what of it is withheld. */
function block(heading: Html | string, item: PublicRecord, fields: (Html | string)[], extent: Extent, after: Html | string = ""): Html {
  const title = extent === "page" ? html`<h1>${heading}</h1>` : html`<h3>${heading}</h3>`;
  return html`<article>${title}<dl>${fields}</dl>${after}${noticesOf(item)}</article>`;
}

type Renderer = (record: PublicRecord, extent: Extent) => Html;

/** A villagers' or residents' meeting's attendance and votes, when recorded: what its quorum and majority are judged by. */
function attendance(m: PublicRecord): Html | string {
  if (m.entitledCount == null && m.presentCount == null && m.votesFor == null) return "";
  const unit = m.countedByHousehold ? "戶" : "人";
  const counts = [m.entitledCount != null ? `應到${m.entitledCount as number}${unit}` : "", m.presentCount != null ? `實到${m.presentCount as number}${unit}` : "", m.votesFor != null ? `贊成${m.votesFor as number}票` : ""].filter(Boolean).join("，");
  return html`<dt>出席與表決</dt><dd>${counts}</dd>`;
}

/** Each kind of record the decision page lists, as the decision page and the record's own page show it. */
export const recordRenderers: Record<string, Renderer> = {
  BasisItem: (b, x) => block(`${label("BasisKind", b.kind as string)}：${(b.title as string | null) ?? "（依法不予公開）"}`, b, [textField(b, "citation", "出處", x), textField(b, "content", "內容", x)], x),
  ConsultationFacts: (c, x) =>
    html`<dl>${textField(c, "shortPeriodReason", "徵求意見期限少於30日的理由", x)}${groups(c.consultedGroups) ? html`<dt>聽取意見的群體</dt><dd>${groups(c.consultedGroups)}</dd>` : ""}
${textField(c, "place", "地點", x)}${textField(c, "participants", "參加人員", x)}${field(c, "participantsPublishedOn", "參加人員公佈日期")}${field(c, "materialsProvidedOn", "向參加人提供材料日期")}
${field(c, "participantCount", "參加人數")}${textField(c, "summary", "情況摘要", x)}${textField(c, "adoptionFeedback", "意見採納情況", x)}</dl>`,
  ExpertReview: (e, x) =>
    block(`${label("ExpertReviewMethod", e.method as string)}（${e.reviewedOn as string}）`, e, [
      html`<dt>論證方</dt><dd>${label("ReviewerKind", e.reviewerKind as string)}</dd>`,
      field(e, "reviewerName", "論證專家或機構"),
      textField(e, "necessityOpinion", "必要性意見", x),
      textField(e, "feasibilityOpinion", "可行性意見", x),
      textField(e, "soundnessOpinion", "科學性意見", x),
      textField(e, "conclusion", "結論", x),
      html`<dt>簽名或蓋章</dt><dd>${e.signed ? "有" : "無"}</dd>`,
    ], x),
  RiskAssessment: (r, x) => {
    const findings = (r.findings as PublicRecord[] | undefined) ?? [];
    const table = findings.length
      ? html`<div class="table-wrap" role="region" aria-label="各方面的評估" tabindex="0"><table><caption>各方面的評估</caption><thead><tr><th scope="col">方面</th><th scope="col">等級</th><th scope="col">評估結論</th></tr></thead><tbody>${findings.map(
          (f) => html`<tr><td>${label("RiskDimension", f.dimension as string)}</td><td>${label("RiskLevel", f.level as string)}</td><td>${typeof f.findings === "string" ? cut(r, `findings.${f.dimension as string}`, f.findings, x) : f.withheld.length ? "依法不予公開" : ""}${noticesOf(f)}</td></tr>`,
        )}</tbody></table></div>`
      : "";
    return block(`風險評估（${r.assessedOn as string}）`, r, [
      html`<dt>風險等級</dt><dd>${label("RiskLevel", r.overallLevel as string)}</dd>`,
      html`<dt>可控程度</dt><dd>${label("RiskControllability", r.controllability as string)}</dd>`,
      field(r, "assessor", "評估機構"),
      textField(r, "riskPoints", "風險點", x),
      textField(r, "measures", "防範化解措施", x),
      textField(r, "contingencyPlan", "應急預案", x),
      textField(r, "conclusion", "結論", x),
    ], x, table);
  },
  LegalityReview: (l, x) =>
    block(`${(l.reviewingBody as { name: string }).name}審查（${l.submittedOn as string} 送審）`, l, [
      html`<dt>審查結果</dt><dd>${l.result ? label("LegalityResult", l.result as string) : "審查中"}</dd>`,
      field(l, "dueOn", "應完成日期"),
      field(l, "meetingScheduledOn", "擬提交會議日期"),
      field(l, "completedOn", "完成日期"),
      textField(l, "opinion", "審查意見", x),
    ], x),
  Deliberation: (m, x) =>
    block(`${(m.meeting as string | null) ?? "集體討論"}（${m.heldOn as string}）`, m, [
      html`<dt>會議類型</dt><dd>${label("DeliberationBodyKind", m.bodyKind as string)}</dd>`,
      html`<dt>結果</dt><dd>${label("DeliberationOutcome", m.outcome as string)}</dd>`,
      attendance(m),
      textField(m, "dissent", "不同意見", x),
    ], x),
  ImplementationReport: (r, x) =>
    block(`${label("ImplementationReportKind", r.kind as string)}（${r.reportedOn as string}）`, r, [
      field(r, "decidedOn", "決定日期"),
      r.circumstance ? html`<dt>情形</dt><dd>${label("AdjustmentCircumstance", r.circumstance as string)}</dd>` : "",
      r.procedure && r.procedure !== "NONE_RECORDED" ? html`<dt>決定程序</dt><dd>${label("AdjustmentProcedure", r.procedure as string)}</dd>` : "",
      textField(r, "reason", "理由", x),
      textField(r, "content", "內容", x),
    ], x),
  VillageConsultation: (c, x) => {
    const committee = (c.committee as PublicRecord[] | undefined) ?? [];
    const steps = (c.steps as PublicRecord[] | undefined) ?? [];
    const committeeTable = committee.length
      ? html`<div class="table-wrap" role="region" aria-label="協商委員會" tabindex="0"><table><caption>協商委員會（1+N+X）</caption><thead><tr><th scope="col">成員</th><th scope="col">人數</th><th scope="col">姓名</th></tr></thead><tbody>${committee.map(
          (m) => html`<tr><td>${label("VillageCommitteeRole", m.role as string)}</td><td>${String(m.memberCount)}</td><td>${typeof m.names === "string" ? m.names : m.withheld.length ? "依法不予公開" : ""}${noticesOf(m)}</td></tr>`,
        )}</tbody></table></div>`
      : "";
    const stepList = steps.length
      ? html`<h4>五步五單</h4><ol>${steps.map((s, i) => html`<li>${label("VillageConsultationStepKind", s.step as string)}（${s.takenOn as string}）${typeof s.list === "string" ? cut(c, `steps.${i}`, s.list, x) : ""}${noticesOf(s)}</li>`)}</ol>`
      : "";
    return block(`${label("VillageConsultationLevel", c.level as string)}協商（${c.startedOn as string} 起）`, c, [
      textField(c, "matter", "協商事項", x),
      (c.region as { name: string } | null) ? html`<dt>地點</dt><dd>${(c.region as { name: string }).name}</dd>` : "",
      field(c, "charter", "協商委員會章程和議事流程"),
      field(c, "catalogueItem", "協商共治目錄"),
      field(c, "meetingCount", "協商會議次數"),
      textField(c, "result", "協商結果", x),
      c.rating ? html`<dt>群眾評議</dt><dd>${label("VillageConsultationRating", c.rating as string)}</dd>` : "",
      textField(c, "evaluation", "評議意見", x),
    ], x, html`${committeeTable}${stepList}`);
  },
  PostEvaluation: (e, x) =>
    block(`決策後評估（${e.evaluatedOn as string}）`, e, [field(e, "evaluator", "評估機構"), textField(e, "findings", "評估結論", x), html`<dt>建議</dt><dd>${label("EvaluationRecommendation", e.recommendation as string)}</dd>`], x),
};


/**
 * One record whole, found by its global id; each kind asks for the fields its renderer shows. Fields
 * of one name and different types on different kinds are asked under other names (GraphQL would
 * refuse the query) and put back by `asRendered`.
 */
export const RECORD_QUERY = `${NOTICE_FRAGMENT}
query Record($id: ID!) { node(id: $id) { __typename id
  ... on BasisItem { kind title citation content withheld { ...notice } decision { id title } }
  ... on Consultation { consultationMethod: method opensOn closesOn shortPeriodReason place participants participantCount consultedGroups materialsProvidedOn participantsPublishedOn summary adoptionFeedback withheld { ...notice } decision { id title } }
  ... on ExpertReview { reviewerKind reviewerName method reviewedOn necessityOpinion feasibilityOpinion soundnessOpinion conclusion signed withheld { ...notice } decision { id title } }
  ... on RiskAssessment { assessor assessedOn overallLevel controllability riskPoints measures contingencyPlan conclusion withheld { ...notice } riskFindings: findings { dimension level findings withheld { ...notice } } decision { id title } }
  ... on LegalityReview { submittedOn dueOn meetingScheduledOn completedOn result opinion reviewingBody { name } withheld { ...notice } decision { id title } }
  ... on Deliberation { meeting bodyKind heldOn outcome dissent entitledCount countedByHousehold presentCount votesFor withheld { ...notice } decision { id title } }
  ... on ImplementationReport { reportKind: kind reportedOn decidedOn circumstance procedure content reason withheld { ...notice } decision { id title } }
  ... on VillageConsultation { ${VILLAGE_CONSULTATION_FIELDS.replace(/^id /, "").replace(" result ", " consultationResult: result ")} decision { id title } }
  ... on PostEvaluation { evaluator evaluatedOn findings recommendation withheld { ...notice } decision { id title } }
} }`;

/** A record's page: the record whole, under its decision; null for an id that is none of these. */
const RENAMED: Record<string, string> = { consultationMethod: "method", riskFindings: "findings", reportKind: "kind", consultationResult: "result" };

function asRendered<T extends PublicRecord>(record: T): T {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [RENAMED[key] ?? key, value])) as T;
}

export function recordPage(found: (PublicRecord & { __typename: string; decision?: { id: string; title: string | null } }) | null): { title: string; body: Html } | null {
  if (!found?.decision) return null;
  const record = asRendered(found);
  const { decision } = found;
  const back = html`<p class="meta"><a href="/decisions/${encodeURIComponent(decision.id)}">${decision.title ?? "返回決策"}</a></p>`;
  if (record.__typename === "Consultation") {
    const title = `${label("ConsultationMethod", record.method as string)}：${record.opensOn as string} 至 ${record.closesOn as string}`;
    return { title, body: html`${back}<h1>${title}</h1>${recordRenderers.ConsultationFacts!(record, "page")}${noticesOf(record)}<p><a href="/consultations/${encodeURIComponent(record.id!)}/comments">公眾意見</a></p>` };
  }
  const render = recordRenderers[record.__typename];
  if (!render) return null;
  return { title: kindName(record.__typename), body: html`${back}${render(record, "page")}` };
}

const kindName = (typeName: string) => label("RecordKind", typeName.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase());

/** The record fields that hold long texts, each of which has a page of its own. */
const LONG_TEXTS = new Set(["citation", "content", "reason", "shortPeriodReason", "place", "participants", "summary", "adoptionFeedback", "necessityOpinion", "feasibilityOpinion", "soundnessOpinion", "conclusion", "riskPoints", "measures", "contingencyPlan", "opinion", "dissent", "findings", "matter", "result", "evaluation", "steps"]);

/** The long text of one entry of a record's list: a risk finding's by dimension, a consultation step's list by position. */
function entryText(record: PublicRecord, fieldName: string, key: string): { value: unknown; term: string } {
  if (fieldName === "steps") {
    const step = ((record.steps as PublicRecord[] | undefined) ?? [])[Number(key)];
    return { value: /^\d+$/.test(key) ? step?.list : undefined, term: `${label("VillageConsultationStepKind", step?.step as string)}：${fieldLabel("list")}` };
  }
  const finding = ((record.findings as PublicRecord[] | undefined) ?? []).find((f) => f.dimension === key);
  return { value: fieldName === "findings" ? finding?.findings : undefined, term: `${label("RiskDimension", key)}：${fieldLabel("findings")}` };
}

/** One long text of a record, whole (`findings.SOCIAL_STABILITY`: a risk finding's, `steps.0`: a consultation step's list); null for any other name. */
export function recordTextPage(found: Parameters<typeof recordPage>[0], name: string): { title: string; body: Html } | null {
  if (!found?.decision) return null;
  const record = asRendered(found);
  const [fieldName, key] = name.split(".");
  const entry = key !== undefined ? entryText(record, fieldName!, key) : undefined;
  const value = entry ? entry.value : record[fieldName!];
  if (!LONG_TEXTS.has(fieldName!) || typeof value !== "string") return null;
  const term = entry ? entry.term : fieldLabel(fieldName!);
  const title = `${kindName(record.__typename)}：${term}`;
  return {
    title,
    body: html`<p class="meta"><a href="/decisions/${encodeURIComponent(found.decision.id)}">${found.decision.title ?? "返回決策"}</a> › <a href="${recordPath(record)}">${kindName(record.__typename)}</a></p>
<h1>${title}</h1>${paragraphs(value)}`,
  };
}
