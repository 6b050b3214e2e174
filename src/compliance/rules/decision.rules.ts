import { type NoticeRow } from "../../store/record-store.js";
import { REVIEW_WORKING_DAYS, reviewDeadline } from "../review-period.js";
import { addDays, addWorkingDays, workingDaysBetween } from "../working-days.js";
import { article, byDate, type ComplianceRule, type Evidence, LAWFUL, notApplicable, notAssessable, onCalendar, pending, reasonNotInTime, satisfied, violated } from "../rule.js";

export const lawfulReviewBeforeDeliberation: ComplianceRule = {
  id: "LAWFUL_REVIEW_BEFORE_DELIBERATION",
  article: article([25, 1], [25, 2]),
  statement: { zh: "决策草案提交决策机关讨论前，应当由负责合法性审查的部门进行合法性审查。不得以征求意见等方式代替合法性审查。决策草案未经合法性审查或者经审查不合法的，不得提交决策机关讨论。", en: "A draft goes to deliberation only after a legality review completed with a lawful result." },
  force: "MANDATORY",
  appliesWhen: "Every decision; due when it goes to deliberation (whatever the meeting decides).",
  reads: ["LegalityReview.submittedOn", "LegalityReview.completedOn", "LegalityReview.result", "Deliberation.heldOn", "Decision.stage"],
  evaluate(view) {
    const reviews = [...view.records("legality_reviews")].sort(byDate("submittedOn"));
    const meetings = view.deliberations();
    const evidence: Evidence[] = [...reviews.flatMap((row) => ["submittedOn", "completedOn", "result"].map((field) => view.evidence("legality_reviews", row, field))), ...meetings.map((row) => view.evidence("deliberations", row, "heldOn"))];
    if (!view.deliberated()) return pending(["尚未提交集体讨论。", "Not deliberated yet."], evidence);
    // The latest review as of a meeting cannot be told while one is withheld whole, nor the meeting's date while it is.
    const withheld = view.withheldWhole("legality_reviews", "deliberations");
    if (withheld.length) return notAssessable(withheld, evidence);
    const lawfulBy = (day: string | null) => {
      const completed = reviews.filter((row) => row.completedOn !== null && (day === null || String(row.completedOn) <= day));
      return completed.length > 0 && LAWFUL.has(String(completed.at(-1)!.result));
    };
    const unreviewed = meetings.find((meeting) => !lawfulBy(meeting.heldOn as string));
    if (unreviewed) return violated([`${unreviewed.heldOn}集体讨论时，没有结论为合法的已完成合法性审查。`, `Deliberated on ${unreviewed.heldOn} without a completed lawful legality review.`], evidence);
    if (meetings.length > 0) return satisfied(["集体讨论前已完成合法性审查，结论为合法。", "A lawful legality review was completed before each deliberation."], evidence);
    if (!lawfulBy(null)) return violated(["已进入集体讨论阶段，但没有结论为合法的合法性审查。", "Deliberation reached without a lawful legality review."], evidence);
    return satisfied(["有结论为合法的合法性审查；集体讨论日期未记录（见第三十条规则），无法核对先后。", "A lawful legality review is on record; the deliberation's date is not (see the art. 30 rule), so the order cannot be checked."], evidence);
  },
};

