import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { type AppContext } from "../context.js";
import { DecisionFilter } from "../decisions/decision-filter.input.js";
import { Statistics } from "./statistics.type.js";

@Resolver()
export class StatisticsResolver {
  @Query(() => Statistics, { description: "Counts and shares over the decisions the filter selects (all when omitted), on what the viewer may see." })
  statistics(@Arg("filter", () => DecisionFilter, { nullable: true, description: "Which decisions, as for `decisions`." }) filter: DecisionFilter | null, @Ctx() { services }: AppContext) {
    return services.statistics.compute(filter);
  }
}
