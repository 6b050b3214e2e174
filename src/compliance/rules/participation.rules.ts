import { addDays, chinaDate, COMMENT_PERIOD_DAYS, commentPeriodDays } from "../working-days.js";
import { article, byDate, type ComplianceRule, type Evidence, notApplicable, notAssessable, pending, reasonNotInTime, satisfied, violated } from "../rule.js";


export const catalogListed: ComplianceRule = {
  id: "CATALOG_LISTED",
  article: article([3, 3]),
  statement: {
    zh: "决策机关可以根据本条第一款的规定，结合职责权限和本地实际，确定决策事项目录、标准，经同级党委同意后向社会公布，并根据实际情况调整。",
    en: "The deciding body may set a catalogue of decision matters and publish it. A decision listed in a published catalogue satisfies the rule; one not listed breaches nothing (可以: may).",
  },
  force: "ADVISORY",
  appliesWhen: "Every decision; never a violation, and not counted in the overall state.",
  reads: ["Decision.catalogYear", "Decision.catalogNumber", "Decision.catalogPublishedOn", "Decision.stage"],
  evaluate(view) {
    const d = view.decision;
    const evidence = ["catalogYear", "catalogNumber", "catalogPublishedOn"].map((field) => view.evidence("decisions", d, field));
    if (d.catalogPublishedOn) return satisfied([`列入${d.catalogYear}年决策事项目录第${d.catalogNumber}项，目录于${d.catalogPublishedOn}公布。`, `Item ${d.catalogNumber} of the ${d.catalogYear} catalogue, published on ${d.catalogPublishedOn}.`], evidence);
    return notApplicable(["未记录载明该事项的决策事项目录的公布日期；第三条第三款为“可以”，不构成违反。", "No published catalogue listing the decision is recorded; art. 3(3) says the body may publish one, so this is no breach."], evidence);
  },
};

export const publicHeard: ComplianceRule = {
  id: "PUBLIC_HEARD",
  article: article([14, 1]),
  statement: { zh: "决策承办单位应当采取便于社会公众参与的方式充分听取意见，依法不予公开的决策事项除外。", en: "The public is heard, in some way it can take part in, before the draft goes to deliberation; a matter withheld by law is excepted." },
  force: "MANDATORY",
  appliesWhen: "Every decision not withheld by law; due at its first deliberation.",
  reads: ["Consultation.method", "Consultation.opensOn", "Deliberation.heldOn", "Decision.stage"],
  evaluate(view) {
    // The exception of art. 14(1): only staff ever see a decision withheld whole.
    if (view.file.hiddenFromPublic.has(`${view.decision.id}:*`)) return notApplicable(["决策事项依法不予公开，适用第十四条第一款除外规定。", "The matter is withheld by law, which art. 14(1) excepts."]);
    const consultations = [...view.records("consultations")].sort(byDate("opensOn"));
    const meetings = view.deliberations();
    const evidence = [...consultations.flatMap((row) => ["method", "opensOn"].map((field) => view.evidence("consultations", row, field))), ...meetings.map((row) => view.evidence("deliberations", row, "heldOn"))];
    const firstMeeting = meetings[0]?.heldOn as string | undefined;
    const heard = consultations.find((row) => firstMeeting === undefined || String(row.opensOn) < firstMeeting);
    if (heard) return satisfied([`${heard.opensOn}起听取公众意见（${heard.method}），早于集体讨论。`, `The public was heard from ${heard.opensOn} (${heard.method}), before the deliberation.`], evidence);
    const withheld = [...view.withheldWhole("consultations"), ...(consultations.length ? view.withheldWhole("deliberations") : [])];
    if (withheld.length) return notAssessable(withheld, evidence);
    if (!view.deliberated()) return pending(["尚未听取公众意见（集体讨论前应当听取）。", "The public has not been heard yet (due before deliberation)."], evidence);
    if (consultations.length) return violated([`公众参与（${consultations[0]!.opensOn}起）晚于集体讨论（${firstMeeting}）。`, `The public was heard only from ${consultations[0]!.opensOn}, after the deliberation of ${firstMeeting}.`], evidence);
    return violated(["已集体讨论，但没有任何公众参与的记录。", "Deliberated with no public participation on record."], evidence);
  },
};