export const reviewTimeGiven: ComplianceRule = {
  id: "LEGALITY_REVIEW_TIME",
  article: article([26, 2]),
  statement: {
    zh: "送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日。",
    en: "A legality review is given at least 7 working days (official calendar: weekends, holidays and make-up working days), or fewer with the reason stated by the day the draft is sent. The time given ends on the due date asked for, or on the meeting the draft goes to if that comes first (scheduled when it was sent, or held).",
  },
  force: "GENERAL",
  appliesWhen: "The decision was submitted for legality review.",
  reads: ["LegalityReview.submittedOn", "LegalityReview.dueOn", "LegalityReview.meetingScheduledOn", "LegalityReview.shortTimeReason", "LegalityReview.shortTimeReasonStatedOn", "Deliberation.heldOn"],
  evaluate(view) {
    const reviews = [...view.records("legality_reviews")].sort(byDate("submittedOn"));
    const meetings = view.deliberations();
    const evidence: Evidence[] = [...reviews.flatMap((row) => ["submittedOn", "dueOn", "meetingScheduledOn", "shortTimeReason", "shortTimeReasonStatedOn"].map((field) => view.evidence("legality_reviews", row, field))), ...meetings.map((row) => view.evidence("deliberations", row, "heldOn"))];
    const withheld: NoticeRow[] = view.withheldWhole("legality_reviews");
    if (reviews.length === 0) {
      if (withheld.length) return notAssessable(withheld, evidence);
      return view.deliberated() ? notApplicable(["没有合法性审查（见第二十五条规则）。", "No legality review (see the art. 25 rule)."], evidence) : pending(["尚未送请合法性审查。", "Not submitted for legality review yet."], evidence);
    }
    const hiddenMeetings = view.withheldWhole("deliberations");
    let waiting = false;
    for (const review of reviews) {
      const submitted = review.submittedOn as string;
      // 应当保证: the time guaranteed ends with the due date or the meeting the draft goes to, whichever
      // comes first (the same deadline as the reviewers' queue); without a due date, no default is
      // presumed given: the meeting alone shows the time.
      const { on: end, setBy } = reviewDeadline(review, meetings, false);
      if (end === null) {
        if (hiddenMeetings.length) withheld.push(...hiddenMeetings);
        else if (view.reached("DELIBERATION"))
          return violated(["已作出决策，但记录既未载明审查期限，也未载明集体讨论日期，无法证明给予了7个工作日。", "Decided, but the record shows neither a due date nor the deliberation's date: it does not show 7 working days were given."], evidence);
        else waiting = true;
        continue;
      }
      const counted = onCalendar(() => workingDaysBetween(submitted, end), evidence);
      if ("outcome" in counted) return counted.outcome;
      const given = counted.value;
      if (given >= REVIEW_WORKING_DAYS) {
        // A withheld meeting may have come earlier and cut the time short.
        if (hiddenMeetings.length) withheld.push(...hiddenMeetings);
        continue;
      }
      // 一般: fewer days are lawful with a reason stated by the day the draft was sent for review.
      const statedOn = review.shortTimeReasonStatedOn as string | null;
      const fault = reasonNotInTime(review.shortTimeReason, statedOn, submitted);
      if (fault === null) continue;
      const why = { missing: ["未说明理由", "no reason stated"], undated: ["理由的说明日期未记录", "the day its reason was stated is not recorded"], late: [`理由于${statedOn}才说明，晚于送审之日`, `its reason was stated only on ${statedOn}, after submission`] }[fault];
      const until = setBy === "SCHEDULED_MEETING" ? [`至${end}提交会议讨论`, `to the meeting of ${end}`] : [`至${end}`, `to ${end}`];
      return violated([`${submitted}送审，审查时间仅${given}个工作日（${until[0]}），${why[0]}。`, `Submitted on ${submitted} and given ${given} working day(s) (${until[1]}), under 7: ${why[1]}.`], evidence);
    }
    if (withheld.length) return notAssessable(withheld, evidence);
    if (waiting) return pending(["审查期限尚未确定（未载明期限，也尚未集体讨论）。", "The time given is not settled yet (no due date, not deliberated)."], evidence);
    return satisfied(["合法性审查时间不少于7个工作日，或送审时已说明缩短理由。", "Each legality review was given at least 7 working days, or its reason for fewer was stated when it was sent."], evidence);
  },
};

export const dissentRecorded: ComplianceRule = {
  id: "DISSENT_RECORDED",
  article: article([30, 3]),
  statement: { zh: "集体讨论决定情况应当如实记录，不同意见应当如实载明。", en: "The deliberation is recorded, with the dissenting views (or that there were none)." },
  force: "MANDATORY",
  appliesWhen: "The decision was deliberated.",
  reads: ["Deliberation.heldOn", "Deliberation.dissent", "Decision.stage"],
  evaluate(view) {
    const meetings = view.records("deliberations");
    const evidence = meetings.flatMap((row) => ["heldOn", "dissent"].map((field) => view.evidence("deliberations", row, field)));
    const withheld: NoticeRow[] = [...view.withheldWhole("deliberations")];
    for (const meeting of meetings) {
      const { missing, withheld: hidden } = view.missing(meeting, ["dissent"]);
      if (missing.length && !hidden.length) return violated([`${meeting.heldOn}集体讨论未载明不同意见。`, `The deliberation of ${meeting.heldOn} records no dissent (not even that there was none).`], evidence);
      withheld.push(...hidden);
    }
    if (withheld.length) return notAssessable(withheld, evidence);
    if (meetings.length === 0) return view.reached("DELIBERATION") ? violated(["已进入集体讨论阶段，但没有讨论记录。", "Deliberation reached but not recorded."], evidence) : pending(["尚未集体讨论。", "Not deliberated yet."], evidence);
    return satisfied(["集体讨论记录载明了不同意见。", "Each deliberation records its dissent."], evidence);
  },
};

