import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Decision } from "../decisions/decision.type.js";
import { WithholdingNotice } from "../disclosure/withholding-notice.type.js";
import { graphqlEnum } from "../graphql/enums.js";
import { LocalDateScalar } from "../graphql/local-date.scalar.js";
import { Count } from "../statistics/statistics.type.js";
import { complianceState, legalityDeadlineSource, legalityQueueState, legalityShortPeriod, ruleStatus } from "./compliance.table.js";
import { complianceRules } from "./rules.js";
import { RULE_FORCES } from "./rule.js";

export const ComplianceRuleId = Object.fromEntries(complianceRules.map((rule) => [rule.id, rule.id])) as Record<string, string>;
registerEnumType(ComplianceRuleId, {
  name: "ComplianceRuleId",
  description: "The procedure rules checked on every decision (see `complianceRules` for articles and statements).",
  valuesConfig: Object.fromEntries(complianceRules.map((rule) => [rule.id, { description: `${rule.article}: ${rule.statement.en}` }])),
});

export const RuleStatus = graphqlEnum(ruleStatus.enumValues, "RuleStatus", "How one decision stands against one rule.", {
  SATISFIED: "The record shows the rule was followed.",
  VIOLATED: "The record shows the rule was not followed.",
  PENDING: "Not due yet: the step the rule asks for still lies ahead.",
  NOT_APPLICABLE: "The rule does not apply to this decision (its facts, category or stage).",
  NOT_ASSESSABLE: "Cannot be assessed from the records the viewer may see: what the rule needs is withheld (see `withheld` for the legal ground), or the official calendar does not cover the dates.",
});

export const ComplianceState = graphqlEnum(complianceState.enumValues, "ComplianceState", "A decision's overall standing: its worst rule result.", {
  COMPLIANT: "Every applicable rule is satisfied.",
  PENDING: "Nothing violated or unassessable; some steps are not due yet.",
  NOT_ASSESSABLE: "Nothing violated as far as can be seen; some rule cannot be assessed because what it needs is withheld.",
  VIOLATED: "At least one rule is violated.",
});

export const RuleForce = graphqlEnum(RULE_FORCES, "RuleForce", "How the regulation words the duty a rule checks, which decides what a breach means.", {
  MANDATORY: "应当 / 不得 (shall, shall not): required without exception; a breach is a violation.",
  GENERAL: "一般 (generally): the norm, from which a reason recorded in time makes an exception lawful; a breach without one is a violation.",
  ADVISORY: "可以 (may): a power the body may leave unused; never a violation, and not counted in a decision's overall state.",
});

export const ComplianceBasis = graphqlEnum(["DISCLOSED_RECORDS", "FULL_RECORDS"], "ComplianceBasis", "Which records a compliance report was computed from.", {
  DISCLOSED_RECORDS: "The disclosed records only: what the public may see. Withheld steps read as not assessable.",
  FULL_RECORDS: "The full records, withheld material included (legal reviewer, editor and admin keys).",
});

export const LegalityQueueState = graphqlEnum(legalityQueueState.enumValues, "LegalityQueueState", "Why a decision is in the legality review queue (合法性审查).", {
  NOT_SUBMITTED: "At the legality review stage, not yet submitted for review.",
  UNDER_REVIEW: "Submitted and under review, within its deadline (`deadlineOn`).",
  OVERDUE: "Under review past its deadline (`deadlineOn`): the date asked for, or else the 7th working day after submission, or the scheduled meeting if that comes first.",
  FOUND_UNLAWFUL: "The latest review found the draft unlawful (art. 25: it may not go to deliberation).",
  RETURNED_FOR_MATERIALS: "The latest review returned the draft because its materials did not meet the requirements (art. 26(1)): it awaits the undertaking body's materials, and may not go to deliberation meanwhile.",
  DELIBERATED_WITHOUT_LAWFUL_REVIEW: "Deliberated without a completed lawful review (art. 25 violated).",
});

@ObjectType({ description: "A procedure rule (程序规则) drawn from the Interim Regulations on Major Administrative Decision-making Procedures." })
export class ComplianceRule {
  @Field(() => ComplianceRuleId, { description: "Stable id of the rule." })
  id!: string;

  @Field(() => String, { description: "The article it comes from, e.g. `art. 15 (《重大行政决策程序暂行条例》第十五条)`." })
  article!: string;

  @Field(() => String, { description: "What the rule requires, in Chinese." })
  statementZh!: string;

  @Field(() => String, { description: "What the rule requires, in English." })
  statementEn!: string;

