import { type ComplianceRule } from "./rule.js";
import { adjustedByStatutoryProcedure } from "./rules/adjustment.rules.js";
import { decidedByVillagersMeeting, deliberatedByExecutiveMeeting } from "./rules/deliberation-body.rules.js";
import { dissentRecorded, fairCompetitionReviewed, lawfulReviewBeforeDeliberation, publishedPromptly, publishedWithExplanation, reviewTimeGiven } from "./rules/decision.rules.js";
import { expertArgumentation, riskAssessed, uncontrollableRisk } from "./rules/expertise.rules.js";
import { affectedGroupsHeard, catalogListed, commentPeriod, commentsAnswered, deliberatedAfterCommentPeriod, hearingNotice, publicHeard } from "./rules/participation.rules.js";

/** The rule set, in the order of the procedure (Interim Regulations, State Council Decree 713; for village and community matters, the Organic Laws). */
export const complianceRules: readonly ComplianceRule[] = [
  catalogListed,
  publicHeard,
  affectedGroupsHeard,
  commentPeriod,
  hearingNotice,
  commentsAnswered,
  deliberatedAfterCommentPeriod,
  expertArgumentation,
  riskAssessed,
  uncontrollableRisk,
  lawfulReviewBeforeDeliberation,
  reviewTimeGiven,
  fairCompetitionReviewed,
  deliberatedByExecutiveMeeting,
  decidedByVillagersMeeting,
  dissentRecorded,
  publishedPromptly,
  publishedWithExplanation,
  adjustedByStatutoryProcedure,
];

export const complianceRuleIds = complianceRules.map((rule) => rule.id);

export function complianceRule(id: string): ComplianceRule | undefined {
  return complianceRules.find((rule) => rule.id === id);
}
