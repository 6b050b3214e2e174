import { type NoticeRow } from "../../store/record-store.js";
import { type FilePart } from "../decision-file.js";
import { article, byDate, type ComplianceRule, type Evidence, type FileView, notApplicable, notAssessable, pending, type RuleOutcome, satisfied, violated } from "../rule.js";


/**
 * A step required before the deliberation that adopts the decision, done by at least one record
 * holding every required field and dated (`dateField`) no later than that meeting: a record dated
 * after it is no evidence for it. Otherwise not assessable if what could satisfy it is withheld,
 * pending before deliberation and violated after.
 */
function requiredStep(view: FileView, part: FilePart, fields: readonly string[], dateField: string, found: [string, string], absent: [string, string]): RuleOutcome {
  const records = view.records(part);
  const meeting = view.adoptedOn();
  const evidence: Evidence[] = [...records.flatMap((row) => [dateField, ...fields].map((field) => view.evidence(part, row, field))), ...view.adoptingDeliberations().map((row) => view.evidence("deliberations", row, "heldOn"))];
  const withheld: NoticeRow[] = [...view.withheldWhole(part)];
  // With the meetings withheld whole, whether a record came before them cannot be told.
  const hiddenMeetings = meeting === undefined ? view.withheldWhole("deliberations") : [];
  let late: string | undefined;
  let completeButUnordered = false;
  for (const record of records) {
    const { missing, withheld: hidden } = view.missing(record, fields);
    withheld.push(...hidden);
    if (missing.length) continue;
    const dated = String(record[dateField]);
    if (meeting !== undefined && dated > meeting) late ??= dated;
    else if (hiddenMeetings.length) completeButUnordered = true;
    else return satisfied(found, evidence);
  }
  if (completeButUnordered) withheld.push(...hiddenMeetings);
  if (withheld.length) return notAssessable(withheld, evidence);
  if (late) return violated([`${absent[0]}（${late}的记录晚于${meeting}的集体讨论，不能作为其依据）`, `${absent[1]} before the deliberation of ${meeting} (the one dated ${late} came after it).`], evidence);
  return view.deliberated() ? violated(absent, evidence) : pending([`${absent[0]}（决策讨论前应当完成）`, `${absent[1]} (due before deliberation)`], evidence);
}

export const expertArgumentation: ComplianceRule = {
  id: "EXPERT_ARGUMENTATION",
  article: article([19, 1], [19, 2]),
  statement: { zh: "对专业性、技术性较强的决策事项，决策承办单位应当组织专家、专业机构论证其必要性、可行性、科学性等……提供书面论证意见的，应当署名、盖章。", en: "A professional or technical decision has expert argumentation on necessity, feasibility and scientific soundness, with signed opinions." },
  force: "MANDATORY",
  appliesWhen: "The decision is marked professional or technical; an opinion counts only if dated no later than the deliberation that adopts the decision.",
  reads: ["Decision.professionalOrTechnical", "ExpertReview.reviewedOn", "ExpertReview.necessityOpinion", "ExpertReview.feasibilityOpinion", "ExpertReview.soundnessOpinion", "ExpertReview.signed", "Deliberation.heldOn", "Deliberation.outcome"],
  evaluate(view) {
    if (!view.decision.professionalOrTechnical) return notApplicable(["决策事项未标注为专业性、技术性较强。", "The decision is not marked professional or technical."]);
    return requiredStep(
      view,
      "expert_reviews",
      ["necessityOpinion", "feasibilityOpinion", "soundnessOpinion", "signed"],
      "reviewedOn",
      ["专家论证意见涵盖必要性、可行性、科学性并经签字。", "An expert opinion covers necessity, feasibility and soundness, and is signed."],
      ["没有涵盖必要性、可行性、科学性并经签字的专家论证意见。", "No signed expert opinion covering necessity, feasibility and soundness."],
    );
  },
};