export const affectedGroupsHeard: ComplianceRule = {
  id: "AFFECTED_GROUPS_HEARD",
  article: article([14, 3]),
  statement: { zh: "决策事项涉及特定群体利益的，决策承办单位应当与相关人民团体、社会组织以及群众代表进行沟通协商，充分听取相关群体的意见建议。", en: "Groups whose interests the decision specially affects are heard." },
  force: "MANDATORY",
  appliesWhen: "The decision names specially affected groups.",
  reads: ["Decision.speciallyAffectedGroups", "Decision.stage", "Consultation.consultedGroups"],
  evaluate(view) {
    const groups = view.decision.speciallyAffectedGroups as string[];
    if (groups.length === 0) return notApplicable(["决策未载明涉及利益的特定群体。", "The decision names no specially affected group."]);
    const consultations = view.records("consultations");
    const heard = new Set(consultations.flatMap((row) => row.consultedGroups as string[]));
    const unheard = groups.filter((group) => !heard.has(group));
    const evidence = [view.evidence("decisions", view.decision, "speciallyAffectedGroups"), ...consultations.map((row) => view.evidence("consultations", row, "consultedGroups"))];
    if (unheard.length === 0) return satisfied(["涉及的特定群体均已听取意见。", "Every specially affected group was heard."], evidence);
    const withheld = view.withheldWhole("consultations");
    if (withheld.length) return notAssessable(withheld, evidence);
    if (!view.deliberated()) return pending([`尚未听取：${unheard.join("、")}（决策讨论前应当听取）。`, `Not heard yet: ${unheard.join(", ")} (due before deliberation).`], evidence);
    return violated([`已集体讨论，但没有听取以下群体意见的记录：${unheard.join("、")}。`, `Deliberated, and no consultation on record heard: ${unheard.join(", ")}.`], evidence);
  },
};

export const commentPeriod: ComplianceRule = {
  id: "COMMENT_PERIOD",
  article: article([15, 1]),
  statement: { zh: "公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明。", en: "A public comment period lasts at least 30 days, or is shorter with its reason stated by the day it opens." },
  force: "GENERAL",
  appliesWhen: "The decision has an online comment period.",
  reads: ["Consultation.method", "Consultation.opensOn", "Consultation.closesOn", "Consultation.shortPeriodReason", "Consultation.shortPeriodReasonStatedOn"],
  evaluate(view) {
    const periods = view.records("consultations").filter((row) => row.method === "ONLINE_COMMENT");
    const evidence: Evidence[] = periods.flatMap((row) => ["opensOn", "closesOn", "shortPeriodReason", "shortPeriodReasonStatedOn"].map((field) => view.evidence("consultations", row, field)));
    for (const row of periods) {
      const length = commentPeriodDays(row.opensOn as string, row.closesOn as string);
      if (length >= COMMENT_PERIOD_DAYS) continue;
      const statedOn = row.shortPeriodReasonStatedOn as string | null;
      // A reason written after the period opened does not make it lawful: the call itself must give it.
      const fault = reasonNotInTime(row.shortPeriodReason, statedOn, row.opensOn as string);
      if (fault === "missing") return violated([`征求意见期限${length}日，少于30日且未说明理由。`, `A comment period of ${length} days, under 30, gives no reason.`], evidence);
      if (fault === "undated") return violated([`征求意见期限${length}日，少于30日；缩短理由的说明日期未记录，无法表明于征求意见时说明。`, `A comment period of ${length} days, under 30: the day its reason was stated is not recorded, so it is not shown to have been given when the period opened.`], evidence);
      if (fault === "late") return violated([`征求意见期限${length}日，少于30日；缩短理由于${statedOn}说明，晚于征求意见开始之日（${row.opensOn}）。`, `A comment period of ${length} days, under 30: its reason was stated on ${statedOn}, after the period opened on ${row.opensOn}.`], evidence);
    }
    const withheld = view.withheldWhole("consultations");
    if (withheld.length) return notAssessable(withheld, evidence);
    if (periods.length === 0) return notApplicable(["未公开征求意见。", "No online comment period."]);
    return satisfied(["征求意见期限不少于30日，或于征求意见开始时已说明缩短理由。", "Every comment period lasts 30 days, or gave its reason for being shorter by the day it opened."], evidence);
  },
};

