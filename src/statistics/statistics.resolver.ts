import { type GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, Info, Query, Resolver } from "type-graphql";
import { type AppContext } from "../context.js";
import { DecisionFilter } from "../decisions/decision-filter.input.js";
import { selectedFields } from "../graphql/selected-fields.js";
import { Statistics } from "./statistics.type.js";

@Resolver()
export class StatisticsResolver {
  @Query(() => Statistics, { description: "Counts and shares over the decisions the filter selects (all when omitted), on what the viewer may see." })
  statistics(@Arg("filter", () => DecisionFilter, { nullable: true, description: "Which decisions, as for `decisions`." }) filter: DecisionFilter | null, @Ctx() { services }: AppContext, @Info() info: GraphQLResolveInfo) {
    return services.statistics.compute(filter, selectedFields(info));
  }
}
