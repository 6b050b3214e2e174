// The drizzle-kit entry point: every table of the data model, from its domain folder.
export * from "../regions/region.table.js";
export * from "../bodies/public-body.table.js";
export * from "../decisions/decision.table.js";
export * from "../basis/basis-item.table.js";
export * from "../consultations/consultation.table.js";
export * from "../consultations/comment.table.js";
export * from "../expert-reviews/expert-review.table.js";
export * from "../risk-assessments/risk-assessment.table.js";
export * from "../legality-reviews/legality-review.table.js";
export * from "../deliberations/deliberation.table.js";
export * from "../publications/publication.table.js";
export * from "../implementation/implementation-report.table.js";
export * from "../post-evaluations/post-evaluation.table.js";
export * from "../attachments/attachment.table.js";
export * from "../disclosure/withholding.table.js";
export * from "../search/search-document.table.js";
