import { type GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { Attachment } from "../attachments/attachment.type.js";
import { BasisItem } from "../basis/basis-item.type.js";
import { PublicBody } from "../bodies/public-body.type.js";
import { Consultation } from "../consultations/consultation.type.js";
import { type KindContext } from "../store/kind-context.js";
import { type DecisionService } from "./decision.service.js";
import { Deliberation } from "../deliberations/deliberation.type.js";
import { ExpertReview } from "../expert-reviews/expert-review.type.js";
import { connectionOf } from "../graphql/connection.js";
import { PageArgs } from "../graphql/page-args.js";
import { childListResolver } from "../store/child-list.resolver.js";
import { selectedChildLists } from "../store/child-prefetch.js";
import { ImplementationReport } from "../implementation/implementation-report.type.js";
import { LegalityReview } from "../legality-reviews/legality-review.type.js";
import { PostEvaluation } from "../post-evaluations/post-evaluation.type.js";
import { Publication } from "../publications/publication.type.js";
import { Region } from "../regions/region.type.js";
import { VillageConsultation } from "../village-consultations/village-consultation.type.js";
import { RiskAssessment } from "../risk-assessments/risk-assessment.type.js";
import { DecisionFilter } from "./decision-filter.input.js";
import { DecisionOrder } from "./decision-order.input.js";
import { Decision } from "./decision.type.js";

/** What these resolvers read of the request context. */
type DecisionContext = KindContext<{ decisions: DecisionService }>;

export const DecisionConnection = connectionOf(Decision, "Decision", "decision");

@Resolver(() => Decision)
export class DecisionResolver {
  @Query(() => DecisionConnection, { description: "Decisions the viewer may see, filtered, ordered and paged (at most 100 a page)." })
  decisions(
    @Arg("filter", () => DecisionFilter, { nullable: true, description: "Which decisions." }) filter: DecisionFilter | null,
    @Arg("orderBy", () => DecisionOrder, { nullable: true, description: "Ordering; default catalog year and number, newest first." }) orderBy: DecisionOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { services }: DecisionContext,
  ) {
    return services.decisions.list(filter, orderBy, page);
  }

  @Query(() => Decision, { nullable: true, description: "One decision by id; null if there is none the viewer may see." })
  decision(@Arg("id", () => ID, { description: "Global id of the decision." }) id: string, @Ctx() { services }: DecisionContext, @Info() info: GraphQLResolveInfo) {
    return services.nodes.byGlobalIdOfType(id, "Decision", "id", selectedChildLists(info, "decisionId"));
  }

  @FieldResolver(() => Region, { description: "The region the decision concerns." })
  region(@Root() d: Decision, @Ctx() { services }: DecisionContext) {
    return services.nodes.load("Region", d.regionId);
  }

  @FieldResolver(() => PublicBody, { description: "The deciding body (决策机关)." })
  decidingBody(@Root() d: Decision, @Ctx() { services }: DecisionContext) {
    return services.nodes.load("PublicBody", d.decidingBodyId);
  }

  @FieldResolver(() => PublicBody, { description: "The undertaking body that drafts and carries the procedure (决策承办单位)." })
  undertakingBody(@Root() d: Decision, @Ctx() { services }: DecisionContext) {
    return services.nodes.load("PublicBody", d.undertakingBodyId);
  }

  @FieldResolver(() => Publication, { nullable: true, description: "The published decision; null until published, or when withheld whole." })
  publication(@Root() d: Decision, @Ctx() { services }: DecisionContext) {
    return services.nodes.onlyChild("publications", d.rowId);
  }
}

/** The lists of a decision's file, each a connection in procedural order. */
export const decisionListResolvers = [
  childListResolver(Decision, "basis", connectionOf(BasisItem, "BasisItem", "basis item"), "Legal, policy and factual basis, in order."),
  childListResolver(Decision, "consultations", connectionOf(Consultation, "Consultation", "consultation"), "Rounds of public participation, by opening date."),
  childListResolver(Decision, "expertReviews", connectionOf(ExpertReview, "ExpertReview", "expert review"), "Expert argumentation, by date."),
  childListResolver(Decision, "riskAssessments", connectionOf(RiskAssessment, "RiskAssessment", "risk assessment"), "Risk assessments, by date."),
  childListResolver(
    Decision,
    "legalityReviews",
    connectionOf(LegalityReview, "LegalityReview", "legality review"),
    "Legality reviews, by submission date (a returned draft is reviewed again).",
  ),
  childListResolver(Decision, "deliberations", connectionOf(Deliberation, "Deliberation", "deliberation"), "Collective deliberations, by date."),
  childListResolver(
    Decision,
    "implementationReports",
    connectionOf(ImplementationReport, "ImplementationReport", "implementation report"),
    "Implementation reports, adjustments and suspensions, by date.",
  ),
  childListResolver(
    Decision,
    "villageConsultations",
    connectionOf(VillageConsultation, "VillageConsultation", "village consultation"),
    'Village consultations ("11355" 村级协商) that led to the decision or settled the matter, by the day each was taken up.',
  ),
  childListResolver(Decision, "postEvaluations", connectionOf(PostEvaluation, "PostEvaluation", "post-decision evaluation"), "Post-decision evaluations, by date."),
  childListResolver(Decision, "attachments", connectionOf(Attachment, "Attachment", "attachment"), "Documents of the decision's file."),
];