  @Field(() => RuleForce, { description: "How the regulation words the duty: MANDATORY (应当), GENERAL (一般) or ADVISORY (可以)." })
  force!: string;

  @Field(() => RuleForce, { description: "The rule's force, under its earlier name.", deprecationReason: "Use `force`, which adds ADVISORY." })
  severity!: string;

  @Field(() => String, { description: "When the rule applies (stage, category, facts of the decision)." })
  appliesWhen!: string;

  @Field(() => [String], { description: "The fields it reads, as `Type.field`." })
  reads!: string[];
}

@ObjectType({ description: "One value a rule used, from the records the viewer may see." })
export class ComplianceEvidence {
  @Field(() => ID, { description: "Global id of the record (look it up with `node`)." })
  recordId!: string;

  @Field(() => String, { description: "The field read." })
  field!: string;

  @Field(() => String, { nullable: true, description: "Its value as text (dates ISO 8601, lists separated by `;`); null when empty." })
  value!: string | null;

  @Field(() => Boolean, { description: "Staff reports only: the value is withheld from the public (reading it is logged, as for the field itself). Always false for the public." })
  hiddenFromPublic!: boolean;
}

@ObjectType({ description: "How a decision stands against one rule, with the evidence used." })
export class RuleResult {
  @Field(() => ComplianceRule, { description: "The rule." })
  rule!: ComplianceRule;

  @Field(() => RuleStatus, { description: "The result." })
  status!: string;

  @Field(() => String, { description: "What was found, in Chinese." })
  findingZh!: string;

  @Field(() => String, { description: "What was found, in English." })
  findingEn!: string;

  @Field(() => [ComplianceEvidence], { description: "The records and dates the result rests on." })
  evidence!: ComplianceEvidence[];

  @Field(() => [WithholdingNotice], { description: "For NOT_ASSESSABLE: the withholdings (legal ground, article) hiding what the rule needs." })
  withheld!: WithholdingNotice[];
}

@ObjectType({ description: "A decision's compliance report (合规报告): each procedure rule, with its article, result and evidence." })
export class ComplianceReport {
  @Field(() => ComplianceState, { description: "Overall: the worst rule result." })
  state!: string;

  @Field(() => LocalDateScalar, { description: "The day (China Standard Time) the report was computed for." })
  assessedOn!: string;

  @Field(() => ComplianceBasis, { description: "Which records it was computed from: the public's report never uses withheld material." })
  computedFrom!: string;

  @Field(() => [RuleResult], { description: "Every rule, in the order of the procedure." })
  results!: RuleResult[];
}

@ObjectType({ description: "How many decisions stand how against one rule." })
export class RuleStatusCounts {
  @Field(() => ComplianceRule, { description: "The rule." })
  rule!: ComplianceRule;

  @Field(() => Int, { description: "Decisions satisfying it." })
  satisfied!: number;

  @Field(() => Int, { description: "Decisions violating it." })
  violated!: number;

  @Field(() => Int, { description: "Decisions for which it is not due yet." })
  pending!: number;

  @Field(() => Int, { description: "Decisions it does not apply to." })
  notApplicable!: number;

  @Field(() => Int, { description: "Decisions for which it cannot be assessed from the records the viewer may see." })
  notAssessable!: number;
}

@ObjectType({ description: "How many decisions of one group (a year, a body) are in each overall state." })
export class ComplianceStateCounts {
  @Field(() => String, { description: "The group: a catalog year, or the global id of a deciding body." })
  key!: string;

  @Field(() => String, { nullable: true, description: "The body's name; null for years." })
  label!: string | null;

  @Field(() => Int, { description: "Decisions with every applicable rule satisfied." })
  compliant!: number;

  @Field(() => Int, { description: "Decisions with steps not due yet and nothing worse." })
  pending!: number;

  @Field(() => Int, { description: "Decisions with a rule not assessable (withheld) and none violated." })
  notAssessable!: number;

  @Field(() => Int, { description: "Decisions violating at least one rule." })
  violated!: number;
}

@ObjectType({ description: "Compliance of the selected decisions with the procedure rules, by rule, year and deciding body." })
export class ComplianceStatistics {
  @Field(() => Int, { description: "Decisions counted." })
  decisions!: number;

  @Field(() => ComplianceBasis, { description: "Which records the counts rest on." })
  computedFrom!: string;

  @Field(() => [Count], { description: "Decisions by overall state." })
  byState!: Count[];

