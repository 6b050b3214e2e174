import "reflect-metadata";
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { specifyScalars } from "./scalars.js";
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
import { VillageConsultationResolver } from "../village-consultations/village-consultation.resolver.js";
import { VillageCommitteeMember, VillageConsultation, VillageConsultationStep } from "../village-consultations/village-consultation.type.js";
import { NodeResolver } from "./node.resolver.js";
import { ApiKeyResolver } from "../access/api-key.resolver.js";
import { DatasetResolver } from "../dataset/dataset.resolver.js";
import { logWithheldReads } from "../audit/access-log.middleware.js";
import { enforceOperationRoles } from "../access/enforce-operation-roles.js";
import { CommentMutationsResolver } from "../consultations/comment-mutations.resolver.js";
import { CommentReceiptResolver } from "../consultations/comment-receipt.resolver.js";
import { DecisionRevision } from "../decisions/decision-revision.type.js";
import { DecisionStageResolver } from "../decisions/decision-stage.resolver.js";
import { WithholdingResolver } from "../disclosure/withholding.resolver.js";
import { ComplianceResolver, DecisionComplianceResolver, LegalityQueueItemResolver } from "../compliance/compliance.resolver.js";
import { StatisticsResolver } from "../statistics/statistics.resolver.js";
import { ChangePageResolver, ChangeResolver } from "../changes/change.resolver.js";
import { childListResolver } from "../store/child-list.resolver.js";
import { editableKinds } from "../records/editable-kinds.js";
import { editorialResolver, RecordWithdrawResolver } from "../records/editorial.resolver.js";
import { connectionOf } from "./connection.js";

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
  VillageConsultation,
  VillageCommitteeMember,
  VillageConsultationStep,
  PostEvaluation,
  Attachment,
};

const objectTypes = { Decision, ...decisionParts };

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
      VillageConsultationResolver,
      LegalityReviewResolver,
      WithholdingNoticeResolver,
      WithholdingResolver,
      StatisticsResolver,
      DecisionComplianceResolver,
      LegalityQueueItemResolver,
      ComplianceResolver,
      ChangeResolver,
      ChangePageResolver,
      CommentMutationsResolver,
      CommentReceiptResolver,
      ApiKeyResolver,
      DatasetResolver,
      DecisionStageResolver,
      RecordWithdrawResolver,
      childListResolver(Decision, "revisions", connectionOf(DecisionRevision, "DecisionRevision", "revision"), "Revision history of the decision's own fields, oldest first, as the viewer may see it."),
      ...editableKinds.map((kind) => editorialResolver(kind, objectTypes[kind.typeName as keyof typeof objectTypes])),
      ...recordFieldsResolver(Decision, "decision", false),
      ...Object.entries(decisionParts).flatMap(([name, type]) => recordFieldsResolver(type, name, true)),
    ] as never,
    validate: false,
  })
    .then(logWithheldReads)
    .then(enforceOperationRoles)
    .then(describeRoot)
    .then(specifyScalars);
  return built;
}

export async function printAppSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildAppSchema()));
}

function describeRoot(schema: GraphQLSchema): GraphQLSchema {
  schema.getQueryType()!.description =
    "Major administrative decisions (重大行政决策) of the local government and their public record, with what the law requires withheld explained in `withheld` notices.";
  schema.getMutationType()!.description =
    "Writes: residents' comments (no key), and for staff keys the records, withholdings, moderation and keys. Every write is audited; expected refusals come back in `userErrors`.";
  return schema;
}
