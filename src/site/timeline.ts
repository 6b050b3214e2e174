import { type DecisionView, type PublicRecord } from "./decision.query.js";
import { SECTIONS, STAGE_SECTION } from "./decision.sections.js";
import { html, type Html } from "./html.js";
import { label, valuesOf } from "./labels.js";

type Event = { on: string; text: string };

const events = (items: PublicRecord[], on: string, text: (item: PublicRecord) => string): Event[] =>
  items.filter((item) => item[on]).map((item) => ({ on: item[on] as string, text: text(item) }));

/** What happened at each stage, from the records the public may see. */
function stageEvents(d: DecisionView): Record<string, Event[]> {
  return {
    INITIATION: [
      { on: d.initiatedOn, text: "決策啟動" },
      ...(d.catalogPublishedOn ? [{ on: d.catalogPublishedOn, text: "列入決策事項目錄並公佈" }] : []),
    ],
    PUBLIC_PARTICIPATION: d.consultations.nodes.map((c) => ({ on: c.opensOn, text: `${label("ConsultationMethod", c.method)}（${c.opensOn} 至 ${c.closesOn}）` })),
    EXPERT_ARGUMENTATION: events(d.expertReviews.nodes, "reviewedOn", (e) => `專家論證：${label("ExpertReviewMethod", e.method as string)}`),
    RISK_ASSESSMENT: events(d.riskAssessments.nodes, "assessedOn", (r) => `風險評估：風險等級${label("RiskLevel", r.overallLevel as string)}`),
    LEGALITY_REVIEW: d.legalityReviews.nodes.flatMap((l) => [
      { on: l.submittedOn as string, text: `送交${l.reviewingBody.name}合法性審查` },
      ...(l.completedOn ? [{ on: l.completedOn as string, text: `審查結果：${label("LegalityResult", l.result as string)}` }] : []),
    ]),
    DELIBERATION: events(d.deliberations.nodes, "heldOn", (m) => `集體討論：${label("DeliberationOutcome", m.outcome as string)}`),
    PUBLICATION: d.publication ? [{ on: d.publication.publishedOn as string, text: `公佈決策（${d.publication.documentNumber as string}）` }] : [],
    IMPLEMENTATION: events(d.implementationReports.nodes, "reportedOn", (r) => label("ImplementationReportKind", r.kind as string)),
    POST_EVALUATION: events(d.postEvaluations.nodes, "evaluatedOn", (e) => `決策後評估：建議${label("EvaluationRecommendation", e.recommendation as string)}`),
  };
}

/** The procedure's nine stages in order: done, current (目前階段), still ahead (尚未進行); each links to its section. */
export function timeline(d: DecisionView): Html {
  const stages = valuesOf("DecisionStage");
  const current = stages.findIndex(([stage]) => stage === d.stage);
  const happened = stageEvents(d);
  return html`<section aria-labelledby="procedure"><h2 id="procedure">${SECTIONS.procedure}</h2>
<ol class="timeline">${stages.map(([stage, name], i) => {
    const state = i < current ? "done" : i === current ? "current" : "ahead";
    const list = [...(happened[stage] ?? [])].sort((a, b) => a.on.localeCompare(b.on));
    return html`<li class="${state}"${state === "current" ? html` aria-current="step"` : ""}><a href="#${STAGE_SECTION[stage] ?? "procedure"}">${name}</a> <span class="meta">${state === "current" ? "（目前階段）" : state === "ahead" ? "（尚未進行）" : ""}</span>
${list.length ? html`<ul>${list.map((e) => html`<li><time datetime="${e.on}">${e.on}</time> ${e.text}</li>`)}</ul>` : state === "done" ? html`<p class="meta">無公開記錄。</p>` : ""}</li>`;
  })}</ol></section>`;
}
