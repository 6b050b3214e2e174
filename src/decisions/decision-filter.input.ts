import { Field, ID, InputType, Int } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { LocalDateScalar } from "../graphql/local-date.scalar.js";
import { ComplianceFilter } from "../compliance/compliance-filter.input.js";
import { DecisionCategory, DecisionStage, DecisionStatus } from "./decision.type.js";

@InputType({ description: "An inclusive range of dates; either end may be left open." })
export class DateRange {
  @Field(() => LocalDateScalar, { nullable: true, description: "First day included." })
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Last day included." })
  to?: string | null;
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
