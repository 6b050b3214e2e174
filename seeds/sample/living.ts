// The sample's decisions in progress, dated from the day the sample is loaded: on any day, one
// online comment period is open for weeks, one closes within the week, a hearing is announced ahead
// and a legality review is due soon (Decree 713 art. 15, 16, 25–26). Periods keep the law's lengths.
import { addDays } from "../../src/compliance/working-days.js";
import { CITY_GOV, DRC, EDUCATION, FILES, HOUSING, JUSTICE, R_CITY } from "./names.js";
import { type SampleDecision } from "./sample.types.js";

const yearOf = (day: string) => Number(day.slice(0, 4));

/** Decisions 10–12 of the sample, as of `today` (ISO date, China Standard Time). */
export function livingDecisions(today: string): SampleDecision[] {
  const day = (offset: number) => addDays(today, offset);
  return [
    // 10. Old-housing renovation subsidies: 15-day comment period with a reason; legality review due within a week.
    {
      catalogYear: yearOf(day(-355)),
      catalogNumber: 32,
      title: "桐城市城區老舊小區改造居民出資和財政補助辦法",
      summary: "明確老舊小區改造中基礎類、完善類和提升類項目的財政補助標準和居民出資比例，規定加裝電梯每台財政補助15萬元，居民按樓層分攤其餘費用。",
      category: "PUBLIC_POLICY",
      regionCode: R_CITY,
      decidingBody: CITY_GOV,
      undertakingBody: HOUSING,
      stage: "LEGALITY_REVIEW",
      status: "IN_PROGRESS",
      initiatedOn: day(-355),
      basis: [
        { kind: "POLICY", title: "國務院辦公廳關於全面推進城鎮老舊小區改造工作的指導意見", citation: "國辦發〔2020〕23號" },
        { kind: "FACTUAL", title: "城區2000年前建成小區底數調查", content: "城區2000年底前建成的住宅小區共86個，涉及居民1.9萬戶，其中無電梯的多層住宅佔94%。" },
      ],
      consultations: [
        {
          method: "ONLINE_COMMENT",
          opensOn: day(-99),
          closesOn: day(-85),
          shortPeriodReason: "為銜接本年度中央預算內投資老舊小區改造項目申報截止時間，經市人民政府同意，徵求意見期限縮短為15日。",
          summary: "在市政府網站公開徵求意見15日，共收到意見建議63條，主要涉及加裝電梯費用分攤和低層住戶補償。",
          adoptionFeedback: "意見正在彙總研究，採納情況將在決策公布時一併說明。",
          comments: [
            {
              stakeholderCategory: "DEPUTY_OR_CPPCC_MEMBER",
              text: "建議將加裝電梯補助提高到每台20萬元，並允許提取住房公積金支付分攤費用。",
              moderationState: "PUBLISHED",
              adoptionResult: "UNDER_CONSIDERATION",
              reply: "提取公積金的建議已與公積金管理部門溝通，補助標準正在結合財力測算。",
              commenterName: "黃雅琴（市政協委員）",
              commenterContact: "13900001001",
              submittedAt: `${day(-97)}T15:30:00+08:00`,
            },
            {
              stakeholderCategory: "ENTERPRISE",
              text: "改造後小區物業服務成本上升，建議明確改造後物業費調整程序。",
              moderationState: "PUBLISHED",
              adoptionResult: "UNDER_CONSIDERATION",
              commenterName: "桐城市安居物業服務有限公司（聯繫人：曹斌）",
              commenterContact: "0556-6001001",
              submittedAt: `${day(-93)}T10:00:00+08:00`,
            },
            {
              stakeholderCategory: "PEOPLES_ORGANISATION",
              text: "建議對獨居和失能老人家庭的居民出資部分給予全額減免。",
              moderationState: "PUBLISHED",
              adoptionResult: "UNDER_CONSIDERATION",
              commenterName: "桐城市總工會（聯繫人：宋玲）",
              commenterContact: "0556-6001002",
              submittedAt: `${day(-90)}T09:25:00+08:00`,
            },
            {
              stakeholderCategory: "INDIVIDUAL",
              text: "我住一樓，加裝電梯對我家採光有影響，應當給一樓住戶補償。",
              moderationState: "PUBLISHED",
              adoptionResult: "UNDER_CONSIDERATION",
              commenterName: "俞振東",
              commenterContact: "13900001002",
              submittedAt: `${day(-86)}T21:10:00+08:00`,
            },
          ],
        },
        {
          method: "SYMPOSIUM",
          opensOn: day(-91),
          closesOn: day(-91),
          place: "桐城市住房和城鄉建設局會議室",
          participants: "街道和社區代表6名、業主委員會代表5名、物業服務企業代表3名、市財政局和市自然資源和規劃局代表",
          participantCount: 17,
          summary: "座談會重點討論居民出資比例、加裝電梯分攤規則和改造後的長效管理。",
          adoptionFeedback: "意見正在研究，將與網絡徵求意見的採納情況一併說明。",
          comments: [
            {
              stakeholderCategory: "RESIDENT_REPRESENTATIVE",
              text: "分攤比例建議參照省內其他城市，二樓不分攤，三樓以上逐層遞增。",
              moderationState: "PUBLISHED",
              adoptionResult: "UNDER_CONSIDERATION",
              commenterName: "汪建華（龍眠街道某小區業主委員會主任）",
              commenterContact: "13900001003",
              submittedAt: `${day(-91)}T10:15:00+08:00`,
            },
          ],
        },
      ],
      expertReviews: [
        {
          reviewerKind: "EXPERT",
          reviewerName: "陶文亮（建築結構高級工程師）",
          method: "WRITTEN_OPINION",
          reviewedOn: day(-63),
          necessityOpinion: "城區老舊小區設施老化，改造需求迫切。",
          feasibilityOpinion: "多數樓棟具備加裝電梯的結構條件，少數磚混結構樓棟需單獨鑒定。",
          soundnessOpinion: "補助標準應與改造內容掛鉤，避免「一刀切」。",
          conclusion: "原則同意，建議完善分類補助標準。",
          signed: false,
        },
        {
          reviewerKind: "INSTITUTION",
          reviewerName: "安徽省城鄉規劃設計研究院有限公司（受託）",
          method: "COMMISSIONED_STUDY",
          reviewedOn: day(-51),
          necessityOpinion: "辦法填補了本市老舊小區改造居民出資規則的空白。",
          feasibilityOpinion: "按測算，五年財政補助總額約2.3億元，與財政承受能力基本匹配。",
          soundnessOpinion: "居民出資比例設置區間合理，建議對困難家庭設置減免條款。",
          conclusion: "建議修改完善後送審。",
          signed: true,
        },
      ],
      riskAssessments: [
        {
          assessor: "桐城市住房和城鄉建設局",
          assessedOn: day(-31),
          overallLevel: "MEDIUM",
          controllability: "CONTROLLABLE_WITH_MEASURES",
          riskPoints: "加裝電梯中高低層住戶利益衝突；居民出資意願不足導致項目停滯。",
          measures: "明確協商規則和低層補償標準，由社區組織調解；困難家庭出資減免。",
          contingencyPlan: "出現較大矛盾時暫停該樓棟加裝，由街道組織人民調解。",
          conclusion: "採取措施後風險可控。",
          findings: [
            { dimension: "SOCIAL_STABILITY", level: "MEDIUM", findings: "低層住戶反對是加裝電梯的主要阻力，易引發鄰里糾紛。" },
            { dimension: "PUBLIC_SAFETY", level: "MEDIUM", findings: "施工期間需防範管線破壞和高空墜物。" },
            { dimension: "ENVIRONMENT", level: "LOW", findings: "施工噪聲和揚塵影響短期可控。" },
            { dimension: "ECONOMY", level: "MEDIUM", findings: "五年財政補助約2.3億元，需統籌中央和省級補助。" },
          ],
        },
      ],
      legalityReviews: [{ reviewingBody: JUSTICE, submittedOn: day(-8), dueOn: day(6) }],
    },

    // 11. A school-layout plan: its 31-day online comment period closes within the week; a hearing is
    // announced (participants and materials published) for twelve days from now.
    {
      catalogYear: yearOf(day(-75)),
      catalogNumber: 36,
      title: `桐城市中小學校和幼兒園佈局專項規劃（${yearOf(today) + 1}—${yearOf(today) + 10}年）`,
      summary: "根據學齡人口變化和城鎮化趨勢，對全市中小學校和幼兒園的數量、規模和選址進行統籌佈局，合理撤併鄉村小規模學校並預留城區學校用地。",
      category: "DEVELOPMENT_PLAN",
      regionCode: R_CITY,
      decidingBody: CITY_GOV,
      undertakingBody: EDUCATION,
      stage: "PUBLIC_PARTICIPATION",
      status: "IN_PROGRESS",
      initiatedOn: day(-75),
      basis: [
        { kind: "LEGAL", title: "中華人民共和國義務教育法", citation: "《中華人民共和國義務教育法》第十五條" },
        { kind: "FACTUAL", title: "「十四五」教育事業發展規劃後評估報告", content: "後評估建議根據出生人口下降趨勢調整學位建設計劃，並編制新一輪學校佈局專項規劃。" },
      ],
      consultations: [
        {
          method: "ONLINE_COMMENT",
          opensOn: day(-27),
          closesOn: day(4),
          comments: [
            {
              stakeholderCategory: "INDIVIDUAL",
              text: "撤併鄉村小規模學校後，請明確校車接送和寄宿安排，低年級學生不宜寄宿。",
              moderationState: "PUBLISHED",
              adoptionResult: "UNDER_CONSIDERATION",
              commenterName: "余德勝",
              commenterContact: "13900001301",
              submittedAt: `${day(-20)}T19:40:00+08:00`,
            },
            {
              stakeholderCategory: "RESIDENT_REPRESENTATIVE",
              text: "城東新區入住人口增長快，建議規劃中預留一所九年一貫制學校用地。",
              moderationState: "PUBLISHED",
              adoptionResult: "UNDER_CONSIDERATION",
              commenterName: "方玉梅（龍騰街道居民代表）",
              commenterContact: "13900001302",
              submittedAt: `${day(-6)}T09:05:00+08:00`,
            },
          ],
        },
        {
          method: "HEARING",
          opensOn: day(12),
          closesOn: day(12),
          place: "桐城市人民政府第二會議室",
          participants: "家長代表8名、教師代表4名、鄉鎮和街道代表4名、市人大代表和政協委員各2名",
          participantCount: 20,
          materialsProvidedOn: day(-2),
          participantsPublishedOn: day(-2),
          consultedGroups: ["RESIDENT_REPRESENTATIVE", "DEPUTY_OR_CPPCC_MEMBER"],
        },
      ],
      attachments: [
        { kind: "DRAFTING_EXPLANATION", title: "學校佈局專項規劃立項說明和工作方案", mediaType: "application/pdf", url: `${FILES}/xuexiao-buju-lixiang.pdf`, byteSize: 153_600 },
        { kind: "DRAFT", title: "桐城市中小學校和幼兒園佈局專項規劃（徵求意見稿）", mediaType: "application/pdf", url: `${FILES}/xuexiao-buju-zhengqiu.pdf`, byteSize: 512_000 },
      ],
    },

    // 12. Parking charges: the 36-day online comment period opened 12 days ago; some comments are still being moderated.
    {
      catalogYear: yearOf(day(-418)),
      catalogNumber: 35,
      title: "桐城市城區公共停車收費管理辦法",
      summary: "按城區核心區、一般區和外圍區實行差別化停車收費，路內泊位首30分鐘免費，對新能源汽車和殘疾人駕駛車輛給予優惠，收費收入用於停車設施建設。",
      category: "PUBLIC_POLICY",
      regionCode: R_CITY,
      decidingBody: CITY_GOV,
      undertakingBody: DRC,
      stage: "PUBLIC_PARTICIPATION",
      status: "IN_PROGRESS",
      initiatedOn: day(-418),
      basis: [
        { kind: "LEGAL", title: "中華人民共和國價格法", citation: "《中華人民共和國價格法》第十八條" },
        { kind: "POLICY", title: "國家發展改革委關於進一步完善機動車停放服務收費政策的指導意見", citation: "發改價格〔2015〕2975號" },
        { kind: "FACTUAL", title: "城區停車供需調查", content: "城區共有公共停車泊位約1.1萬個，核心區高峰時段泊位利用率超過95%，周轉率偏低。" },
      ],
      consultations: [
        {
          method: "ONLINE_COMMENT",
          opensOn: day(-12),
          closesOn: day(23),
          summary: "在市政府網站公開徵求意見36日，截至目前已收到意見建議88條，正在審核和彙總。",
          comments: [
            {
              stakeholderCategory: "INDIVIDUAL",
              text: "建議首小時免費而不是30分鐘，方便群眾到醫院、學校辦事。",
              moderationState: "PUBLISHED",
              adoptionResult: "UNDER_CONSIDERATION",
              commenterName: "時光明",
              commenterContact: "13900001201",
              submittedAt: `${day(-10)}T08:32:00+08:00`,
            },
            {
              stakeholderCategory: "PEOPLES_ORGANISATION",
              text: "建議殘疾人駕駛車輛在所有公共泊位免費停放，並增設無障礙泊位。",
              moderationState: "PUBLISHED",
              adoptionResult: "UNDER_CONSIDERATION",
              commenterName: "桐城市殘疾人聯合會（聯繫人：陳立）",
              commenterContact: "0556-6000301",
              submittedAt: `${day(-4)}T10:05:00+08:00`,
            },
            {
              stakeholderCategory: "INDIVIDUAL",
              text: "小區周邊晚上停車難，希望夜間路內泊位對周邊居民包月優惠。",
              moderationState: "PENDING",
              commenterName: "任曉峰",
              commenterContact: "13900001202",
              submittedAt: `${day(-3)}T22:14:00+08:00`,
            },
            {
              stakeholderCategory: "RESIDENT_REPRESENTATIVE",
              text: "老城區路窄，路內泊位擠佔人行道，建議收費同時清理違規泊位。",
              moderationState: "PENDING",
              commenterName: "丁國慶（龍眠街道居民代表）",
              commenterContact: "13900001203",
              submittedAt: `${day(-2)}T09:48:00+08:00`,
            },
            {
              stakeholderCategory: "SOCIAL_ORGANISATION",
              text: "建議收費收入單獨核算並每年公開使用情況。",
              moderationState: "PENDING",
              commenterName: "桐城市消費者協會（聯繫人：劉敏）",
              commenterContact: "0556-6000302",
              submittedAt: `${day(-1)}T15:20:00+08:00`,
            },
          ],
        },
        {
          method: "SYMPOSIUM",
          opensOn: day(-5),
          closesOn: day(-5),
          place: "桐城市發展和改革委員會會議室",
          participants: "停車場運營企業代表4名、桐城市汽車流通行業商會、出租車企業代表2名、市人大代表2名、醫院和商場代表各1名",
          participantCount: 13,
          summary: "與會企業和商會關注收費標準能否覆蓋運營成本，人大代表關注收費的公益屬性和收入使用。",
          comments: [
            {
              stakeholderCategory: "ENTERPRISE",
              text: "外圍區收費標準偏低，不足以覆蓋智慧停車設備的運營成本。",
              moderationState: "PUBLISHED",
              adoptionResult: "UNDER_CONSIDERATION",
              commenterName: "桐城市智泊停車管理有限公司（聯繫人：白濤）",
              commenterContact: "13900001204",
              submittedAt: `${day(-5)}T14:40:00+08:00`,
            },
            {
              stakeholderCategory: "INDUSTRY_ASSOCIATION_OR_CHAMBER",
              text: "建議商場配建停車場實行市場調節價，由經營者自主定價並明碼標價。",
              moderationState: "PUBLISHED",
              adoptionResult: "UNDER_CONSIDERATION",
              commenterName: "桐城市汽車流通行業商會（聯繫人：孔祥林）",
              commenterContact: "0556-6001201",
              submittedAt: `${day(-5)}T15:10:00+08:00`,
            },
            {
              stakeholderCategory: "DEPUTY_OR_CPPCC_MEMBER",
              text: "醫院和學校周邊應設置短時免費停車區，避免加重群眾負擔。",
              moderationState: "PENDING",
              commenterName: "甘秀英（市人大代表）",
              commenterContact: "13900001205",
              submittedAt: `${day(-5)}T15:35:00+08:00`,
            },
          ],
        },
      ],
      attachments: [
        { kind: "DRAFT", title: "桐城市城區公共停車收費管理辦法（徵求意見稿）", mediaType: "application/pdf", url: `${FILES}/tingche-zhengqiu.pdf`, byteSize: 265_216 },
        { kind: "DRAFTING_EXPLANATION", title: "關於《桐城市城區公共停車收費管理辦法（徵求意見稿）》的起草說明", mediaType: "application/pdf", url: `${FILES}/tingche-qicao.pdf`, byteSize: 143_360 },
      ],
    },
  ];
}
