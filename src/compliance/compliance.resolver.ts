import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, Resolver, Root } from "type-graphql";
import { PublicBody } from "../bodies/public-body.type.js";
import { type AppContext } from "../context.js";
import { DecisionFilter } from "../decisions/decision-filter.input.js";
import { Decision } from "../decisions/decision.type.js";
import { connectionOf } from "../graphql/connection.js";
import { ForwardPageArgs } from "../graphql/page-args.js";
import { Count } from "../statistics/statistics.type.js";
import { ComplianceReport, ComplianceRule, ComplianceStatistics, LegalityQueueItem, LegalityQueueState } from "./compliance.type.js";

@InputType({ description: "Which decisions of the legality review queue to list." })
export class LegalityQueueFilter {
  @Field(() => [LegalityQueueState], { nullable: true, description: "Why they are in the queue (any of)." })
  state?: string[] | null;

  @Field(() => ID, { nullable: true, description: "The reviewing body." })
  reviewingBodyId?: string | null;

  @Field(() => ID, { nullable: true, description: "The deciding body." })
  decidingBodyId?: string | null;
}

const QueueItems = connectionOf(LegalityQueueItem, "LegalityQueueItem", "legality queue");

@ObjectType("LegalityQueue", { description: "Decisions needing the legal affairs office's attention: breaches first, then overdue reviews, then by real deadline (`deadlineOn`), with counts." })
export class LegalityQueue extends QueueItems {
  @Field(() => [Count], { description: "Queued decisions by state (of the whole filtered queue, not just this page)." })
  byState!: Count[];

  @Field(() => [Count], { description: "Queued decisions by reviewing body (NONE: not submitted)." })
  byReviewingBody!: Count[];

  @Field(() => [Count], { description: "Queued decisions by deciding body." })
  byDecidingBody!: Count[];
}

@Resolver(() => Decision)
export class DecisionComplianceResolver {
  @FieldResolver(() => ComplianceReport, {
    description:
      "Whether the legal procedure was followed, rule by rule, with the article and the evidence. The public's report is computed from the disclosed records only: a withheld step reads as NOT_ASSESSABLE with its legal ground.",
  })
  compliance(@Root() decision: Decision, @Ctx() { services }: AppContext) {
    return services.compliance.report(decision.rowId);
  }
}

@Resolver(() => LegalityQueueItem)
export class LegalityQueueItemResolver {
  @FieldResolver(() => PublicBody, { nullable: true, description: "The body reviewing it; null if never submitted." })
  reviewingBody(@Root() item: LegalityQueueItem, @Ctx() { services }: AppContext) {
    return item.reviewingBodyId ? services.nodes.load("PublicBody", item.reviewingBodyId) : null;
  }
}

@Resolver()
export class ComplianceResolver {
  @Query(() => [ComplianceRule], { description: "The procedure rules every decision is checked against, with their articles and what they read." })
  complianceRules(@Ctx() { services }: AppContext) {
    return services.compliance.rules();
  }

  @Query(() => ComplianceStatistics, { description: "Compliance of the decisions the filter selects (all when omitted) by rule, year and deciding body, on what the viewer may see." })
  complianceStatistics(@Arg("filter", () => DecisionFilter, { nullable: true, description: "Which decisions, as for `decisions`." }) filter: DecisionFilter | null, @Ctx() { services }: AppContext) {
    return services.compliance.statistics(filter);
  }

  @Query(() => LegalityQueue, {
    description: "Legal reviewer, editor and admin keys only: decisions not yet submitted for, under, or overdue for legality review, found unlawful, or deliberated without a lawful review.",
  })
  legalityQueue(
    @Arg("filter", () => LegalityQueueFilter, { nullable: true, description: "Which queued decisions." }) filter: LegalityQueueFilter | null,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Ctx() { services }: AppContext,
  ) {
    return services.compliance.legalityQueue(filter, page);
  }
}
