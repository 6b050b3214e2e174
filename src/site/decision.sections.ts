/** The page's sections in order, by anchor: the contents at the top and the timeline's stages link to them. */
export const SECTIONS = {
  summary: "決策摘要",
  procedure: "決策程序",
  basis: "決策依據",
  participation: "公眾參與",
  village: "村級協商",
  experts: "專家論證",
  risk: "風險評估",
  legality: "合法性審查",
  deliberation: "集體討論決定",
  publication: "決策公佈",
  implementation: "執行情況",
  evaluation: "決策後評估",
  attachments: "附件",
  compliance: "程序是否合規",
} as const;

export type SectionId = keyof typeof SECTIONS;

/**
 * Where on the page each stage of the procedure is told: the timeline's steps link there. Initiation
 * is told in the summary (its dates); village consultations follow public participation's section.
 */
export const STAGE_SECTION: Record<string, SectionId> = {
  INITIATION: "summary",
  PUBLIC_PARTICIPATION: "participation",
  EXPERT_ARGUMENTATION: "experts",
  RISK_ASSESSMENT: "risk",
  LEGALITY_REVIEW: "legality",
  DELIBERATION: "deliberation",
  PUBLICATION: "publication",
  IMPLEMENTATION: "implementation",
  POST_EVALUATION: "evaluation",
};
