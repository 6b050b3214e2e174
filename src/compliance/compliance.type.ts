import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Decision } from "../decisions/decision.type.js";
import { WithholdingNotice } from "../disclosure/withholding-notice.type.js";
import { graphqlEnum } from "../graphql/enums.js";
import { LocalDateScalar } from "../graphql/local-date.scalar.js";
import { Count } from "../statistics/statistics.type.js";
import { complianceState, legalityQueueState, ruleStatus } from "./compliance.table.js";
import { complianceRules } from "./rules.js";

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

export const RuleForce = graphqlEnum(["MANDATORY", "GENERAL", "ADVISORY"], "RuleForce", "How the regulation words the duty a rule checks, which decides what a breach means.", {
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
  UNDER_REVIEW: "Submitted and under review, within its due date.",
  OVERDUE: "Under review past its due date (the date asked for, or else 7 working days after submission).",
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

@ObjectType({ description: "A decision in the legality review queue, with why it is there." })
export class LegalityQueueItem {
  @Field(() => Decision, { description: "The decision." })
  decision!: Decision;

  @Field(() => LegalityQueueState, { description: "Why it is in the queue." })
  state!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "When the open review is due (under review or overdue): the date asked for, or else the 7th working day after submission. Null for the other states, and for a review under way whose 7th working day falls in a year whose official holiday calendar is not published yet (not assessable, never a weekday guess)." })
  dueOn!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "When the latest review was submitted; null if never." })
  submittedOn!: string | null;

  reviewingBodyId!: string | null;
}
