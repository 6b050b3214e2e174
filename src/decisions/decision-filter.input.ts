import { Field, Float, ID, InputType, Int } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { LocalDateScalar } from "../graphql/local-date.scalar.js";
import { ComplianceFilter } from "../compliance/compliance-filter.input.js";
import { DecisionCategory, DecisionStage, DecisionStatus } from "./decision.type.js";
import { RiskDimension, RiskLevel } from "../risk-assessments/risk-assessment.type.js";

@InputType({ description: "An inclusive range of dates; either end may be left open." })
export class DateRange {
  @Field(() => LocalDateScalar, { nullable: true, description: "First day included." })
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Last day included." })
  to?: string | null;
}

@InputType({ description: "By the levels of the decision's public risk assessments (风险评估); give `level`, `dimension` or both." })
export class RiskFilter {
  @Field(() => [RiskLevel], {
    nullable: true,
    description: "Levels: without `dimension`, a public risk assessment's overall level is one of them; with it, a public finding on that dimension has one of them.",
  })
  level?: string[] | null;

  @Field(() => RiskDimension, { nullable: true, description: "A dimension (art. 22): a public finding on it (at one of `level`, if given)." })
  dimension?: string | null;
}

@InputType({ description: "An inclusive range of yuan; either end may be left open." })
export class YuanRange {
  @Field(() => Float, { nullable: true, description: "Least amount included (0 or more)." })
  min?: number | null;

  @Field(() => Float, { nullable: true, description: "Greatest amount included." })
  max?: number | null;
}

@InputType({ description: "Which decisions to list. All given conditions must hold; a list condition matches any of its values." })
export class DecisionFilter {
  @Field(() => Int, { nullable: true, description: "Catalog year." })
  catalogYear?: number | null;

  @Field(() => ID, { nullable: true, description: "A region; decisions of the region and of every region under it match." })
  regionId?: string | null;

  @Field(() => ID, { nullable: true, description: "The deciding body (决策机关)." })
  decidingBodyId?: string | null;

  @Field(() => ID, { nullable: true, description: "The undertaking body (决策承办单位)." })
  undertakingBodyId?: string | null;

  @Field(() => [DecisionCategory], { nullable: true, description: "Categories (art. 3)." })
  category?: string[] | null;

  @Field(() => [DecisionStage], { nullable: true, description: "Current stages." })
  stage?: string[] | null;

  @Field(() => [DecisionStatus], { nullable: true, description: "Statuses." })
  status?: string[] | null;

  @Field(() => DateRange, { nullable: true, description: "Initiated within this range." })
  initiatedOn?: DateRange | null;

  @Field(() => DateRange, { nullable: true, description: "Published (决策公布) within this range." })
  publishedOn?: DateRange | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "Only decisions whose own fields changed at or after this time." })
  updatedSince?: Date | null;

  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "Only decisions with public activity (see `Decision.lastActivityAt`: a change to the decision or any part of its file) at or after this time.",
  })
  lastActivitySince?: Date | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "Only decisions whose latest public activity (`Decision.lastActivityAt`) was before this time (excluded)." })
  lastActivityBefore?: Date | null;

  @Field(() => RiskFilter, { nullable: true, description: "By the levels of public risk assessments, overall or on one dimension." })
  risk?: RiskFilter | null;

  @Field(() => Boolean, { nullable: true, description: "true: only decisions with a public expert review (专家论证) on record; false: only those without one." })
  hasExpertReview?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "true: only decisions with a public consultation held as a hearing (听证会, method HEARING) on record; false: only those without one." })
  hasHearing?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: only decisions with a public risk assessment (风险评估) on record; false: only those without one (an assessment withheld whole is not on the public record).",
  })
  hasRiskAssessment?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "true: only decisions with a public legality review (合法性审查) on record; false: only those without one." })
  hasLegalityReview?: boolean | null;

  @Field(() => YuanRange, { nullable: true, description: "Budget or investment in yuan within this range (ends included). A decision without a budget, or whose budget is withheld, is in no range." })
  budgetYuan?: YuanRange | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Full-text search in the disclosed title, summary, basis titles and published text. Traditional and Simplified Chinese match each other; matching is by substring, case-insensitive.",
  })
  search?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "true: only decisions with a public consultation taking comments today (China Standard Time, opening and closing days included); false: only decisions without one.",
  })
  openForComment?: boolean | null;

  @Field(() => ComplianceFilter, { nullable: true, description: "By compliance with the procedure rules, as the viewer's reports have it (for the public: computed from the disclosed records)." })
  compliance?: ComplianceFilter | null;
}
