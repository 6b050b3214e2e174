import { type NoticeRow } from "../../store/record-store.js";
import { addDays, CalendarNotCovered, workingDaysBetween } from "../working-days.js";
import { article, byDate, type ComplianceRule, type Evidence, LAWFUL, notApplicable, notAssessable, pending, satisfied, violated } from "../rule.js";

export const REVIEW_WORKING_DAYS = 7;

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
  statement: { zh: "送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日。", en: "A legality review is given at least 7 working days (official calendar: weekends, holidays and make-up working days)." },
  force: "GENERAL",
  appliesWhen: "The decision was submitted for legality review.",
  reads: ["LegalityReview.submittedOn", "LegalityReview.dueOn", "Deliberation.heldOn"],
  evaluate(view) {
    const reviews = [...view.records("legality_reviews")].sort(byDate("submittedOn"));
    const meetings = view.deliberations();
    const evidence: Evidence[] = [...reviews.flatMap((row) => ["submittedOn", "dueOn"].map((field) => view.evidence("legality_reviews", row, field))), ...meetings.map((row) => view.evidence("deliberations", row, "heldOn"))];
    const withheld: NoticeRow[] = view.withheldWhole("legality_reviews");
    if (reviews.length === 0) {
      if (withheld.length) return notAssessable(withheld, evidence);
      return view.deliberated() ? notApplicable(["没有合法性审查（见第二十五条规则）。", "No legality review (see the art. 25 rule)."], evidence) : pending(["尚未送请合法性审查。", "Not submitted for legality review yet."], evidence);
    }
    let waiting = false;
    for (const review of reviews) {
      const submitted = review.submittedOn as string;
      // The time given ends on the due date asked for or, without one, the day before the draft was deliberated.
      const meeting = meetings.find((row) => String(row.heldOn) > submitted);
      const end = (review.dueOn as string | null) ?? (meeting ? addDays(meeting.heldOn as string, -1) : null);
      if (end === null) {
        if (view.withheldWhole("deliberations").length) withheld.push(...view.withheldWhole("deliberations"));
        else if (view.reached("DELIBERATION"))
          return violated(["已作出决策，但记录既未载明审查期限，也未载明集体讨论日期，无法证明给予了7个工作日。", "Decided, but the record shows neither a due date nor the deliberation's date: it does not show 7 working days were given."], evidence);
        else waiting = true;
        continue;
      }
      let given: number;
      try {
        given = workingDaysBetween(submitted, end);
      } catch (error) {
        if (!(error instanceof CalendarNotCovered)) throw error;
        return { ...notAssessable([], evidence), finding: { zh: `官方工作日历未载${error.year}年的节假日安排，无法计算工作日。`, en: `Not assessable: ${error.message}.` } };
      }
      if (given < REVIEW_WORKING_DAYS) return violated([`${submitted}送审，审查时间仅${given}个工作日（至${end}）。`, `Submitted on ${submitted} and given ${given} working day(s) (to ${end}), under 7.`], evidence);
    }
    if (withheld.length) return notAssessable(withheld, evidence);
    if (waiting) return pending(["审查期限尚未确定（未载明期限，也尚未集体讨论）。", "The time given is not settled yet (no due date, not deliberated)."], evidence);
    return satisfied(["合法性审查时间不少于7个工作日。", "Each legality review was given at least 7 working days."], evidence);
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

export const publishedWithExplanation: ComplianceRule = {
  id: "PUBLISHED_WITH_EXPLANATION",
  article: article([32]),
  statement: { zh: "决策机关应当通过本级人民政府公报和政府网站以及在本行政区域内发行的报纸等途径及时公布重大行政决策。对社会公众普遍关心或者专业性、技术性较强的重大行政决策，应当说明公众意见、专家论证意见的采纳情况……", en: "The decision is published after its deliberation, explaining how public and expert opinions were adopted." },
  force: "MANDATORY",
  appliesWhen: "The decision was adopted by deliberation or published.",
  reads: ["Publication.publishedOn", "Publication.adoptionExplanation", "Deliberation.heldOn", "Deliberation.outcome", "Decision.stage"],
  evaluate(view) {
    const publications = view.records("publications");
    const meetings = view.adoptingDeliberations();
    const evidence = [...publications.flatMap((row) => ["publishedOn", "adoptionExplanation"].map((field) => view.evidence("publications", row, field))), ...meetings.map((row) => view.evidence("deliberations", row, "heldOn"))];
    const withheld: NoticeRow[] = [...view.withheldWhole("publications")];
    for (const publication of publications) {
      const adopted = meetings.some((row) => String(row.heldOn) <= String(publication.publishedOn));
      if (!adopted && !view.withheldWhole("deliberations").length) return violated([`${publication.publishedOn}公布，此前没有集体讨论通过。`, `Published on ${publication.publishedOn} without an earlier adopting deliberation.`], evidence);
      if (!adopted) withheld.push(...view.withheldWhole("deliberations"));
      const { missing, withheld: hidden } = view.missing(publication, ["adoptionExplanation"]);
      if (missing.length && !hidden.length) return violated(["公布时未说明公众和专家意见的采纳情况。", "Published without explaining how opinions were adopted."], evidence);
      withheld.push(...hidden);
    }
    if (withheld.length) return notAssessable(withheld, evidence);
    if (publications.length === 0) {
      if (view.reached("PUBLICATION")) return violated(["已进入公布阶段，但没有公布记录。", "Publication stage reached but no publication recorded."], evidence);
      return meetings.length ? pending(["已集体讨论通过，尚待公布。", "Adopted, not yet published."], evidence) : notApplicable(["尚未作出决策。", "Not decided yet."], evidence);
    }
    return satisfied(["集体讨论通过后公布，并说明了意见采纳情况。", "Published after adoption, with the explanation of how opinions were adopted."], evidence);
  },
};