  @Field(() => [RuleStatusCounts], { description: "Per rule, how many decisions stand how." })
  byRule!: RuleStatusCounts[];

  @Field(() => [ComplianceStateCounts], { description: "Overall states by catalog year." })
  byYear!: ComplianceStateCounts[];

  @Field(() => [ComplianceStateCounts], { description: "Overall states by deciding body." })
  byDecidingBody!: ComplianceStateCounts[];
}

export const LegalityDeadlineSource = graphqlEnum(legalityDeadlineSource.enumValues, "LegalityDeadlineSource", "What set the real deadline of a legality review under way (合法性审查期限).", {
  REQUESTED_DUE_DATE: "The date by which the review was asked for (the review's `dueOn`); it also wins a tie with the meeting.",
  DEFAULT_PERIOD: "No date was asked for: the 7th working day after submission (art. 26(2)), on the official calendar.",
  SCHEDULED_MEETING: "The meeting (集体讨论) the draft goes to, which comes before the due date: the review is to be done before it (art. 25(1)). The meeting scheduled when the draft was sent (`meetingScheduledOn`), or a deliberation held after submission if earlier.",
});

export const ShortReviewPeriod = graphqlEnum(legalityShortPeriod.enumValues, "ShortReviewPeriod", "Why a legality review under way carries an art. 26(2) warning (审查时间, 一般不少于7个工作日).", {
  SHORT_PERIOD: "Fewer than 7 working days to the deadline, and no reason stated by the day the draft was sent: the art. 26(2) rule will show a violation.",
  SHORT_PERIOD_REASON_STATED: "Fewer than 7 working days to the deadline, with its reason stated by the day the draft was sent: lawful (一般), still short for the reviewer.",
  NOT_ASSESSABLE: "The working days cannot be counted: a day of the period falls in a year whose official holiday calendar is not published yet (节假日安排尚未公布); never a weekday guess.",
});

@ObjectType({ description: "Art. 26(2) warning on a legality review under way (送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日): the reviewer has fewer than 7 working days, or they cannot be counted yet." })
export class ShortReviewPeriodWarning {
  @Field(() => ShortReviewPeriod, { description: "Short without a reason, short with its reason stated in time, or not assessable." })
  kind!: string;

  @Field(() => Int, { nullable: true, description: "Working days from submission to the deadline (the day of submission not counted, the deadline counted); null when not assessable." })
  workingDays!: number | null;

  @Field(() => String, { description: "The article: `art. 26(2) (《重大行政决策程序暂行条例》第二十六条第二款)`." })
  article!: string;

  @Field(() => String, { description: "The warning in Chinese." })
  messageZh!: string;

  @Field(() => String, { description: "The warning in English." })
  messageEn!: string;
}

@ObjectType({ description: "A decision in the legality review queue, with why it is there." })
export class LegalityQueueItem {
  @Field(() => Decision, { description: "The decision." })
  decision!: Decision;

  @Field(() => LegalityQueueState, { description: "Why it is in the queue." })
  state!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "When the open review is due on paper: the date asked for, or else the 7th working day after submission, ignoring a meeting that comes earlier. Null for the other states and past the official calendar.",
    deprecationReason: "Use `deadlineOn`, the real deadline (the scheduled meeting when it comes first), which the queue's state and order follow. Deprecated 2026-12-06.",
  })
  dueOn!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "The reviewer's real deadline for the open review (under review or overdue): the earlier of the date asked for (or else the 7th working day after submission) and the meeting the draft goes to (art. 25(1): reviewed before it goes to the meeting; it may still be finished on the meeting's day). OVERDUE from the day after. Null for the other states, and when it falls in a year whose official holiday calendar is not published yet (not assessable, never a weekday guess)." })
  deadlineOn!: string | null;

  @Field(() => LegalityDeadlineSource, { nullable: true, description: "What set `deadlineOn`; null when there is none." })
  deadlineSetBy!: string | null;

  @Field(() => Int, { nullable: true, description: "Working days the open review has, from submission to `deadlineOn` (official calendar); null for the other states, or when they cannot be counted exactly past the official calendar." })
  reviewWorkingDays!: number | null;

  @Field(() => ShortReviewPeriodWarning, { nullable: true, description: "Art. 26(2): set when the open review has fewer than 7 working days (saying whether a reason was stated in time), or when they cannot be counted yet (calendar not yet published); null otherwise." })
  shortPeriodWarning!: ShortReviewPeriodWarning | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "When the latest review was submitted; null if never." })
  submittedOn!: string | null;

  reviewingBodyId!: string | null;
}