export const hearingNotice: ComplianceRule = {
  id: "HEARING_NOTICE",
  article: article([16, 3]),
  statement: { zh: "听证参加人名单应当提前向社会公布。听证会材料应当于召开听证会7日前送达听证参加人。", en: "Hearing participants are published in advance, and get the materials at least 7 days before the hearing." },
  force: "MANDATORY",
  appliesWhen: "The decision has a hearing.",
  reads: ["Consultation.method", "Consultation.opensOn", "Consultation.materialsProvidedOn", "Consultation.participantsPublishedOn"],
  evaluate(view, today) {
    const hearings = view.records("consultations").filter((row) => row.method === "HEARING");
    const evidence = hearings.flatMap((row) => ["opensOn", "materialsProvidedOn", "participantsPublishedOn"].map((field) => view.evidence("consultations", row, field)));
    const late: string[] = [];
    const due: string[] = [];
    for (const hearing of hearings) {
      const day = hearing.opensOn as string;
      const checks = [
        { recorded: hearing.materialsProvidedOn as string | null, deadline: addDays(day, -7), what: "materials" },
        { recorded: hearing.participantsPublishedOn as string | null, deadline: addDays(day, -1), what: "participants" },
      ];
      for (const { recorded, deadline, what } of checks) {
        if (recorded ? recorded > deadline : today > deadline) late.push(`${what} (${day})`);
        else if (!recorded) due.push(deadline);
      }
    }
    if (late.length) return violated([`听证通知不及时：${late.join("、")}。`, `Hearing notice late or missing: ${late.join(", ")}.`], evidence);
    if (due.length) {
      const next = due.sort()[0]!;
      return pending([`听证材料或参加人名单应于${next}前送达或公布。`, `Hearing materials or participants are due by ${next}.`], evidence, { reassessOn: addDays(next, 1) });
    }
    const withheld = view.withheldWhole("consultations");
    if (withheld.length) return notAssessable(withheld, evidence);
    if (hearings.length === 0) return notApplicable(["未举行听证。", "No hearing."]);
    return satisfied(["听证参加人提前公布，材料提前7日以上送达。", "Participants published in advance and materials provided at least 7 days before."], evidence);
  },
};