/** Decree 711 art. 26: information to be published proactively is published within 20 working days of being formed. */
export const PUBLICATION_WORKING_DAYS = 20;

export const publishedPromptly: ComplianceRule = {
  id: "PUBLISHED_PROMPTLY",
  article: article([32]),
  statement: {
    zh: "决策机关应当通过本级人民政府公报和政府网站以及在本行政区域内发行的报纸等途径及时公布重大行政决策。（《政府信息公开条例》第二十六条：属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开。）",
    en: "The decision is published after the deliberation that adopted it, within 20 working days of being made (Decree 711 art. 26): counted from the document's date, or from the adopting meeting when that is not recorded.",
  },
  force: "MANDATORY",
  appliesWhen: "The decision was adopted by deliberation or published.",
  reads: ["Publication.publishedOn", "Publication.documentDate", "Deliberation.heldOn", "Deliberation.outcome", "Decision.stage"],
  evaluate(view, today) {
    const [publication] = view.records("publications");
    const meetings = view.adoptingDeliberations();
    const evidence = [...(publication ? ["publishedOn", "documentDate"].map((field) => view.evidence("publications", publication, field)) : []), ...meetings.map((row) => view.evidence("deliberations", row, "heldOn"))];
    const hiddenMeetings = view.withheldWhole("deliberations");
    if (!publication && view.withheldWhole("publications").length) return notAssessable(view.withheldWhole("publications"), evidence);
    const publishedOn = publication?.publishedOn as string | undefined;
    if (publishedOn !== undefined && !meetings.some((row) => String(row.heldOn) <= publishedOn)) {
      if (hiddenMeetings.length) return notAssessable(hiddenMeetings, evidence);
      return violated([`${publishedOn}公布，此前没有集体讨论通过。`, `Published on ${publishedOn} without an earlier adopting deliberation.`], evidence);
    }
    const made = (publication?.documentDate as string | null | undefined) ?? view.adoptedOn();
    if (made === undefined) {
      if (hiddenMeetings.length) return notAssessable(hiddenMeetings, evidence);
      if (view.reached("PUBLICATION")) return violated(["已进入公布阶段，但没有通过决策的集体讨论记录。", "Publication stage reached with no adopting deliberation on record."], evidence);
      return notApplicable(["尚未作出决策。", "Not decided yet."], evidence);
    }
    const due = onCalendar(() => addWorkingDays(made, PUBLICATION_WORKING_DAYS), evidence);
    if ("outcome" in due) return due.outcome;
    const deadline = due.value;
    if (publishedOn !== undefined) {
      if (publishedOn > deadline) return violated([`${made}作出决策，${publishedOn}才公布，超过20个工作日（期限${deadline}）。`, `Made on ${made} and published on ${publishedOn}, past the 20 working days (due by ${deadline}).`], evidence);
      return satisfied([`${made}作出决策，${publishedOn}公布，在20个工作日内。`, `Made on ${made} and published on ${publishedOn}, within 20 working days.`], evidence);
    }
    if (today > deadline) return violated([`${made}作出决策，至${deadline}（20个工作日）仍未公布。`, `Made on ${made} and not published by ${deadline}, 20 working days later.`], evidence);
    return pending([`${made}作出决策，应于${deadline}前公布。`, `Made on ${made}; due to be published by ${deadline}.`], evidence, { reassessOn: addDays(deadline, 1) });
  },
};

