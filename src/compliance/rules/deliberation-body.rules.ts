import { type Row } from "../../db/by-id.loader.js";
import { GOVERNMENT_MEETINGS } from "../../deliberations/deliberation.table.js";
import { article, type ComplianceRule, type Evidence, MEETING_ZH, notApplicable, notAssessable, pending, RESIDENTS_COMMITTEES_LAW, type RuleOutcome, satisfied, statuteArticle, violated, VILLAGERS_COMMITTEES_LAW, type FileView } from "../rule.js";

const MEETING_FIELDS = ["bodyKind", "heldOn", "outcome"];
const COUNT_FIELDS = ["entitledCount", "countedByHousehold", "presentCount", "votesFor"];

/** No adopting meeting in sight: withheld, missing once the decision is out, or not due yet. */
function notAdopted(view: FileView, evidence: Evidence[], missing: [string, string], waiting: [string, string]): RuleOutcome {
  const hidden = view.withheldWhole("deliberations");
  if (hidden.length) return notAssessable(hidden, evidence);
  return view.reached("PUBLICATION") ? violated(missing, evidence) : pending(waiting, evidence);
}

export const deliberatedByExecutiveMeeting: ComplianceRule = {
  id: "DELIBERATED_BY_EXECUTIVE_MEETING",
  article: article([30, 1]),
  statement: {
    zh: "决策草案应当经决策机关常务会议或者全体会议讨论。决策机关行政首长在集体讨论的基础上作出决定。",
    en: "A government's decision is adopted at its executive or plenary meeting: a deliberation of another body (a department's or an ad-hoc meeting, a villagers' meeting) does not make it.",
  },
  force: "MANDATORY",
  appliesWhen: "A decision of a government (not of a village or community committee); judged at the deliberations that adopted it.",
  reads: ["Deliberation.bodyKind", "Deliberation.heldOn", "Deliberation.outcome", "Decision.stage"],
  evaluate(view) {
    const meetings = view.adoptingDeliberations();
    const evidence = meetings.flatMap((row) => MEETING_FIELDS.map((field) => view.evidence("deliberations", row, field)));
    if (meetings.length === 0) return notAdopted(view, evidence, ["已作出决策，但没有常务会议或者全体会议通过的记录。", "Decided with no adoption by an executive or plenary meeting on record."], ["尚未经常务会议或者全体会议讨论通过。", "Not adopted by an executive or plenary meeting yet."]);
    const lawful = meetings.find((row) => GOVERNMENT_MEETINGS.has(String(row.bodyKind)));
    if (lawful) return satisfied([`${lawful.heldOn}经${MEETING_ZH[String(lawful.bodyKind)]}讨论通过。`, `Adopted at the ${String(lawful.bodyKind) === "GOVERNMENT_PLENARY_MEETING" ? "plenary" : "executive"} meeting of ${lawful.heldOn}.`], evidence);
    const hidden = view.withheldWhole("deliberations");
    if (hidden.length) return notAssessable(hidden, evidence);
    const [first] = meetings;
    return violated([`${first!.heldOn}通过决策的是${MEETING_ZH[String(first!.bodyKind)]}，不是决策机关常务会议或者全体会议。`, `Adopted on ${first!.heldOn} by a ${String(first!.bodyKind)}, not by the deciding body's executive or plenary meeting.`], evidence);
  },
};

/** The meetings that may decide a village's matters, and a community's (each law names its own). */
const SELF_GOVERNING_MEETINGS: Record<string, readonly string[]> = {
  VILLAGE_COMMITTEE: ["VILLAGERS_MEETING", "VILLAGER_REPRESENTATIVES_MEETING"],
  COMMUNITY_COMMITTEE: ["RESIDENTS_MEETING"],
};

type Verdict = { ok: [string, string] } | { fault: [string, string] } | { unrecorded: [string, string] };

/**
 * Quorum and majority as each law words them. 过半数 is more than half: exactly half is not enough.
 * 三分之二以上 includes two thirds itself (以上 counts the number it names).
 */
function quorumAndMajority(meeting: Row): Verdict {
  const kind = String(meeting.bodyKind);
  const day = String(meeting.heldOn);
  const [entitled, present, votes] = [meeting.entitledCount, meeting.presentCount, meeting.votesFor] as (number | null)[];
  if (entitled === null || entitled === undefined || present === null || present === undefined || votes === null || votes === undefined) {
    return { unrecorded: [`${day}${MEETING_ZH[kind]}的应到、实到人数或赞成票数未记录，无法核对是否达到法定人数和多数。`, `The ${day} meeting's attendance or votes are not recorded: its quorum and majority cannot be checked.`] };
  }
  const byHousehold = kind === "VILLAGERS_MEETING" && Boolean(meeting.countedByHousehold);
  const quorum = kind === "VILLAGER_REPRESENTATIVES_MEETING" || byHousehold ? present * 3 >= entitled * 2 : present * 2 > entitled;
  const needed = kind === "VILLAGER_REPRESENTATIVES_MEETING" ? ["三分之二以上的组成人员", "two thirds of its members"] : byHousehold ? ["三分之二以上的户的代表", "two thirds of the households"] : kind === "VILLAGERS_MEETING" ? ["十八周岁以上村民的过半数", "more than half of the villagers aged 18 or over"] : ["过半数", "more than half"];
  if (!quorum) return { fault: [`${day}${MEETING_ZH[kind]}应到${entitled}、实到${present}，未达到${needed[0]}参加。`, `The ${day} meeting had ${present} of ${entitled} present, short of ${needed[1]}.`] };
  if (votes * 2 <= present) return { fault: [`${day}${MEETING_ZH[kind]}到会${present}人，赞成${votes}票，未超过到会人员的半数。`, `The ${day} meeting had ${votes} votes for out of ${present} present: not more than half.`] };
  return { ok: [`${day}${MEETING_ZH[kind]}应到${entitled}、实到${present}，赞成${votes}票，达到法定人数并经到会人员过半数通过。`, `The ${day} meeting had ${present} of ${entitled} present and ${votes} votes for: quorum and majority met.`] };
}