export const riskAssessed: ComplianceRule = {
  id: "RISK_ASSESSED",
  article: article([22, 1], [23, 2]),
  statement: { zh: "重大行政决策的实施可能对社会稳定、公共安全等方面造成不利影响的，决策承办单位或者负责风险评估工作的其他单位应当组织评估决策草案的风险可控性。……开展风险评估，应当听取有关部门的意见，形成风险评估报告，明确风险点，提出风险防范措施和处置预案。", en: "A decision that may affect social stability or public safety has a risk assessment stating risk points, measures and a contingency plan." },
  force: "MANDATORY",
  appliesWhen: "The decision is marked as possibly affecting social stability or public safety; a report counts only if dated no later than the deliberation that adopts the decision.",
  reads: ["Decision.affectsStabilityOrSafety", "RiskAssessment.assessedOn", "RiskAssessment.riskPoints", "RiskAssessment.measures", "RiskAssessment.contingencyPlan", "Deliberation.heldOn", "Deliberation.outcome"],
  evaluate(view) {
    if (!view.decision.affectsStabilityOrSafety) return notApplicable(["决策事项未标注为可能影响社会稳定、公共安全。", "The decision is not marked as affecting social stability or public safety."]);
    return requiredStep(
      view,
      "risk_assessments",
      ["riskPoints", "measures", "contingencyPlan"],
      "assessedOn",
      ["风险评估报告载明风险点、防范措施和处置预案。", "A risk report states risk points, measures and a contingency plan."],
      ["没有载明风险点、防范措施和处置预案的风险评估报告。", "No risk report stating risk points, measures and a contingency plan."],
    );
  },
};


export const uncontrollableRisk: ComplianceRule = {
  id: "UNCONTROLLABLE_RISK",
  article: article([24]),
  statement: { zh: "决策机关认为风险可控的，可以作出决策；认为风险不可控的，在采取调整决策草案等措施确保风险可控后，可以作出决策。", en: "No decision on an uncontrollable risk until the draft is changed so that the risk is controllable." },
  force: "MANDATORY",
  appliesWhen: "The decision has a risk assessment.",
  reads: ["RiskAssessment.assessedOn", "RiskAssessment.controllability", "Deliberation.heldOn", "Deliberation.outcome"],
  evaluate(view) {
    const assessments = [...view.records("risk_assessments")].sort(byDate("assessedOn"));
    const meetings = view.adoptingDeliberations();
    const evidence = [...assessments.flatMap((row) => ["assessedOn", "controllability"].map((field) => view.evidence("risk_assessments", row, field))), ...meetings.map((row) => view.evidence("deliberations", row, "heldOn"))];
    const withheld = view.withheldWhole("risk_assessments");
    // Which assessment was the latest cannot be told while one is withheld whole.
    if (withheld.length) return notAssessable(withheld, evidence);
    if (assessments.length === 0) return notApplicable(["没有风险评估。", "No risk assessment."]);
    for (const meeting of meetings) {
      const latest = assessments.filter((row) => String(row.assessedOn) <= String(meeting.heldOn)).at(-1);
      if (latest?.controllability === "UNCONTROLLABLE") return violated([`${meeting.heldOn}作出决策时，最近的风险评估（${latest.assessedOn}）结论为风险不可控。`, `Decided on ${meeting.heldOn} while the latest risk assessment (${latest.assessedOn}) found the risk uncontrollable.`], evidence);
    }
    const hiddenMeetings = view.withheldWhole("deliberations");
    if (hiddenMeetings.length && assessments.some((row) => row.controllability === "UNCONTROLLABLE")) return notAssessable(hiddenMeetings, evidence);
    if (meetings.length === 0 && assessments.at(-1)!.controllability === "UNCONTROLLABLE") return pending(["风险不可控：须调整决策草案并重新评估后方可作出决策。", "Risk uncontrollable: the draft must be changed and reassessed before a decision."], evidence);
    return satisfied(["未在风险不可控时作出决策。", "No decision was taken on an uncontrollable risk."], evidence);
  },
};
