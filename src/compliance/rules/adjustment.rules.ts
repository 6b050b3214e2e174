import { GOVERNMENT_MEETINGS } from "../../deliberations/deliberation.table.js";
import { ADJUSTMENT_KINDS, ART_35_CIRCUMSTANCES } from "../../implementation/implementation-report.table.js";
import { article, byDate, type ComplianceRule, notApplicable, notAssessable, satisfied, violated } from "../rule.js";

const KIND_ZH: Record<string, string> = { ADJUSTMENT: "变更", SUSPENSION: "中止执行", TERMINATION: "停止执行" };

export const adjustedByStatutoryProcedure: ComplianceRule = {
  id: "ADJUSTED_BY_STATUTORY_PROCEDURE",
  article: article([35, 1], [37]),
  statement: {
    zh: "依法作出的重大行政决策，未经法定程序不得随意变更或者停止执行；执行中出现本条例第三十五条规定的情形、情况紧急的，决策机关行政首长可以先决定中止执行；需要作出重大调整的，应当依照本条例履行相关法定程序。（本服务据此核查：变更或者停止执行前，决策机关已再次集体讨论通过；行政首长先决定中止执行的，记录了第三十五条第一款规定的情形。）",
    en: "A decision is changed or stopped only after the deciding body deliberated again (an executive or plenary meeting, after the one that adopted it, on or before the day the change was decided); a suspension is lawful when the head decided it in a circumstance of art. 35(1) on record, or after such a deliberation.",
  },
  force: "MANDATORY",
  appliesWhen: "The decision has implementation reports of a change, suspension or stop (ADJUSTMENT, SUSPENSION, TERMINATION); each is judged on the day it was decided (decidedOn, or else reportedOn).",
  reads: ["ImplementationReport.kind", "ImplementationReport.reportedOn", "ImplementationReport.decidedOn", "ImplementationReport.circumstance", "ImplementationReport.procedure", "Deliberation.bodyKind", "Deliberation.heldOn", "Deliberation.outcome"],
  evaluate(view) {
    const reports = view.records("implementation_reports").filter((row) => ADJUSTMENT_KINDS.has(String(row.kind))).sort(byDate("reportedOn"));
    const meetings = view.adoptingDeliberations();
    const evidence = [
      ...reports.flatMap((row) => ["kind", "reportedOn", "decidedOn", "circumstance", "procedure"].map((field) => view.evidence("implementation_reports", row, field))),
      ...meetings.flatMap((row) => ["bodyKind", "heldOn"].map((field) => view.evidence("deliberations", row, field))),
    ];
    const hiddenReports = view.withheldWhole("implementation_reports");
    if (reports.length === 0) {
      if (hiddenReports.length) return notAssessable(hiddenReports, evidence);
      return notApplicable(["没有变更、中止或者停止执行的记录。", "No change, suspension or stop on record."], evidence);
    }
    const adoptedOn = view.adoptedOn();
    for (const report of reports) {
      const kind = String(report.kind);
      const day = String(report.decidedOn ?? report.reportedOn);
      // The statutory procedure shows as the deciding body deliberating again, after adopting the decision and by the day of the change.
      const again = adoptedOn === undefined ? undefined : meetings.find((row) => GOVERNMENT_MEETINGS.has(String(row.bodyKind)) && String(row.heldOn) > adoptedOn && String(row.heldOn) <= day);
      if (again) continue;
      if (kind === "SUSPENSION" && report.procedure === "HEAD_DECIDED") {
        if (ART_35_CIRCUMSTANCES.has(String(report.circumstance))) continue;
        return violated([`${day}行政首长先决定中止执行，但未记录第三十五条第一款规定的情形（决策存在问题、客观情况发生重大变化或者不可抗力）。`, `Suspended on ${day} by the head with no circumstance of art. 35(1) recorded (a problem, a material change, force majeure).`], evidence);
      }
      if (view.withheldWhole("deliberations").length) return notAssessable(view.withheldWhole("deliberations"), evidence);
      if (kind === "SUSPENSION") return violated([`${day}中止执行，既未记录由行政首长在第三十五条规定的情形下先决定，此前也没有决策机关再次集体讨论。`, `Suspended on ${day}, neither recorded as the head's decision in an art. 35 circumstance nor preceded by a new deliberation of the deciding body.`], evidence);
      return violated([`${day}${KIND_ZH[kind]}，此前没有决策机关常务会议或者全体会议再次讨论通过（未经法定程序不得随意变更或者停止执行）。`, `${kind === "ADJUSTMENT" ? "Changed" : "Stopped"} on ${day} with no new deliberation of the deciding body's executive or plenary meeting before it.`], evidence);
    }
    if (hiddenReports.length) return notAssessable(hiddenReports, evidence);
    return satisfied(["每次变更、停止执行均经决策机关再次集体讨论；中止执行由行政首长在第三十五条规定的情形下先决定或经再次集体讨论。", "Each change or stop followed a new deliberation of the deciding body; each suspension was the head's in an art. 35 circumstance, or followed one."], evidence);
  },
};
