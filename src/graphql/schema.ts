import "reflect-metadata";
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { Attachment } from "../attachments/attachment.type.js";
import { BasisItem } from "../basis/basis-item.type.js";
import { PublicBodyResolver } from "../bodies/public-body.resolver.js";
import { Comment } from "../consultations/comment.type.js";
import { ConsultationCommentsResolver } from "../consultations/consultation.resolver.js";
import { Consultation } from "../consultations/consultation.type.js";
import { decisionListResolvers, DecisionResolver } from "../decisions/decision.resolver.js";
import { Decision } from "../decisions/decision.type.js";
import { Deliberation } from "../deliberations/deliberation.type.js";
import { recordFieldsResolver, WithholdingNoticeResolver } from "../disclosure/withholding-notice.resolver.js";
import { ExpertReview } from "../expert-reviews/expert-review.type.js";
import { ImplementationReport } from "../implementation/implementation-report.type.js";
import { LegalityReviewResolver } from "../legality-reviews/legality-review.resolver.js";
import { LegalityReview } from "../legality-reviews/legality-review.type.js";
import { PostEvaluation } from "../post-evaluations/post-evaluation.type.js";
import { Publication } from "../publications/publication.type.js";
import { RegionResolver } from "../regions/region.resolver.js";
import { RiskAssessmentResolver } from "../risk-assessments/risk-assessment.resolver.js";
import { RiskAssessment, RiskFinding } from "../risk-assessments/risk-assessment.type.js";
import { NodeResolver } from "./node.resolver.js";

const decisionParts = {
  BasisItem,
  Consultation,
  Comment,
  ExpertReview,
  RiskAssessment,
  RiskFinding,
  LegalityReview,
  Deliberation,
  Publication,
  ImplementationReport,
  PostEvaluation,
  Attachment,
};

let built: Promise<GraphQLSchema> | undefined;

/** The schema is the same for every viewer (what differs is the data), so it is built once. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [
      NodeResolver,
      DecisionResolver,
      RegionResolver,
      PublicBodyResolver,
      ConsultationCommentsResolver,
      ...decisionListResolvers,
      RiskAssessmentResolver,
      LegalityReviewResolver,
      WithholdingNoticeResolver,
      ...recordFieldsResolver(Decision, "decision", false),
      ...Object.entries(decisionParts).flatMap(([name, type]) => recordFieldsResolver(type, name, true)),
    ] as never,
    validate: false,
  }).then(describeRoot);
  return built;
}

export async function printAppSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildAppSchema()));
}

function describeRoot(schema: GraphQLSchema): GraphQLSchema {
  schema.getQueryType()!.description =
    "Major administrative decisions (重大行政决策) of the local government and their public record, with what the law requires withheld explained in `withheld` notices.";
  return schema;
}
