import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { type KindContext } from "../store/kind-context.js";
import { RiskAssessment, RiskFinding } from "./risk-assessment.type.js";

@Resolver(() => RiskAssessment)
export class RiskAssessmentResolver {
  @FieldResolver(() => [RiskFinding], { description: "Findings per dimension: social stability, public safety, environment, economy." })
  findings(@Root() assessment: RiskAssessment & { rowId: string }, @Ctx() { services }: KindContext) {
    return services.nodes.childRows("riskFindings", "riskAssessmentId", assessment.rowId);
  }
}