export const decidedByVillagersMeeting: ComplianceRule = {
  id: "DECIDED_BY_VILLAGERS_MEETING",
  article: `${statuteArticle(VILLAGERS_COMMITTEES_LAW, [22, 1], [24, 2], [26, 2])}; ${statuteArticle(RESIDENTS_COMMITTEES_LAW, [9, 3])}`,
  statement: {
    zh: "召开村民会议，应当有本村十八周岁以上村民的过半数，或者本村三分之二以上的户的代表参加，村民会议所作决定应当经到会人员的过半数通过。……村民会议可以授权村民代表会议讨论决定前款规定的事项。……村民代表会议有三分之二以上的组成人员参加方可召开，所作决定应当经到会人员的过半数同意。（《城市居民委员会组织法》第九条第三款：居民会议必须有全体十八周岁以上的居民、户的代表或者居民小组选举的代表的过半数出席，才能举行。会议的决定，由出席人的过半数通过。）",
    en: "A matter a village or community decides for itself is decided by the villagers' meeting or the villagers' representative meeting (for a community, the residents' meeting), with its quorum present (more than half, or two thirds of households or of the representatives) and more than half of those present for it. Attendance not recorded: NOT_ASSESSABLE.",
  },
  force: "MANDATORY",
  appliesWhen: "The deciding body is a village or community committee; judged at the meetings that adopted the matter.",
  reads: ["Deliberation.bodyKind", "Deliberation.heldOn", "Deliberation.outcome", "Deliberation.entitledCount", "Deliberation.countedByHousehold", "Deliberation.presentCount", "Deliberation.votesFor", "Decision.stage"],
  scope: "SELF_GOVERNMENT",
  evaluate(view) {
    const lawfulKinds = SELF_GOVERNING_MEETINGS[view.file.decidingBodyKind ?? ""];
    if (!lawfulKinds) return notApplicable(["决策机关为行政机关，不属于村（居）民自治事项（见第三十条第一款规则）。", "The deciding body is a government: not a matter of self-government (see DELIBERATED_BY_EXECUTIVE_MEETING)."]);
    const meetings = view.adoptingDeliberations();
    const evidence = meetings.flatMap((row) => [...MEETING_FIELDS, ...COUNT_FIELDS].map((field) => view.evidence("deliberations", row, field)));
    if (meetings.length === 0) return notAdopted(view, evidence, ["已作出决定，但没有村民会议、村民代表会议或者居民会议通过的记录。", "Decided with no adoption by a villagers', representatives' or residents' meeting on record."], ["尚未经村民会议、村民代表会议或者居民会议讨论决定。", "Not decided by a villagers', representatives' or residents' meeting yet."]);
    const verdicts = meetings.map((row): Verdict => (lawfulKinds.includes(String(row.bodyKind)) ? quorumAndMajority(row) : { fault: [`${row.heldOn}作出决定的是${MEETING_ZH[String(row.bodyKind)]}，不是${lawfulKinds.map((kind) => MEETING_ZH[kind]).join("或者")}。`, `Decided on ${row.heldOn} by a ${String(row.bodyKind)}, not by ${lawfulKinds.join(" or ")}.`] }));
    const ok = verdicts.find((verdict) => "ok" in verdict);
    if (ok && "ok" in ok) return satisfied(ok.ok, evidence);
    const hidden = view.withheldWhole("deliberations");
    if (hidden.length) return notAssessable(hidden, evidence);
    // Not a withholding: the record does not say, so the rule cannot tell (attendance is always public).
    const unrecorded = verdicts.find((verdict) => "unrecorded" in verdict);
    if (unrecorded && "unrecorded" in unrecorded) return { ...notAssessable([], evidence), finding: { zh: unrecorded.unrecorded[0], en: `Not assessable: ${unrecorded.unrecorded[1]}` } };
    const fault = verdicts.find((verdict) => "fault" in verdict);
    return violated(fault && "fault" in fault ? fault.fault : ["没有合法的决定。", "No lawful decision."], evidence);
  },
};