export const publishedWithExplanation: ComplianceRule = {
  id: "PUBLISHED_WITH_EXPLANATION",
  article: article([32]),
  statement: { zh: "对社会公众普遍关心或者专业性、技术性较强的重大行政决策，应当说明公众意见、专家论证意见的采纳情况……依法不予公开的除外。", en: "A decision of wide public concern, or professional or technical, is published with an explanation of how public and expert opinions were adopted." },
  force: "MANDATORY",
  appliesWhen: "The decision is marked of wide public concern or professional or technical, and is published.",
  reads: ["Decision.widePublicConcern", "Decision.professionalOrTechnical", "Publication.adoptionExplanation"],
  evaluate(view) {
    const d = view.decision;
    if (!d.widePublicConcern && !d.professionalOrTechnical) return notApplicable(["决策事项未标注为社会公众普遍关心或专业性、技术性较强，无须说明采纳情况。", "Neither of wide public concern nor professional or technical: no explanation is required."]);
    const publications = view.records("publications");
    const evidence = [view.evidence("decisions", d, "widePublicConcern"), view.evidence("decisions", d, "professionalOrTechnical"), ...publications.map((row) => view.evidence("publications", row, "adoptionExplanation"))];
    const withheld: NoticeRow[] = [...view.withheldWhole("publications")];
    for (const publication of publications) {
      const { missing, withheld: hidden } = view.missing(publication, ["adoptionExplanation"]);
      if (missing.length && !hidden.length) return violated(["公布时未说明公众意见、专家论证意见的采纳情况。", "Published without explaining how public and expert opinions were adopted."], evidence);
      withheld.push(...hidden);
    }
    if (withheld.length) return notAssessable(withheld, evidence);
    if (publications.length === 0) return pending(["尚未公布；公布时应当说明意见采纳情况。", "Not published yet; its publication is to explain how opinions were adopted."], evidence);
    return satisfied(["公布时说明了公众意见、专家论证意见的采纳情况。", "Published with the explanation of how opinions were adopted."], evidence);
  },
};

export const fairCompetitionReviewed: ComplianceRule = {
  id: "FAIR_COMPETITION_REVIEWED",
  article: article([29]),
  statement: { zh: "决策承办单位提交决策机关讨论决策草案，应当报送下列材料：（一）决策草案及相关材料，决策草案涉及市场主体经济活动的，应当包含公平竞争审查的有关情况……", en: "A draft that concerns market actors' economic activity goes to the deliberation that adopts it with its fair-competition review completed." },
  force: "MANDATORY",
  appliesWhen: "The decision is marked as concerning market actors' economic activity; judged at the deliberation that adopts it.",
  reads: ["Decision.affectsMarketActors", "Decision.fairCompetitionReviewedOn", "Deliberation.heldOn", "Deliberation.outcome"],
  evaluate(view) {
    const d = view.decision;
    if (!d.affectsMarketActors) return notApplicable(["决策草案未标注为涉及市场主体经济活动。", "The draft is not marked as concerning market actors' economic activity."]);
    const meetings = view.adoptingDeliberations();
    const evidence = [view.evidence("decisions", d, "fairCompetitionReviewedOn"), ...meetings.map((row) => view.evidence("deliberations", row, "heldOn"))];
    const reviewedOn = d.fairCompetitionReviewedOn as string | null;
    const meeting = view.adoptedOn();
    if (meeting === undefined) {
      const hidden = view.withheldWhole("deliberations");
      if (hidden.length && reviewedOn) return notAssessable(hidden, evidence);
      if (view.reached("PUBLICATION") && !reviewedOn) return violated(["已作出决策，但没有公平竞争审查的记录。", "Decided with no fair-competition review on record."], evidence);
      return reviewedOn ? satisfied([`公平竞争审查于${reviewedOn}完成（尚未集体讨论通过）。`, `Fair-competition review completed on ${reviewedOn} (not adopted yet).`], evidence) : pending(["公平竞争审查尚未完成（提交集体讨论前应当完成）。", "Fair-competition review not completed yet (due before the deliberation)."], evidence);
    }
    if (!reviewedOn) return violated([`${meeting}集体讨论通过，没有公平竞争审查的记录。`, `Adopted on ${meeting} with no fair-competition review on record.`], evidence);
    if (reviewedOn > meeting) return violated([`公平竞争审查于${reviewedOn}完成，晚于${meeting}的集体讨论。`, `The fair-competition review was completed on ${reviewedOn}, after the deliberation of ${meeting}.`], evidence);
    return satisfied([`公平竞争审查于${reviewedOn}完成，早于${meeting}的集体讨论。`, `The fair-competition review was completed on ${reviewedOn}, before the deliberation of ${meeting}.`], evidence);
  },
};
