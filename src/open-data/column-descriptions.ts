/** Chinese and English descriptions of every column of the open-data files, keyed by table name, then column key. */
export interface ColumnDescription {
  zh: string;
  en: string;
}

// Articles cited bare ("art. 15") are of the Interim Regulations on Major Administrative Decision-making
// Procedures (State Council Decree 713); those of withholding notices are of Decree 711.

const decisionId: ColumnDescription = {
  zh: "所属决策的全局 id，可与 decisions 数据集关联。",
  en: "Global id of the decision this record belongs to, joins with the decisions dataset.",
};

const createdAt: ColumnDescription = {
  zh: "记录在本系统中创建的时间（ISO 8601 UTC 时间）。",
  en: "When the record was created here (ISO 8601 time, UTC).",
};

const updatedAt: ColumnDescription = {
  zh: "记录在本系统中最后修改的时间（ISO 8601 UTC 时间）。",
  en: "When the record last changed here (ISO 8601 time, UTC).",
};

const riskLevels = { zh: "LOW（低）、MEDIUM（中）或 HIGH（高）", en: "LOW, MEDIUM or HIGH" };

export const columnDescriptions: Record<string, Record<string, ColumnDescription>> = {
  decisions: {
    id: { zh: "重大行政决策的全局 id，与 GraphQL 接口中的不透明全局 id 相同。", en: "Opaque global id of the decision, the same as in the GraphQL API." },
    catalogYear: {
      zh: "决策列入的决策事项目录的年度（《重大行政决策程序暂行条例》第三条）。",
      en: "Year of the decision catalog (决策事项目录) the decision is listed in (art. 3).",
    },
    catalogNumber: { zh: "该决策在决策机关当年决策事项目录中的序号。", en: "Number of the item in the deciding body's catalog for that year." },
    catalogPublishedOn: { zh: "载明该决策的决策事项目录向社会公布的日期（ISO 8601 日期，第三条）；未记录时为空。", en: "When the decision catalog listing it was published (ISO 8601 date, art. 3); empty when not recorded." },
    professionalOrTechnical: { zh: "是否为专业性、技术性较强的决策事项（须组织专家论证，第十九条）：true 或 false。", en: "Whether the matter is professional or technical, so expert argumentation is required (art. 19): true or false." },
    affectsMarketActors: { zh: "决策草案是否涉及市场主体经济活动（提交讨论的材料应当包含公平竞争审查的有关情况，第二十九条第（一）项）：true 或 false。", en: "Whether the draft concerns market actors' economic activity, so the materials for the deliberation include its fair-competition review (art. 29, item 1): true or false." },
    fairCompetitionReviewedOn: { zh: "决策草案公平竞争审查完成的日期（ISO 8601 日期）；未记录时为空。", en: "When the fair-competition review of the draft was completed (ISO 8601 date); empty when not recorded." },
    widePublicConcern: { zh: "是否为社会公众普遍关心的决策事项（公布时应当说明公众意见、专家论证意见的采纳情况，第三十二条）：true 或 false。", en: "Whether the matter is of wide public concern, so its publication explains how public and expert opinions were adopted (art. 32): true or false." },
    affectsStabilityOrSafety: { zh: "是否可能影响社会稳定、公共安全（须开展风险评估，第二十二条）：true 或 false。", en: "Whether the decision may affect social stability or public safety, so a risk assessment is required (art. 22): true or false." },
    speciallyAffectedGroups: { zh: "涉及利益的特定群体（应当听取其意见，第十四条），CSV 中多个值以分号分隔，NDJSON 中为 JSON 数组。", en: "Groups whose interests the decision specially affects, who must be heard (art. 14); several values separated by semicolons in CSV, a JSON array in NDJSON." },
    category: {
      zh: "决策事项类别：PUBLIC_POLICY（重大公共政策和措施）、DEVELOPMENT_PLAN（重要规划）、RESOURCE_POLICY（资源开发利用保护）、PUBLIC_CONSTRUCTION（重大公共建设项目）或 OTHER_MAJOR_MATTER（其他重大事项）。",
      en: "Which of the five kinds of art. 3: PUBLIC_POLICY, DEVELOPMENT_PLAN, RESOURCE_POLICY, PUBLIC_CONSTRUCTION or OTHER_MAJOR_MATTER.",
    },
    regionId: { zh: "决策所属行政区划的全局 id，可与 regions 数据集关联。", en: "Global id of the administrative region of the decision, joins with the regions dataset." },
    decidingBodyId: { zh: "决策机关的全局 id，可与 bodies 数据集关联。", en: "Global id of the deciding body (决策机关), joins with the bodies dataset." },
    undertakingBodyId: { zh: "决策承办单位的全局 id，可与 bodies 数据集关联。", en: "Global id of the undertaking body (承办单位), joins with the bodies dataset." },
    stage: {
      zh: "决策程序已进行到的阶段：INITIATION（决策启动）、PUBLIC_PARTICIPATION（公众参与）、EXPERT_ARGUMENTATION（专家论证）、RISK_ASSESSMENT（风险评估）、LEGALITY_REVIEW（合法性审查）、DELIBERATION（集体讨论决定）、PUBLICATION（决策公布）、IMPLEMENTATION（决策执行和调整）或 POST_EVALUATION（决策后评估）。",
      en: "The stage the procedure has reached: INITIATION, PUBLIC_PARTICIPATION, EXPERT_ARGUMENTATION, RISK_ASSESSMENT, LEGALITY_REVIEW, DELIBERATION, PUBLICATION, IMPLEMENTATION or POST_EVALUATION.",
    },
    status: {
      zh: "决策状态：IN_PROGRESS（进行中）、DECIDED（已决策）、SUSPENDED（暂停执行）、TERMINATED（已终止）或 WITHDRAWN（已撤回）。",
      en: "Where the decision stands: IN_PROGRESS, DECIDED, SUSPENDED, TERMINATED or WITHDRAWN.",
    },
    initiatedOn: { zh: "决策程序启动日期（ISO 8601 日期）。", en: "When the decision procedure was initiated (ISO 8601 date)." },
    createdAt,
    updatedAt: { zh: "决策本身的字段在本系统中最后修改的时间（ISO 8601 UTC 时间）。", en: "When any of the decision's own fields last changed here (ISO 8601 time, UTC)." },
    lastActivityAt: {
      zh: "决策或其任一组成部分（公众参与、专家论证、风险评估等）最近一次公开变更的时间，即其在变更记录（changes）中最新一条的时间；不公开内容的修改不改变此时间（ISO 8601 UTC 时间）。",
      en: "The latest public change to the decision or any part of its file (consultations, reviews, assessments…): the time of its latest change-feed entry; a change out of public view does not move it (ISO 8601 time, UTC).",
    },
    title: { zh: "决策事项名称；依法不予公开时为空（见不予公开说明）。", en: "Title; empty when withheld (see withholding notices)." },
    summary: { zh: "决策事项的通俗摘要；依法不予公开时为空（见不予公开说明）。", en: "Plain-language summary of the matter; empty when withheld (see withholding notices)." },
    budgetYuan: {
      zh: "预算或投资金额（元）；无此项或依法不予公开时为空（见不予公开说明）。",
      en: "Budget or investment in yuan, where there is one; empty when absent or when withheld (see withholding notices).",
    },
  },

  basis_items: {
    id: { zh: "决策依据条目的全局 id，与 GraphQL 接口中的不透明全局 id 相同。", en: "Opaque global id of the basis item, the same as in the GraphQL API." },
    decisionId,
    kind: { zh: "决策依据类型：LEGAL（法律依据）、POLICY（政策依据）或 FACTUAL（事实依据）。", en: "Kind of basis (决策依据): LEGAL, POLICY or FACTUAL." },
    position: { zh: "在该决策的决策依据列表中的序号。", en: "Position in the decision's list of basis items." },
    createdAt,
    updatedAt,
    title: { zh: "法律、文件或事实的名称；依法不予公开时为空（见不予公开说明）。", en: "Title of the law, document or fact; empty when withheld (see withholding notices)." },
    citation: {
      zh: "出处：条款、文号或来源；无此项或依法不予公开时为空（见不予公开说明）。",
      en: "Citation: article, document number or source; empty when absent or when withheld (see withholding notices).",
    },
    content: { zh: "相关条文或数据；无此项或依法不予公开时为空（见不予公开说明）。", en: "The relevant text or data; empty when absent or when withheld (see withholding notices)." },
  },

  consultations: {
    id: { zh: "公众参与活动的全局 id，与 GraphQL 接口中的不透明全局 id 相同。", en: "Opaque global id of the round of public participation, the same as in the GraphQL API." },
    decisionId,
    method: {
      zh: "公众参与方式：ONLINE_COMMENT（公开征求意见）、HEARING（听证会）、SYMPOSIUM（座谈会）、QUESTIONNAIRE（问卷调查）或 CONSULTATION_MEETING（协商会/议事会）。",
      en: "How the public was consulted (公众参与): ONLINE_COMMENT, HEARING, SYMPOSIUM, QUESTIONNAIRE or CONSULTATION_MEETING.",
    },
    opensOn: { zh: "征求意见期首日或会议举行日期（ISO 8601 日期）。", en: "First day of the period or the day of the meeting (ISO 8601 date)." },
    closesOn: { zh: "征求意见截止日期（ISO 8601 日期）。", en: "Last day on which comments were taken (ISO 8601 date)." },
    shortPeriodReason: {
      zh: "征求意见期少于30日的理由，于征求意见开始时说明（《重大行政决策程序暂行条例》第十五条）；不少于30日时为空。",
      en: "Art. 15: why the comment period is shorter than 30 days, stated when it opened; empty otherwise.",
    },
    shortPeriodReasonStatedOn: {
      zh: "说明缩短理由的日期（ISO 8601 日期；第十五条第一款：应当在公开征求意见时说明，即不晚于征求意见期首日）；无理由或未记录时为空。",
      en: "The day the reason for a shorter period was stated (ISO 8601 date; art. 15(1): by the period's first day); empty when there is no reason or the day is not recorded.",
    },
    participantCount: { zh: "参与人数；未记录时为空。", en: "Number of participants; empty when not recorded." },
    consultedGroups: { zh: "本次公众参与听取意见的群体（第十四条），CSV 中多个值以分号分隔，NDJSON 中为 JSON 数组。", en: "The groups this consultation heard (art. 14); several values separated by semicolons in CSV, a JSON array in NDJSON." },
    materialsProvidedOn: { zh: "听证材料送达听证参加人的日期（ISO 8601 日期；第十六条：至少在听证7日前）；非听证或未记录时为空。", en: "For a hearing: when the materials reached the participants (ISO 8601 date; art. 16: at least 7 days before); empty otherwise." },
    participantsPublishedOn: { zh: "听证参加人名单公布的日期（ISO 8601 日期；第十六条：提前公布）；非听证或未记录时为空。", en: "For a hearing: when the participants were published (ISO 8601 date; art. 16: in advance); empty otherwise." },
    createdAt,
    updatedAt,
    place: { zh: "举行地点；无此项或依法不予公开时为空（见不予公开说明）。", en: "Where it took place; empty when absent or when withheld (see withholding notices)." },
    participants: {
      zh: "参加人员（听证参加人应提前公布，《重大行政决策程序暂行条例》第十六条）；无此项或依法不予公开时为空（见不予公开说明）。",
      en: "Who took part (art. 16: hearing participants are published in advance); empty when absent or when withheld (see withholding notices).",
    },
    summary: { zh: "各方意见概要；无此项或依法不予公开时为空（见不予公开说明）。", en: "Summary of what was said; empty when absent or when withheld (see withholding notices)." },
    adoptionFeedback: {
      zh: "意见采纳情况反馈及未采纳的理由；无此项或依法不予公开时为空（见不予公开说明）。",
      en: "How the opinions were adopted, and why not where they were not (意见采纳情况反馈); empty when absent or when withheld (see withholding notices).",
    },
  },

  comments: {
    id: { zh: "公众意见的全局 id，与 GraphQL 接口中的不透明全局 id 相同。", en: "Opaque global id of the public comment, the same as in the GraphQL API." },
    decisionId,
    consultationId: { zh: "该意见所属公众参与活动的全局 id，可与 consultations 数据集关联。", en: "Global id of the consultation the comment was made in, joins with the consultations dataset." },
    stakeholderCategory: {
      zh: "意见提出人所代表的群体：ENTERPRISE（企业）、INDUSTRY_ASSOCIATION_OR_CHAMBER（行业协会、商会）、PEOPLES_ORGANISATION（人民团体）、SOCIAL_ORGANISATION（社会组织）、RESIDENT_REPRESENTATIVE（群众代表）、DEPUTY_OR_CPPCC_MEMBER（人大代表、政协委员）、EXPERT（专家）或 INDIVIDUAL（个人）。",
      en: "Whom the commenter speaks for: ENTERPRISE, INDUSTRY_ASSOCIATION_OR_CHAMBER, PEOPLES_ORGANISATION, SOCIAL_ORGANISATION, RESIDENT_REPRESENTATIVE, DEPUTY_OR_CPPCC_MEMBER, EXPERT or INDIVIDUAL.",
    },
    moderationState: {
      zh: "审核状态（PENDING、PUBLISHED 或 REJECTED），开放数据仅含审核通过的意见，故恒为 PUBLISHED。",
      en: "Moderation state (PENDING, PUBLISHED or REJECTED); always PUBLISHED here, as the open data holds moderated comments only.",
    },
    adoptionResult: {
      zh: "采纳情况：ADOPTED（采纳）、PARTIALLY_ADOPTED（部分采纳）、NOT_ADOPTED（未采纳）或 UNDER_CONSIDERATION（研究中）；尚未确定时为空。",
      en: "What became of the comment: ADOPTED, PARTIALLY_ADOPTED, NOT_ADOPTED or UNDER_CONSIDERATION; empty until decided.",
    },
    submittedAt: { zh: "意见提交时间（ISO 8601 UTC 时间）。", en: "When the comment was submitted (ISO 8601 time, UTC)." },
    answeredAt: { zh: "首次作出采纳结果答复的时间（ISO 8601 UTC 时间；第十八条：决策公布前）；尚未答复时为空。", en: "When the adoption result was first decided (ISO 8601 time, UTC; art. 18: before publication); empty until answered." },
    createdAt,
    updatedAt,
    text: { zh: "意见内容；依法不予公开时为空（见不予公开说明）。", en: "The comment; empty when withheld (see withholding notices)." },
    reply: {
      zh: "行政机关对该意见的答复；尚未答复或依法不予公开时为空（见不予公开说明）。",
      en: "The administration's answer; empty until answered or when withheld (see withholding notices).",
    },
  },

  expert_reviews: {
    id: { zh: "专家论证意见的全局 id，与 GraphQL 接口中的不透明全局 id 相同。", en: "Opaque global id of the expert review, the same as in the GraphQL API." },
    decisionId,
    reviewerKind: { zh: "专家论证主体：EXPERT（专家）或 INSTITUTION（专业机构）。", en: "Who gave the expert opinion (专家论证): EXPERT or INSTITUTION." },
    method: {
      zh: "专家论证方式：ARGUMENTATION_MEETING（论证会）、WRITTEN_OPINION（书面咨询）、SITE_VISIT（实地考察）或 COMMISSIONED_STUDY（委托研究）。",
      en: "How the argumentation was held: ARGUMENTATION_MEETING, WRITTEN_OPINION, SITE_VISIT or COMMISSIONED_STUDY.",
    },
    reviewedOn: { zh: "论证意见的日期（ISO 8601 日期）。", en: "Date of the opinion (ISO 8601 date)." },
    signed: {
      zh: "论证意见是否经专家签名或专业机构盖章（《重大行政决策程序暂行条例》第二十一条），取值 true 或 false。",
      en: "Art. 21: whether the opinion is signed by the expert or stamped by the institution (true or false).",
    },
    createdAt,
    updatedAt,
    reviewerName: { zh: "专家或专业机构名称；依法不予公开时为空（见不予公开说明）。", en: "Name of the expert or institution; empty when withheld (see withholding notices)." },
    necessityOpinion: {
      zh: "关于必要性的论证意见；无此项或依法不予公开时为空（见不予公开说明）。",
      en: "Opinion on necessity (必要性); empty when absent or when withheld (see withholding notices).",
    },
    feasibilityOpinion: {
      zh: "关于可行性的论证意见；无此项或依法不予公开时为空（见不予公开说明）。",
      en: "Opinion on feasibility (可行性); empty when absent or when withheld (see withholding notices).",
    },
    soundnessOpinion: {
      zh: "关于科学性的论证意见；无此项或依法不予公开时为空（见不予公开说明）。",
      en: "Opinion on scientific soundness (科学性); empty when absent or when withheld (see withholding notices).",
    },
    conclusion: { zh: "论证结论；无此项或依法不予公开时为空（见不予公开说明）。", en: "Conclusion; empty when absent or when withheld (see withholding notices)." },
  },

  risk_assessments: {
    id: { zh: "风险评估的全局 id，与 GraphQL 接口中的不透明全局 id 相同。", en: "Opaque global id of the risk assessment, the same as in the GraphQL API." },
    decisionId,
    assessedOn: { zh: "风险评估报告的日期（ISO 8601 日期）。", en: "Date of the risk assessment report (ISO 8601 date)." },
    overallLevel: { zh: `总体风险等级：${riskLevels.zh}。`, en: `Overall risk level: ${riskLevels.en}.` },
    controllability: {
      zh: "风险可控性结论：CONTROLLABLE（风险可控）、CONTROLLABLE_WITH_MEASURES（采取措施后可控）或 UNCONTROLLABLE（不可控，须先调整决策草案，《重大行政决策程序暂行条例》第二十四条）。",
      en: "Controllability conclusion (art. 24): CONTROLLABLE, CONTROLLABLE_WITH_MEASURES or UNCONTROLLABLE.",
    },
    createdAt,
    updatedAt,
    assessor: {
      zh: "评估主体（承办单位或受委托的机构）；依法不予公开时为空（见不予公开说明）。",
      en: "Who assessed (the undertaking body or a commissioned institution); empty when withheld (see withholding notices).",
    },
    riskPoints: { zh: "识别出的风险点；无此项或依法不予公开时为空（见不予公开说明）。", en: "Risk points identified (风险点); empty when absent or when withheld (see withholding notices)." },
    measures: {
      zh: "风险防范化解措施；无此项或依法不予公开时为空（见不予公开说明）。",
      en: "Measures to prevent and resolve the risks (防范化解措施); empty when absent or when withheld (see withholding notices).",
    },
    contingencyPlan: { zh: "应急处置预案；无此项或依法不予公开时为空（见不予公开说明）。", en: "Contingency plan (应急处置预案); empty when absent or when withheld (see withholding notices)." },
    conclusion: { zh: "评估报告的总体结论；无此项或依法不予公开时为空（见不予公开说明）。", en: "Overall conclusion of the report; empty when absent or when withheld (see withholding notices)." },
  },

  risk_findings: {
    id: { zh: "风险评估分项结论的全局 id，与 GraphQL 接口中的不透明全局 id 相同。", en: "Opaque global id of the risk finding, the same as in the GraphQL API." },
    decisionId,
    riskAssessmentId: { zh: "所属风险评估的全局 id，可与 risk-assessments 数据集关联。", en: "Global id of the risk assessment this finding is part of, joins with the risk-assessments dataset." },
    dimension: {
      zh: "评估维度：SOCIAL_STABILITY（社会稳定）、PUBLIC_SAFETY（公共安全）、ENVIRONMENT（生态环境）或 ECONOMY（经济）。",
      en: "The dimension assessed (art. 22): SOCIAL_STABILITY, PUBLIC_SAFETY, ENVIRONMENT or ECONOMY.",
    },
    level: { zh: `该维度的风险等级：${riskLevels.zh}。`, en: `Risk level on this dimension: ${riskLevels.en}.` },
    createdAt,
    updatedAt,
    findings: { zh: "该维度的评估发现；无此项或依法不予公开时为空（见不予公开说明）。", en: "What was found; empty when absent or when withheld (see withholding notices)." },
  },

  legality_reviews: {
    id: { zh: "合法性审查的全局 id，与 GraphQL 接口中的不透明全局 id 相同。", en: "Opaque global id of the legality review, the same as in the GraphQL API." },
    decisionId,
    reviewingBodyId: { zh: "合法性审查机构的全局 id，可与 bodies 数据集关联。", en: "Global id of the reviewing body, joins with the bodies dataset." },
    submittedOn: { zh: "决策草案送请合法性审查的日期（ISO 8601 日期）。", en: "When the draft was submitted for review (ISO 8601 date)." },
    completedOn: { zh: "审查完成日期（ISO 8601 日期）；审查进行中时为空。", en: "When the review was completed (ISO 8601 date); empty while under way." },
    dueOn: { zh: "要求完成审查的日期（ISO 8601 日期；第二十六条：一般不少于送审后7个工作日）；未载明时为空。", en: "The date by which the review was asked for (ISO 8601 date; art. 26: generally at least 7 working days after submission); empty when none was set." },
    shortTimeReason: { zh: "送审时给予的审查时间少于7个工作日的理由（第二十六条第二款“一般”）；未缩短或未说明时为空。", en: "Why the review was given less than 7 working days (art. 26(2): generally); empty when not shorter or not stated." },
    shortTimeReasonStatedOn: { zh: "说明该理由的日期（ISO 8601 日期；应当不晚于送审之日）；未记录时为空。", en: "The day that reason was stated (ISO 8601 date; by the day of submission); empty when not recorded." },
    meetingScheduledOn: { zh: "送审时已知的、拟集体讨论该决策草案的会议日期（ISO 8601 日期；审查应当在提交讨论前完成，第二十五条第一款）；未安排时为空。", en: "The meeting scheduled to deliberate the draft, as known when it was sent for review (ISO 8601 date; the review is to be done before it, art. 25(1)); empty when none was scheduled." },
    result: {
      zh: "审查结论：LAWFUL（合法）、LAWFUL_AFTER_AMENDMENT（修改后合法）、UNLAWFUL（不合法）或 RETURNED（退回补充材料）；审查进行中时为空。",
      en: "The result: LAWFUL, LAWFUL_AFTER_AMENDMENT, UNLAWFUL or RETURNED; empty while under way.",
    },
    createdAt,
    updatedAt,
    opinion: { zh: "合法性审查意见；无此项或依法不予公开时为空（见不予公开说明）。", en: "The review opinion; empty when absent or when withheld (see withholding notices)." },
  },

  deliberations: {
    id: { zh: "集体讨论决定的全局 id，与 GraphQL 接口中的不透明全局 id 相同。", en: "Opaque global id of the collective deliberation, the same as in the GraphQL API." },
    decisionId,
    heldOn: { zh: "会议日期（ISO 8601 日期）。", en: "Date of the meeting (ISO 8601 date)." },
    outcome: {
      zh: "集体讨论决定结果：ADOPTED（通过）、ADOPTED_WITH_CHANGES（修改后通过）、DEFERRED（暂缓）或 REJECTED（不予通过）。",
      en: "What the meeting decided: ADOPTED, ADOPTED_WITH_CHANGES, DEFERRED or REJECTED.",
    },
    bodyKind: {
      zh: "开会的机构类型：GOVERNMENT_EXECUTIVE_MEETING（政府常务会议）、GOVERNMENT_PLENARY_MEETING（政府全体会议）、VILLAGERS_MEETING（村民会议）、VILLAGER_REPRESENTATIVES_MEETING（村民代表会议）、RESIDENTS_MEETING（居民会议）或 OTHER_MEETING（其他会议）；据此适用《重大行政决策程序暂行条例》第三十条或村民委员会组织法、城市居民委员会组织法的规定。",
      en: "Which kind of body met: GOVERNMENT_EXECUTIVE_MEETING, GOVERNMENT_PLENARY_MEETING, VILLAGERS_MEETING, VILLAGER_REPRESENTATIVES_MEETING, RESIDENTS_MEETING or OTHER_MEETING; it decides whether Decree 713 art. 30 or the Organic Laws of the Villagers' and Urban Residents' Committees judge the meeting.",
    },
    entitledCount: { zh: "应到人数（法定人数的基数：村民会议为十八周岁以上村民或户数，村民代表会议为组成人员，居民会议为居民、户或居民小组代表）；未记录时为空。", en: "Members entitled to attend, the base of the quorum (villagers aged 18 or over or households, representatives' meeting members, residents); empty when not recorded." },
    countedByHousehold: { zh: "村民会议由户的代表参加时为 true，应到、实到人数按户计（应有三分之二以上的户的代表参加）。", en: "True when a villagers' meeting was attended by households' representatives: the counts are of households, and two thirds of them make the quorum." },
    presentCount: { zh: "实到人数（不超过应到人数）；未记录时为空。", en: "Members present (at most those entitled); empty when not recorded." },
    votesFor: { zh: "赞成票数（不超过实到人数；应当经到会人员的过半数通过）；未记录时为空。", en: "Votes for (at most those present; more than half of those present decide); empty when not recorded." },
    createdAt,
    updatedAt,
    meeting: {
      zh: "会议名称，如政府常务会议；依法不予公开时为空（见不予公开说明）。",
      en: "The meeting, e.g. an executive meeting of the government (常务会议); empty when withheld (see withholding notices).",
    },
    dissent: {
      zh: "记录在案的不同意见（《重大行政决策程序暂行条例》第三十条）；未记录或依法不予公开时为空（见不予公开说明）。",
      en: "Dissenting views recorded (art. 30); empty when none were recorded or when withheld (see withholding notices).",
    },
  },

  publications: {
    id: { zh: "决策公布记录的全局 id，与 GraphQL 接口中的不透明全局 id 相同。", en: "Opaque global id of the publication of the decision, the same as in the GraphQL API." },
    decisionId,
    documentNumber: { zh: "决策文件文号，如 桐政〔2023〕12号。", en: "Document number (文号), e.g. 桐政〔2023〕12号." },
    publishedOn: { zh: "决策公布日期（ISO 8601 日期）。", en: "Date of publication (ISO 8601 date)." },
    documentDate: { zh: "决策文件的成文日期，即作出决策之日（ISO 8601 日期；《政府信息公开条例》第二十六条：自形成之日起20个工作日内公开）；未记录时为空。", en: "The document's date (成文日期), the day the decision was made (ISO 8601 date; Decree 711 art. 26: published within 20 working days of it); empty when not recorded." },
    createdAt,
    updatedAt,
    fullText: { zh: "决策文件全文；依法不予公开时为空（见不予公开说明）。", en: "Full text of the decision document; empty when withheld (see withholding notices)." },
    adoptionExplanation: {
      zh: "公众意见、专家论证意见的采纳情况说明（《重大行政决策程序暂行条例》第三十二条）；无此项或依法不予公开时为空（见不予公开说明）。",
      en: "Art. 32: how public and expert opinions were adopted; empty when absent or when withheld (see withholding notices).",
    },
  },

  implementation_reports: {
    id: { zh: "决策执行和调整报告的全局 id，与 GraphQL 接口中的不透明全局 id 相同。", en: "Opaque global id of the implementation report, the same as in the GraphQL API." },
    decisionId,
    kind: {
      zh: "报告类型（决策执行和调整）：PROGRESS（执行进展）、ADJUSTMENT（变更决策）、SUSPENSION（中止执行）、TERMINATION（停止执行）、RESUMPTION（恢复执行）或 COMPLETION（执行完毕）。",
      en: "What the report is about: PROGRESS, ADJUSTMENT (a change), SUSPENSION, TERMINATION (implementation stopped), RESUMPTION or COMPLETION.",
    },
    reportedOn: { zh: "报告日期（ISO 8601 日期）。", en: "Date of the report (ISO 8601 date)." },
    circumstance: {
      zh: "引起变更、中止或停止执行的情形：PROBLEM_FOUND（决策存在问题）、CIRCUMSTANCES_CHANGED（客观情况发生重大变化）、FORCE_MAJEURE（不可抗力）、PUBLIC_OPINION（公众意见，第三十五条第二款）、POST_EVALUATION（决策后评估，第三十六条第四款）或 OTHER（其他）；未记录时为空。",
      en: "What led to the change, suspension or stop: PROBLEM_FOUND, CIRCUMSTANCES_CHANGED, FORCE_MAJEURE (art. 35(1)), PUBLIC_OPINION (art. 35(2)), POST_EVALUATION (art. 36(4)) or OTHER; empty when none is recorded.",
    },
    procedure: {
      zh: "如何作出（第三十七条）：HEAD_DECIDED（行政首长先决定）、STATUTORY_PROCEDURE（依照本条例履行相关法定程序）或 NONE_RECORDED（未记录）。",
      en: "How it was decided (art. 37): HEAD_DECIDED, STATUTORY_PROCEDURE or NONE_RECORDED.",
    },
    decidedOn: { zh: "作出变更、中止或停止执行决定的日期（ISO 8601 日期）；与报告日期相同或未记录时为空。", en: "The day the change, suspension or stop was decided (ISO 8601 date); empty when it is the report's date or not recorded." },
    createdAt,
    updatedAt,
    content: { zh: "报告内容；无此项或依法不予公开时为空（见不予公开说明）。", en: "The report; empty when absent or when withheld (see withholding notices)." },
    reason: { zh: "变更、中止或停止执行的理由；无此项或依法不予公开时为空（见不予公开说明）。", en: "Why the decision was changed, suspended or stopped; empty when absent or when withheld (see withholding notices)." },
  },

  village_consultations: {
    id: { zh: "村级协商的全局 id，与 GraphQL 接口中的不透明全局 id 相同。", en: "Opaque global id of the village consultation, the same as in the GraphQL API." },
    decisionId,
    level: {
      zh: "协商层级（三级协商）：TOWN（镇、街道）、VILLAGE（行政村、社区）或 VILLAGER_GROUP（自然村、村民小组）。",
      en: "The level consulted at: TOWN (town or subdistrict), VILLAGE (administrative village or community) or VILLAGER_GROUP (natural village or villager group).",
    },
    regionId: { zh: "协商所在行政区划的全局 id，可与 regions 数据集关联；未记录时为空。", en: "Global id of the region where the consultation was held, joins with the regions dataset; empty when not recorded." },
    charter: { zh: "协商委员会的章程和议事流程（名称或公布之处）；未记录时为空。", en: "The consultation committee's charter and rules of procedure (章程和议事流程): their title, or where they are published; empty when not recorded." },
    catalogueItem: { zh: "协商事项所属的村（社区）协商共治目录条目；未记录时为空。", en: "The entry of the village's consultation catalogue (协商共治目录) the matter falls under; empty when not recorded." },
    startedOn: { zh: "协商事项采集（启动）的日期（ISO 8601 日期）。", en: "The day the matter was taken up, i.e. collected (ISO 8601 date)." },
    meetingCount: { zh: "召开协商会议的次数；未记录时为空。", en: "How many consultation meetings were held; empty when not recorded." },
    rating: {
      zh: "群众对协商成果的评议结果：SATISFIED（满意）、BASICALLY_SATISFIED（基本满意）或 DISSATISFIED（不满意）；尚未评议时为空。",
      en: "How the residents judged the result: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED; empty until evaluated.",
    },
    createdAt,
    updatedAt,
    matter: { zh: "协商事项；无此项或依法不予公开时为空（见不予公开说明）。", en: "The matter consulted on; empty when withheld (see withholding notices)." },
    result: { zh: "协商结果；无此项或依法不予公开时为空（见不予公开说明）。", en: "What the consultation settled; empty while open or when withheld (see withholding notices)." },
    evaluation: { zh: "群众评议意见；无此项或依法不予公开时为空（见不予公开说明）。", en: "The residents' evaluation in words; empty when absent or when withheld (see withholding notices)." },
  },

  village_consultation_members: {
    id: { zh: "协商委员会组成记录的全局 id，与 GraphQL 接口中的不透明全局 id 相同。", en: "Opaque global id of the committee entry, the same as in the GraphQL API." },
    decisionId,
    villageConsultationId: { zh: "所属村级协商的全局 id，可与 village-consultations 数据集关联。", en: "Global id of the village consultation, joins with the village-consultations dataset." },
    role: {
      zh: "“1+N+X”中的成员类别：SECRETARY（村（社区）书记）、TWO_COMMITTEES_MEMBER（“两委”成员）、SUPERVISORY_COMMITTEE_MEMBER（监督委员会成员）、PARTY_CONGRESS_DEPUTY（党代表）、PEOPLES_CONGRESS_DEPUTY（人大代表）、CPPCC_MEMBER（政协委员）、RESIDENT_REPRESENTATIVE（村（居）民代表）、PROFESSIONAL（专业人士）或 INTERESTED_PARTY（列席的相关利益方）。",
      en: 'The kind of member in "1+N+X": SECRETARY, TWO_COMMITTEES_MEMBER, SUPERVISORY_COMMITTEE_MEMBER, PARTY_CONGRESS_DEPUTY, PEOPLES_CONGRESS_DEPUTY, CPPCC_MEMBER, RESIDENT_REPRESENTATIVE, PROFESSIONAL or INTERESTED_PARTY (who attend).',
    },
    memberCount: { zh: "该类成员的人数。", en: "How many of this kind sat on the committee (or attended)." },
    createdAt,
    updatedAt,
    names: { zh: "成员姓名；无此项或依法不予公开时为空（见不予公开说明）。", en: "Their names; empty when absent or when withheld (see withholding notices)." },
  },

  village_consultation_steps: {
    id: { zh: "协商步骤记录的全局 id，与 GraphQL 接口中的不透明全局 id 相同。", en: "Opaque global id of the step, the same as in the GraphQL API." },
    decisionId,
    villageConsultationId: { zh: "所属村级协商的全局 id，可与 village-consultations 数据集关联。", en: "Global id of the village consultation, joins with the village-consultations dataset." },
    step: {
      zh: "五个步骤之一（五步五单）：COLLECTION（事项采集）、ASSIGNMENT（交办）、HANDLING（办理）、RESULT_PUBLICATION（结果公示）或 EVALUATION（成果评议）。",
      en: "One of the five steps: COLLECTION, ASSIGNMENT, HANDLING, RESULT_PUBLICATION or EVALUATION.",
    },
    takenOn: { zh: "该步骤进行的日期（ISO 8601 日期；办理步骤为协商会议日期）。", en: "The day the step was taken (ISO 8601 date; for handling, the day of a meeting)." },
    createdAt,
    updatedAt,
    list: { zh: "该步骤的清单；无此项或依法不予公开时为空（见不予公开说明）。", en: "The step's list; empty when absent or when withheld (see withholding notices)." },
  },

  post_evaluations: {
    id: { zh: "决策后评估的全局 id，与 GraphQL 接口中的不透明全局 id 相同。", en: "Opaque global id of the post-decision evaluation, the same as in the GraphQL API." },
    decisionId,
    evaluatedOn: { zh: "评估日期（ISO 8601 日期）。", en: "Date of the evaluation (ISO 8601 date)." },
    recommendation: {
      zh: "评估建议：CONTINUE（继续执行）、ADJUST（调整）、SUSPEND（暂停）或 TERMINATE（终止）。",
      en: "Recommendation: CONTINUE, ADJUST, SUSPEND or TERMINATE.",
    },
    createdAt,
    updatedAt,
    evaluator: { zh: "评估主体；依法不予公开时为空（见不予公开说明）。", en: "Who evaluated; empty when withheld (see withholding notices)." },
    findings: { zh: "评估结论；无此项或依法不予公开时为空（见不予公开说明）。", en: "Findings; empty when absent or when withheld (see withholding notices)." },
  },

  attachments: {
    id: { zh: "附件的全局 id，与 GraphQL 接口中的不透明全局 id 相同。", en: "Opaque global id of the attachment, the same as in the GraphQL API." },
    decisionId,
    kind: {
      zh: "附件是决策档案中的哪类文件：DRAFT（决策草案）、DRAFTING_EXPLANATION（起草说明）、RISK_ASSESSMENT_REPORT（风险评估报告）、EXPERT_OPINION（专家论证意见）、LEGALITY_REVIEW_OPINION（合法性审查意见书）、DECISION_DOCUMENT（决策文件）或 OTHER（其他）。",
      en: "Which document of the decision's file it is (art. 33): DRAFT, DRAFTING_EXPLANATION, RISK_ASSESSMENT_REPORT, EXPERT_OPINION, LEGALITY_REVIEW_OPINION, DECISION_DOCUMENT or OTHER.",
    },
    mediaType: { zh: "文件的媒体类型，如 application/pdf。", en: "Media type, e.g. application/pdf." },
    byteSize: { zh: "文件大小（字节）；未记录时为空。", en: "Size in bytes; empty when not recorded." },
    createdAt,
    updatedAt,
    title: { zh: "附件标题；无此项或依法不予公开时为空（见不予公开说明）。", en: "Title; empty when absent or when withheld (see withholding notices)." },
    url: { zh: "下载地址；无此项或依法不予公开时为空（见不予公开说明）。", en: "Where to download it; empty when absent or when withheld (see withholding notices)." },
  },

  regions: {
    id: { zh: "行政区划的全局 id，与 GraphQL 接口中的不透明全局 id 相同。", en: "Opaque global id of the administrative region, the same as in the GraphQL API." },
    code: { zh: "统计用区划代码。", en: "Administrative division code (统计用区划代码)." },
    name: { zh: "行政区划名称，沿用原始记录的字形。", en: "Name, in the script of the source records." },
    level: {
      zh: "区划层级：CITY（市/县）、TOWN（镇/乡/街道）、VILLAGE（村/社区）或 VILLAGER_GROUP（村民小组）。",
      en: "Level in the region tree: CITY, TOWN, VILLAGE or VILLAGER_GROUP.",
    },
    parentId: { zh: "上级行政区划的全局 id，可与 regions 数据集关联；根区划为空。", en: "Global id of the parent region, joins with the regions dataset; empty for the root." },
    path: {
      zh: "从根区划到本区划的区划代码路径，如 /340881000000/340881100000/，按前缀匹配即可取得下辖全部区划。",
      en: "Path of division codes from the root down to this region, e.g. /340881000000/340881100000/, so a prefix match selects a whole subtree.",
    },
    depth: { zh: "在区划树中的深度，根区划为 0。", en: "Depth in the tree; the root is 0." },
    createdAt,
    updatedAt,
  },

  public_bodies: {
    id: { zh: "机关或单位的全局 id，与 GraphQL 接口中的不透明全局 id 相同。", en: "Opaque global id of the public body, the same as in the GraphQL API." },
    name: { zh: "正式名称。", en: "Official name." },
    kind: {
      zh: "机关或单位类型：PEOPLES_GOVERNMENT（人民政府）、GOVERNMENT_DEPARTMENT（政府工作部门）、TOWN_GOVERNMENT（镇/乡人民政府）、SUBDISTRICT_OFFICE（街道办事处）、VILLAGE_COMMITTEE（村民委员会）、COMMUNITY_COMMITTEE（社区居民委员会）、LEGAL_AFFAIRS_OFFICE（合法性审查机构）或 OTHER（其他）。",
      en: "Kind of body: PEOPLES_GOVERNMENT, GOVERNMENT_DEPARTMENT, TOWN_GOVERNMENT, SUBDISTRICT_OFFICE, VILLAGE_COMMITTEE, COMMUNITY_COMMITTEE, LEGAL_AFFAIRS_OFFICE or OTHER.",
    },
    regionId: { zh: "所在行政区划的全局 id，可与 regions 数据集关联。", en: "Global id of the body's administrative region, joins with the regions dataset." },
    createdAt,
    updatedAt,
  },

  compliance_result_rows: {
    decisionId,
    rule: { zh: "程序规则的编号，与 GraphQL 接口 complianceRules 的 id 相同。", en: "Id of the procedure rule, the same as in the GraphQL API's complianceRules." },
    article: { zh: "规则所依据的条款（《重大行政决策程序暂行条例》等）。", en: "The article the rule comes from (of Decree 713 unless it names another statute)." },
    force: { zh: "条文的措辞：MANDATORY（应当、不得）、GENERAL（一般）或 ADVISORY（可以，不计入总体结论）。", en: "How the regulation words the duty: MANDATORY (应当, 不得), GENERAL (一般) or ADVISORY (可以, never a violation)." },
    status: {
      zh: "该决策对该规则的结果：SATISFIED（符合）、VIOLATED（违反）、PENDING（尚未到期）、NOT_APPLICABLE（不适用）或 NOT_ASSESSABLE（所需记录依法不予公开等，无法评估）。",
      en: "How the decision stands against the rule: SATISFIED, VIOLATED, PENDING (not due yet), NOT_APPLICABLE, or NOT_ASSESSABLE (what it needs is withheld, or the calendar does not cover the dates).",
    },
    findingZh: { zh: "评估结论的说明（中文），与 GraphQL 接口中的 findingZh 相同。", en: "What the rule found, in Chinese, as the GraphQL API's findingZh says it." },
    findingEn: { zh: "评估结论的说明（英文），与 GraphQL 接口中的 findingEn 相同。", en: "What the rule found, in English, as the GraphQL API's findingEn says it." },
  },
  withholding_notices: {
    id: {
      zh: "不予公开决定的全局 id，与 GraphQL 接口中不予公开说明的 withholdingId 相同。",
      en: "Opaque global id of the withholding, the same as the notice's withholdingId in the GraphQL API.",
    },
    subjectType: {
      zh: "载有该说明的记录所在的数据集（与文件名相同），如 decisions、consultations 或 risk-assessments。",
      en: "Dataset of the record that carries the notice, named as its file is, e.g. decisions, consultations or risk-assessments.",
    },
    subjectId: { zh: "载有该说明的记录的全局 id，可与 subjectType 所指的数据集关联。", en: "Global id of the record that carries the notice, joins with the dataset named in subjectType." },
    field: {
      zh: "不予公开的字段（即该数据集的列名），或整条记录不予公开时原应列出这些记录的字段名（如 consultations）。",
      en: "The withheld field (a column of the subject's dataset) or, for records withheld whole, the field under which they would be listed (e.g. consultations).",
    },
    withheldRecordType: {
      zh: "整条记录不予公开时，该记录所属的数据集（与文件名相同，如 risk-findings）；仅字段不予公开时为空。",
      en: "For a record withheld whole, the dataset it belongs to, named as its file is (e.g. risk-findings); empty when one field is withheld.",
    },
    ground: {
      zh: "不予公开的法定理由（《政府信息公开条例》）：STATE_SECRET（国家秘密）、PROHIBITED_BY_LAW（法律、行政法规禁止公开）、ENDANGERS_SECURITY_OR_STABILITY（危及国家安全、公共安全、经济安全、社会稳定）、COMMERCIAL_SECRET（商业秘密）、PERSONAL_PRIVACY（个人隐私）、INTERNAL_AFFAIRS（内部事务信息）、PROCESS_INFORMATION（过程性信息）或 LAW_ENFORCEMENT_CASE_FILE（行政执法案卷信息）。",
      en: "Legal ground under the Regulations on Open Government Information (Decree 711): STATE_SECRET, PROHIBITED_BY_LAW, ENDANGERS_SECURITY_OR_STABILITY, COMMERCIAL_SECRET, PERSONAL_PRIVACY, INTERNAL_AFFAIRS, PROCESS_INFORMATION or LAW_ENFORCEMENT_CASE_FILE.",
    },
    article: { zh: "所依据的法律条款，按不予公开决定的原文。", en: "The article of law cited, as written in the decision to withhold." },
    explanation: { zh: "不予公开理由的通俗说明。", en: "Plain-language explanation of why this is withheld." },
    withheldSince: { zh: "不予公开的起始日期（ISO 8601 日期）。", en: "Since when it is withheld (ISO 8601 date)." },
    reviewDue: {
      zh: "应重新评估是否继续不予公开的日期（《政府信息公开条例》第十八条，ISO 8601 日期）。",
      en: "When the withholding is due to be re-evaluated under art. 18 of Decree 711 (ISO 8601 date).",
    },
    decidedByBodyId: { zh: "作出不予公开决定的机关的全局 id，可与 bodies 数据集关联。", en: "Global id of the body that decided to withhold, joins with the bodies dataset." },
    decisionId: { zh: "所涉决策的全局 id，可与 decisions 数据集关联。", en: "Global id of the decision concerned, joins with the decisions dataset." },
    createdAt: { zh: "不予公开决定在本系统中登记的时间（ISO 8601 UTC 时间）。", en: "When the withholding was recorded here (ISO 8601 time, UTC)." },
    updatedAt: { zh: "不予公开决定在本系统中最后修改的时间（ISO 8601 UTC 时间）。", en: "When the withholding last changed here (ISO 8601 time, UTC)." },
  },
};
