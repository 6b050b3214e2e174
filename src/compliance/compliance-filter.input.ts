import { Field, InputType } from "type-graphql";
import { ComplianceRuleId, ComplianceState, RuleStatus } from "./compliance.type.js";

@InputType({ description: "Decisions by compliance: an overall state, or how they stand against one rule (e.g. every decision violating COMMENT_PERIOD)." })
export class ComplianceFilter {
  @Field(() => [ComplianceState], { nullable: true, description: "Overall states (any of)." })
  state?: string[] | null;

  @Field(() => ComplianceRuleId, { nullable: true, description: "One rule; with `ruleStatus`, or VIOLATED when that is left out." })
  rule?: string | null;

  @Field(() => [RuleStatus], { nullable: true, description: "How they stand against `rule` (any of)." })
  ruleStatus?: string[] | null;
}
