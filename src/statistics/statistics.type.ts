import { Field, Float, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "How many records share one value of a dimension." })
export class Count {
  @Field(() => String, { description: "The value: an enum value, a year, or the global id of a region or body." })
  key!: string;

  @Field(() => String, { nullable: true, description: "A readable name for the value (the region's or body's name); null for enum values and years." })
  label!: string | null;

  @Field(() => Int, { description: "How many." })
  count!: number;
}

@ObjectType({ description: "Minimum, median and mean of a length in days." })
export class DaysSummary {
  @Field(() => Int, { description: "How many periods were measured." })
  count!: number;

  @Field(() => Float, { nullable: true, description: "Shortest, in days; null when none." })
  min!: number | null;

  @Field(() => Float, { nullable: true, description: "Median, in days; null when none." })
  median!: number | null;

  @Field(() => Float, { nullable: true, description: "Mean, in days; null when none." })
  mean!: number | null;
}

@ObjectType({ description: "How many of the decisions had one step of the procedure on their public record." })
export class StepShare {
  @Field(() => String, { description: "The step: CONSULTATION, EXPERT_REVIEW, RISK_ASSESSMENT, LEGALITY_REVIEW, DELIBERATION, PUBLICATION, IMPLEMENTATION_REPORT or POST_EVALUATION." })
  step!: string;

  @Field(() => Int, { description: "Decisions with at least one such public record." })
  decisions!: number;

  @Field(() => Float, { nullable: true, description: "Their share of all the decisions counted (0–1); null when there are none." })
  share!: number | null;
}

@ObjectType({
  description:
    "Statistics of the decisions the filter selects, computed on the disclosure projection only: records withheld whole are not counted, so no statistic reveals them.",
})
export class Statistics {
  @Field(() => Int, { description: "Decisions counted." })
  decisions!: number;

  @Field(() => [Count], { description: "Decisions by catalog year." })
  byYear!: Count[];

  @Field(() => [Count], { description: "Decisions by the region they concern (not rolled up to parent regions)." })
  byRegion!: Count[];

  @Field(() => [Count], { description: "Decisions by deciding body." })
  byDecidingBody!: Count[];

  @Field(() => [Count], { description: "Decisions by category (art. 3)." })
  byCategory!: Count[];

  @Field(() => [Count], { description: "Decisions by stage." })
  byStage!: Count[];

  @Field(() => [Count], { description: "Decisions by status." })
  byStatus!: Count[];

  @Field(() => Int, { description: "Published comments on these decisions." })
  comments!: number;

  @Field(() => [Count], { description: "Published comments by stakeholder category." })
  commentsByStakeholderCategory!: Count[];

  @Field(() => [Count], { description: "Published comments by adoption result (NONE: not yet answered)." })
  commentsByAdoptionResult!: Count[];

  @Field(() => Float, { nullable: true, description: "Share of decided comments (adopted, partly adopted, not adopted) that were adopted or partly adopted; null when none is decided." })
  adoptionRate!: number | null;

  @Field(() => DaysSummary, { description: "Lengths of online comment periods, first and last day included (art. 15 asks for at least 30)." })
  commentPeriodDays!: DaysSummary;

  @Field(() => [StepShare], { description: "How many decisions had each step of the procedure on their public record." })
  steps!: StepShare[];
}
