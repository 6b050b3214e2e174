/** Records of each kind shown on the decision page; the rest are counted and in the open-data files. */
export const LIST_SIZE = 10;
/** Comments shown per consultation on the decision page; all of them on the consultation's comments page. */
export const COMMENTS_SHOWN = 10;

/** What every page asks of a withholding notice. */
export const NOTICE_FRAGMENT = `fragment notice on WithholdingNotice { field scope recordKind ground article explanation since reviewDue }`;

/** What the decision page and a record page show of a village consultation. */
export const VILLAGE_CONSULTATION_FIELDS = `id level charter catalogueItem matter startedOn meetingCount result rating evaluation region { name } withheld { ...notice }
      committee { role memberCount names withheld { ...notice } } steps { step takenOn list withheld { ...notice } }`;

/** The decision page's one operation: everything the public may see of a decision, as any client would ask. */
export const DECISION_PAGE = `${NOTICE_FRAGMENT}
query DecisionPage($id: ID!) {
  decision(id: $id) {
    id title summary catalogYear catalogNumber category stage status budgetYuan initiatedOn catalogPublishedOn
    professionalOrTechnical affectsStabilityOrSafety speciallyAffectedGroups
    region { name } decidingBody { name } undertakingBody { name }
    withheld { ...notice }
    basis(first: ${LIST_SIZE}) { totalCount nodes { id kind title citation content withheld { ...notice } } }
    consultations(first: ${LIST_SIZE}) { totalCount nodes {
      id method opensOn closesOn shortPeriodReason place participants participantCount consultedGroups materialsProvidedOn participantsPublishedOn
      summary adoptionFeedback withheld { ...notice }
      comments(first: ${COMMENTS_SHOWN}) { totalCount nodes { id stakeholderCategory text reply adoptionResult submittedAt withheld { ...notice } } }
    } }
    expertReviews(first: ${LIST_SIZE}) { totalCount nodes { id reviewerKind reviewerName method reviewedOn necessityOpinion feasibilityOpinion soundnessOpinion conclusion signed withheld { ...notice } } }
    riskAssessments(first: ${LIST_SIZE}) { totalCount nodes { id assessor assessedOn overallLevel controllability riskPoints measures contingencyPlan conclusion withheld { ...notice }
      findings { dimension level findings withheld { ...notice } } } }
    legalityReviews(first: ${LIST_SIZE}) { totalCount nodes { id submittedOn dueOn meetingScheduledOn completedOn result opinion reviewingBody { name } withheld { ...notice } } }
    deliberations(first: ${LIST_SIZE}) { totalCount nodes { id meeting bodyKind heldOn outcome dissent entitledCount countedByHousehold presentCount votesFor withheld { ...notice } } }
    publication { documentNumber publishedOn fullText adoptionExplanation withheld { ...notice } }
    implementationReports(first: ${LIST_SIZE}) { totalCount nodes { id kind reportedOn decidedOn circumstance procedure content reason withheld { ...notice } } }
    villageConsultations(first: ${LIST_SIZE}) { totalCount nodes { ${VILLAGE_CONSULTATION_FIELDS} } }
    postEvaluations(first: ${LIST_SIZE}) { totalCount nodes { id evaluator evaluatedOn findings recommendation withheld { ...notice } } }
    attachments(first: ${LIST_SIZE}) { totalCount nodes { id kind title url mediaType withheld { ...notice } } }
    compliance { state assessedOn results { status findingZh rule { id article statementZh } withheld { ...notice } } }
  }
}`;

export interface Notice {
  field: string;
  scope: "FIELD" | "RECORD";
  recordKind: string | null;
  ground: string;
  article: string;
  explanation: string;
  since: string;
  reviewDue: string;
}

/** Any record: its fields by name, and what of it is withheld. */
export type PublicRecord = { id?: string; withheld: Notice[] } & Record<string, unknown>;

export interface List<T = PublicRecord> {
  totalCount: number;
  nodes: T[];
}

export interface DecisionView extends PublicRecord {
  id: string;
  title: string | null;
  summary: string | null;
  catalogYear: number;
  catalogNumber: number;
  category: string;
  stage: string;
  status: string;
  initiatedOn: string;
  catalogPublishedOn: string | null;
  region: { name: string };
  decidingBody: { name: string };
  undertakingBody: { name: string };
  basis: List;
  consultations: List<PublicRecord & { opensOn: string; closesOn: string; method: string; comments: List }>;
  expertReviews: List;
  riskAssessments: List<PublicRecord & { findings: PublicRecord[] }>;
  legalityReviews: List<PublicRecord & { reviewingBody: { name: string } }>;
  deliberations: List;
  publication: PublicRecord | null;
  implementationReports: List;
  villageConsultations: List;
  postEvaluations: List;
  attachments: List;
  compliance: { state: string; assessedOn: string; results: { status: string; findingZh: string; rule: { id: string; article: string; statementZh: string }; withheld: Notice[] }[] };
}