export const commentsAnswered: ComplianceRule = {
  id: "COMMENTS_ANSWERED",
  article: article([18]),
  statement: {
    zh: "决策承办单位应当对社会各方面提出的意见进行归纳整理、研究论证，充分采纳合理意见，完善决策草案。（本服务据此核查：通过决策的集体讨论举行时，每条意见均已记录采纳结果。）",
    en: "Opinions from all quarters are sorted, studied and reasonable ones adopted. (This service checks that every comment had its adoption result recorded by the day of the deliberation that adopted the decision: what the meeting had before it.)",
  },
  force: "MANDATORY",
  appliesWhen: "The decision received comments; judged at the deliberation that adopts it.",
  reads: ["Comment.adoptionResult", "Comment.answeredAt", "Deliberation.heldOn", "Deliberation.outcome"],
  evaluate(view) {
    const comments = view.records("comments");
    const meetings = view.adoptingDeliberations();
    const meeting = view.adoptedOn() ?? null;
    const answered = (row: (typeof comments)[number]) => row.answeredAt instanceof Date && row.adoptionResult !== null && row.adoptionResult !== "UNDER_CONSIDERATION";
    const answeredDay = (row: (typeof comments)[number]) => chinaDate(row.answeredAt as Date);
    const evidence = [...comments.flatMap((row) => ["adoptionResult", "answeredAt"].map((field) => view.evidence("comments", row, field))), ...meetings.map((row) => view.evidence("deliberations", row, "heldOn"))];
    const late = meeting ? comments.filter((row) => !answered(row) || answeredDay(row) > meeting) : [];
    if (late.length) return violated([`${late.length}条意见在${meeting}集体讨论通过决策时尚未记录采纳结果。`, `${late.length} comment(s) had no adoption result on record when the decision was adopted on ${meeting}.`], evidence);
    // The meeting's date is what the answers are measured against: withheld, it cannot be.
    const hidden = [...view.withheldWhole("comments", "consultations"), ...(meeting ? [] : view.withheldWhole("deliberations"))];
    if (hidden.length && (comments.length > 0 || view.withheldWhole("comments", "consultations").length)) return notAssessable(hidden, evidence);
    if (comments.length === 0) return notApplicable(["没有公众意见。", "No comments."]);
    if (!meeting) {
      if (view.reached("PUBLICATION")) return violated(["已进入公布阶段，但没有通过决策的集体讨论记录，无法表明讨论时已研究意见。", "Publication reached with no adopting deliberation on record: the comments are not shown to have been studied before it."], evidence);
      const open = comments.filter((row) => !answered(row));
      if (open.length === 0) return satisfied(["每条意见均已记录采纳结果（尚未集体讨论）。", "Every comment so far has its adoption result on record (not deliberated yet)."], evidence);
      return pending([`${open.length}条意见尚待答复（集体讨论前应当研究答复）。`, `${open.length} comment(s) still to be answered (due before the deliberation).`], evidence);
    }
    return satisfied(["通过决策的集体讨论前，每条意见均已记录采纳结果。", "Every comment had its adoption result on record before the adopting deliberation."], evidence);
  },
};

export const deliberatedAfterCommentPeriod: ComplianceRule = {
  id: "DELIBERATED_AFTER_COMMENT_PERIOD",
  article: article([15, 1], [18]),
  statement: {
    zh: "决策承办单位应当对社会各方面提出的意见进行归纳整理、研究论证，充分采纳合理意见，完善决策草案。（本服务据此核查：集体讨论不在第十五条规定的公开征求意见期限届满前举行。）",
    en: "No deliberation is held while a public comment period is still open: the comments are to be studied and the draft improved before it is decided.",
  },
  force: "MANDATORY",
  appliesWhen: "The decision has an online comment period; judged at each deliberation.",
  reads: ["Consultation.method", "Consultation.opensOn", "Consultation.closesOn", "Deliberation.heldOn"],
  evaluate(view) {
    const periods = view.records("consultations").filter((row) => row.method === "ONLINE_COMMENT");
    const meetings = view.deliberations();
    const evidence = [...periods.flatMap((row) => ["opensOn", "closesOn"].map((field) => view.evidence("consultations", row, field))), ...meetings.map((row) => view.evidence("deliberations", row, "heldOn"))];
    for (const meeting of meetings) {
      const day = String(meeting.heldOn);
      const open = periods.find((row) => String(row.opensOn) <= day && day <= String(row.closesOn));
      if (open) return violated([`${day}集体讨论时，公开征求意见（${open.opensOn}至${open.closesOn}）尚未结束。`, `Deliberated on ${day} while the comment period (${open.opensOn} to ${open.closesOn}) was still open.`], evidence);
    }
    const withheld = view.withheldWhole("consultations", "deliberations");
    if (withheld.length) return notAssessable(withheld, evidence);
    if (periods.length === 0) return notApplicable(["未公开征求意见。", "No online comment period."]);
    if (meetings.length === 0) return pending(["尚未集体讨论（应当在征求意见期限届满后举行）。", "Not deliberated yet (due after the comment period closes)."], evidence);
    return satisfied(["集体讨论均在公开征求意见期限届满后举行。", "Every deliberation came after the comment period closed."], evidence);
  },
};
