// Sample decisions of their own block: a village's own matter decided by its villagers'
// representative meeting (村民委員會組織法 art. 24, 26), and a city decision suspended by its mayor
// and then changed after the executive meeting deliberated again (Decree 713 art. 35, 37).
import { CITY_GOV, FILES, HOUSING, JUSTICE } from "./names.js";
import { type SampleDecision } from "./sample.types.js";

const SHUANGPU_VILLAGE = "孔城鎮雙鋪村村民委員會";

export const villageAndAdjustmentDecisions: SampleDecision[] = [
  // 13. A village's own matter: the fund-raising and labour plan for its roads (art. 24(1)(3)), decided by
  // the villagers' representative meeting the villagers' meeting authorised (art. 24(2)).
  {
    catalogYear: 2024,
    catalogNumber: 1,
    title: "雙鋪村村內道路硬化一事一議籌資籌勞方案",
    summary: "硬化雙鋪村前灣、後灣兩個村民組村內道路2.6公里，總投資78萬元，其中財政獎補52萬元，村集體收益出資16萬元，受益農戶按每人每年不超過20元籌資、每個勞動力不超過3個工日籌勞。",
    category: "PUBLIC_CONSTRUCTION",
    regionCode: "340881100202",
    decidingBody: SHUANGPU_VILLAGE,
    undertakingBody: SHUANGPU_VILLAGE,
    stage: "IMPLEMENTATION",
    status: "DECIDED",
    budgetYuan: 780000,
    initiatedOn: "2024-03-01",
    catalogPublishedOn: null,
    basis: [
      { kind: "LEGAL", title: "中華人民共和國村民委員會組織法", citation: "《中華人民共和國村民委員會組織法》第二十四條第一款第（三）項、第二款" },
      { kind: "FACTUAL", title: "雙鋪村村內道路現狀", content: "前灣、後灣兩組村內道路為泥土路，雨天無法通行機動車，涉及農戶146戶。" },
    ],
    consultations: [
      {
        method: "CONSULTATION_MEETING",
        opensOn: "2024-03-20",
        closesOn: "2024-03-20",
        place: "雙鋪村黨群服務中心",
        participantCount: 38,
        summary: "村民組長和受益農戶代表討論道路走向和籌資標準，同意按人籌資、按勞動力籌勞，困難戶免籌。",
        consultedGroups: ["RESIDENT_REPRESENTATIVE"],
      },
    ],
    villageConsultations: [
      {
        level: "VILLAGER_GROUP",
        regionCode: "340881100202",
        charter: "《雙鋪村村級協商委員會章程》及協商議事流程",
        catalogueItem: "雙鋪村2024年協商共治目錄第2項：村內道路建設一事一議",
        matter: "前灣、後灣兩組村內道路的走向、佔地調整，以及籌資籌勞的標準和困難戶免籌名單。",
        startedOn: "2024-03-05",
        meetingCount: 2,
        result: "道路沿現有土路拓寬，佔用的自留地由組內調劑；按人籌資、按勞動力籌勞，困難戶12戶免籌。方案提交村民代表會議討論決定。",
        rating: "BASICALLY_SATISFIED",
        evaluation: "完工後兩組農戶代表評議，多數滿意；部分農戶認為排水溝偏窄，已列入下一年度協商目錄。",
        committee: [
          { role: "SECRETARY", memberCount: 1 },
          { role: "TWO_COMMITTEES_MEMBER", memberCount: 2 },
          { role: "SUPERVISORY_COMMITTEE_MEMBER", memberCount: 1 },
          { role: "RESIDENT_REPRESENTATIVE", memberCount: 6 },
          { role: "INTERESTED_PARTY", memberCount: 9, names: "道路沿線需調整自留地的農戶" },
        ],
        steps: [
          { step: "COLLECTION", takenOn: "2024-03-05", list: "採集清單：前灣、後灣組村民在組會上提出硬化村內道路。" },
          { step: "ASSIGNMENT", takenOn: "2024-03-08", list: "交辦清單：村協商委員會交兩組組長牽頭，村委會提供測量和預算。" },
          { step: "HANDLING", takenOn: "2024-03-14", list: "第一次協商會：道路走向和佔地調整。" },
          { step: "HANDLING", takenOn: "2024-03-20", list: "第二次協商會：籌資籌勞標準和免籌名單。" },
          { step: "RESULT_PUBLICATION", takenOn: "2024-03-22", list: "公示清單：協商結果在兩組公示欄公示7天。" },
          { step: "EVALUATION", takenOn: "2024-10-15", list: "評議清單：完工後組織兩組農戶代表評議。" },
        ],
      },
    ],
    deliberations: [
      {
        meeting: "雙鋪村第3次村民代表會議",
        bodyKind: "VILLAGER_REPRESENTATIVES_MEETING",
        heldOn: "2024-04-12",
        outcome: "ADOPTED",
        entitledCount: 41,
        presentCount: 36,
        votesFor: 33,
        dissent: "3名代表反對，認為籌勞工日偏多；會議決定外出務工人員可按每工日60元以資代勞。",
      },
    ],
    publication: {
      documentNumber: "雙鋪村務公開〔2024〕3號",
      publishedOn: "2024-04-15",
      fullText: "經村民代表會議討論決定，實施前灣、後灣村內道路硬化，籌資籌勞方案和困難戶名單在村務公開欄公示七日。",
    },
    implementationReports: [{ kind: "PROGRESS", reportedOn: "2024-09-30", content: "道路硬化完工，村務監督委員會已公布籌資收支明細。" }],
    attachments: [{ kind: "DECISION_DOCUMENT", title: "雙鋪村村民代表會議決議", mediaType: "application/pdf", url: `${FILES}/2024/shuangpu-daolu.pdf`, byteSize: 96_256 }],
  },

  // 14. Flood-control dredging: suspended by the mayor when the flood season came early (art. 37), then
  // changed after the executive meeting deliberated it again, and resumed.
  {
    catalogYear: 2023,
    catalogNumber: 9,
    title: "桐城市城區河道清淤疏浚工程實施方案",
    summary: "對龍眠河、大沙河城區段共11.4公里河道清淤疏浚，加固護岸3.2公里，總投資4200萬元，分兩個枯水期實施。",
    category: "PUBLIC_CONSTRUCTION",
    regionCode: "340881000000",
    decidingBody: CITY_GOV,
    undertakingBody: HOUSING,
    stage: "IMPLEMENTATION",
    status: "DECIDED",
    budgetYuan: 42_000_000,
    initiatedOn: "2023-09-01",
    consultations: [{ method: "SYMPOSIUM", opensOn: "2023-10-18", closesOn: "2023-10-18", participantCount: 24, summary: "沿河居民代表和商戶代表對施工時段和臨時便道提出意見。", consultedGroups: ["RESIDENT_REPRESENTATIVE", "ENTERPRISE"] }],
    legalityReviews: [{ reviewingBody: JUSTICE, submittedOn: "2023-11-01", dueOn: "2023-11-14", completedOn: "2023-11-13", result: "LAWFUL", opinion: "方案符合防洪法和河道管理條例的規定。" }],
    deliberations: [
      { meeting: "桐城市人民政府第27次常務會議", heldOn: "2023-11-28", outcome: "ADOPTED", dissent: "無不同意見。" },
      { meeting: "桐城市人民政府第35次常務會議", heldOn: "2024-06-18", outcome: "ADOPTED_WITH_CHANGES", dissent: "無不同意見。" },
    ],
    publication: { documentNumber: "桐政〔2023〕21號", publishedOn: "2023-12-05", fullText: "同意實施城區河道清淤疏浚工程，分兩個枯水期完成。" },
    implementationReports: [
      { kind: "PROGRESS", reportedOn: "2024-03-20", content: "龍眠河城區段清淤完成4.1公里。" },
      {
        kind: "SUSPENSION",
        reportedOn: "2024-04-26",
        procedure: "HEAD_DECIDED",
        circumstance: "FORCE_MAJEURE",
        reason: "汛期提前，上游來水超過施工圍堰設防標準，繼續施工危及堤防安全。",
        content: "市長決定大沙河段清淤自4月26日起中止執行，已開挖段完成臨時防護。",
      },
      {
        kind: "ADJUSTMENT",
        reportedOn: "2024-06-20",
        decidedOn: "2024-06-18",
        procedure: "STATUTORY_PROCEDURE",
        circumstance: "CIRCUMSTANCES_CHANGED",
        reason: "汛期提前使原定工期無法完成，須調整施工時段和分段方案。",
        content: "經市政府第35次常務會議再次討論，大沙河段改為當年10月至次年3月施工，護岸加固同步實施，總投資不變。",
      },
      { kind: "RESUMPTION", reportedOn: "2024-10-08", content: "大沙河段按調整後的方案恢復施工。" },
    ],
  },
];
