import { publicBodies } from "../../src/bodies/public-body.table.js";
import { comments } from "../../src/consultations/comment.table.js";
import { consultations } from "../../src/consultations/consultation.table.js";
import { type Database } from "../../src/db/database.js";
import { decisionCategory, decisionStage, decisions } from "../../src/decisions/decision.table.js";
import { deliberations } from "../../src/deliberations/deliberation.table.js";
import { withholdings } from "../../src/disclosure/withholding.table.js";
import { expertReviews } from "../../src/expert-reviews/expert-review.table.js";
import { legalityReviews } from "../../src/legality-reviews/legality-review.table.js";
import { publications } from "../../src/publications/publication.table.js";
import { regions } from "../../src/regions/region.table.js";
import { riskAssessments, riskFindings } from "../../src/risk-assessments/risk-assessment.table.js";
import { searchDocuments } from "../../src/search/search-document.table.js";
import { searchKey } from "../../src/search/search-key.js";
import { addDays } from "../../src/compliance/working-days.js";
import { randomSource } from "../generated.js";
import { checkSymbol, RECEIPT_ALPHABET } from "../../src/consultations/receipt-number.js";
import { insertAll } from "../../src/db/insert-all.js";
import { copyChunks, copyText } from "../../src/db/copy-text.js";
import { type PgTable } from "drizzle-orm/pg-core";
import { setImmediate as turn } from "node:timers/promises";

/**
 * A province-sized data set for the benchmark, deterministic by seed (ids included): a city of
 * towns and villages and their bodies, decisions across seven years, every stage and category,
 * about ten comments each, reviews, risk assessments, withholdings in realistic proportions, and
 * Chinese text of realistic length. Written a batch of decisions at a time, one statement per table.
 */
export interface ScaleOptions {
  decisions: number;
  seed: number;
  commentsPerDecision: number;
  /** Called after each batch with the decisions and rows written so far. */
  progress?: (done: number, rows: number) => void;
  /**
   * How the rows reach the tables: COPY (the default), or the statements of column arrays it
   * replaced (`insertAll`), kept to show that the two write the same rows.
   */
  writer?: "copy" | "insert";
  /** Decisions a batch (BATCH by default; smaller in tests, to write several batches at once). */
  batch?: number;
}

/** Decisions a batch: one transaction, one statement a table (about 17,000 rows at ten comments each). */
const BATCH = 1000;
/** Decisions generated between two turns of the event loop, so that the batches before are written meanwhile. */
const SLICE = 25;
/**
 * Batches written at once, each in its own transaction on its own connection (PGlite's one connection
 * takes them in turn). Most of a load is the server's work — each search document's grams, the
 * indexes, the foreign-key checks — and one backend works on one core.
 */
const WRITERS = 2;
const TOWNS = 40;
const VILLAGES_PER_TOWN = 20;
const stages = decisionStage.enumValues;
const subjects = ["農貿市場", "老舊小區", "污水管網", "中小學校舍", "鄉村道路", "停車設施", "垃圾分類", "養老服務中心", "飲用水源", "防汛設施", "公共文化場館", "產業園區"];
const actions = ["改造提升工程", "建設項目", "管理辦法", "三年行動計劃", "專項規劃", "實施方案"];
const sayings = ["建議增加停車位並公開收費標準", "希望施工期間減少夜間噪音", "請說明資金來源和預算明細", "建議聽取周邊商戶意見", "擔心拆遷補償標準偏低", "支持該項目，希望盡快實施", "建議設置無障礙通道", "請公開招標過程和中標結果"];
const names = ["張", "王", "李", "趙", "陳", "劉", "楊", "黃"];

type Random = ReturnType<typeof randomSource>;

/**
 * A receipt number taken from the comment's (seeded) id rather than drawn by the database, so that
 * the same seed writes the same rows: its first 55 bits as 11 symbols, then the check symbol.
 */
function receiptNumberOf(commentId: string): string {
  let bits = BigInt(`0x${commentId.replaceAll("-", "")}`) >> 73n;
  let symbols = "";
  for (let i = 0; i < 11; i++, bits >>= 5n) symbols = RECEIPT_ALPHABET[Number(bits & 31n)]! + symbols;
  return symbols + checkSymbol(symbols);
}

/** 32 bits of the seeded source as 8 hex digits (`next()` is a 32-bit integer over 2^32). */
const hexWord = (random: Random) => Math.floor(random.next() * 4294967296).toString(16).padStart(8, "0");

/** Ids made so far from each seeded source: the ordered part of the next one. */
const idsMade = new WeakMap<Random, number>();

/** Where the ordered part of a load's ids starts: 2024-01-01T00:00:00Z in milliseconds, as version 7 counts. */
const ID_EPOCH_MS = 1_704_067_200_000;

/**
 * A UUID from the seeded source, laid out as version 7 (RFC 9562): 48 bits that grow by one with each
 * id the load makes, then the version, the variant and 74 drawn bits. The same seed gives the same
 * ids. Ordered, as ids made by the clock at write time would be, so that a load adds each key index's
 * new entries at its end: with version-4 ids every row went to a random page of every such index,
 * pages that at 100,000 decisions no longer fit in shared buffers.
 */
const uuid = (random: Random) => {
  const made = (idsMade.get(random) ?? 0) + 1;
  idsMade.set(random, made);
  const ordered = (ID_EPOCH_MS + made).toString(16).padStart(12, "0");
  const [b, c, d] = [hexWord(random), hexWord(random), hexWord(random)];
  return `${ordered.slice(0, 8)}-${ordered.slice(8)}-7${b.slice(1, 4)}-${"89ab"[parseInt(b[4]!, 16) & 3]}${b.slice(5)}-${c}${d.slice(4)}`;
};

const day = (year: number, dayOfYear: number) => addDays(`${year}-01-01`, dayOfYear);
const instant = (date: string, hour = 9) => new Date(`${date}T0${hour % 10}:00:00.000Z`);

/**
 * Writes the data set: the place first, then the decisions a batch at a time, each batch generated
 * while the ones before it are written (PostgreSQL works on them while Node makes the next).
 */
export async function loadScaleData(database: Database, options: ScaleOptions): Promise<{ rows: number }> {
  const write = options.writer === "insert" ? insertRows(database) : copyRows(database);
  const random = randomSource(options.seed);
  const place = placeOf(random, options.seed);
  let rows = await write(placeTables(place));
  const writing: Promise<void>[] = [];
  let done = 0;
  for await (const { size, tables } of scaleBatches(random, place, options)) {
    if (writing.length === WRITERS) await writing.shift();
    const written = write(tables).then((count) => {
      rows += count;
      done += size;
      options.progress?.(done, rows);
    });
    // Its failure is thrown where it is awaited; meanwhile it is not an unhandled rejection.
    written.catch(() => {});
    writing.push(written);
  }
  await Promise.all(writing);
  return { rows };
}

/** Each table's rows, in an order the foreign keys accept. */
type Tables = [PgTable, Record<string, unknown>[]][];

/** Each batch in one transaction, a statement a table: the inserts of column arrays. */
const insertRows = (database: Database) => (tables: Tables) =>
  database.db.transaction(async (db) => {
    let written = 0;
    for (const [table, rows] of tables) written += await insertAll(db, table, rows);
    return written;
  });

/** Each batch in one transaction, a COPY a table (none for a table without rows, as insertAll). */
const copyRows = (database: Database) => (tables: Tables) =>
  database.bulkLoad(async (load) => {
    let written = 0;
    for (const [table, rows] of tables) {
      if (rows.length === 0) continue;
      const text = copyText(table, rows[0]!);
      await load.copy(text, copyChunks(linesOf(rows, text.line)));
      written += rows.length;
    }
    return written;
  });

function* linesOf<T>(rows: readonly T[], line: (row: T) => string): Generator<string> {
  for (const row of rows) yield line(row);
}

type Place = ReturnType<typeof placeOf>;

/** The city, its towns and villages, and their bodies. */
function placeOf(random: Random, seed: number) {
  const city = { id: uuid(random), code: `99${String(seed % 10_000).padStart(4, "0")}`, path: "" };
  city.path = `/${city.code}/`;
  const towns = Array.from({ length: TOWNS }, (_, t) => ({ id: uuid(random), code: `${city.code}${String(t + 1).padStart(3, "0")}`, name: `規模測試${t + 1}鎮` }));
  const villages = towns.flatMap((town) => Array.from({ length: VILLAGES_PER_TOWN }, (_, v) => ({ id: uuid(random), town, code: `${town.code}${String(v + 1).padStart(3, "0")}`, name: `${town.name}第${v + 1}村` })));
  const cityGovernment = { id: uuid(random), name: `規模測試市人民政府（${seed}）` };
  const legalOffice = { id: uuid(random), name: `規模測試市司法局（${seed}）` };
  const departments = Array.from({ length: 10 }, (_, i) => ({ id: uuid(random), name: `規模測試市第${i + 1}局（${seed}）` }));
  const townGovernments = towns.map((town) => ({ id: uuid(random), town, name: `${town.name}人民政府（${seed}）` }));
  return { city, towns, villages, cityGovernment, legalOffice, departments, townGovernments };
}

function placeTables({ city, towns, villages, cityGovernment, legalOffice, departments, townGovernments }: Place): Tables {
  return [
    [
      regions,
      [
        { id: city.id, code: city.code, name: "規模測試市", level: "CITY", parentId: null, path: city.path, depth: 0 },
        ...towns.map((t) => ({ id: t.id, code: t.code, name: t.name, level: "TOWN", parentId: city.id, path: `${city.path}${t.code}/`, depth: 1 })),
        ...villages.map((v) => ({ id: v.id, code: v.code, name: v.name, level: "VILLAGE", parentId: v.town.id, path: `${city.path}${v.town.code}/${v.code}/`, depth: 2 })),
      ],
    ],
    [
      publicBodies,
      [
        { id: cityGovernment.id, name: cityGovernment.name, kind: "PEOPLES_GOVERNMENT", regionId: city.id },
        { id: legalOffice.id, name: legalOffice.name, kind: "LEGAL_AFFAIRS_OFFICE", regionId: city.id },
        ...departments.map((d) => ({ id: d.id, name: d.name, kind: "GOVERNMENT_DEPARTMENT", regionId: city.id })),
        ...townGovernments.map((g) => ({ id: g.id, name: g.name, kind: "TOWN_GOVERNMENT", regionId: g.town.id })),
      ],
    ],
  ];
}

/** The decisions a batch at a time, with every part of their files; the same seed, the same rows. */
async function* scaleBatches(random: Random, { city, villages, cityGovernment, legalOffice, departments, townGovernments }: Place, options: ScaleOptions): AsyncGenerator<{ size: number; tables: Tables }> {
  const catalogNumbers = new Map<string, number>();
  const size = options.batch ?? BATCH;
  for (let start = 0; start < options.decisions; start += size) {
    const end = Math.min(start + size, options.decisions);
    const batch = { decisions: [], consultations: [], comments: [], expertReviews: [], riskAssessments: [], riskFindings: [], legalityReviews: [], deliberations: [], publications: [], withholdings: [], searchDocuments: [] } as Record<string, Record<string, unknown>[]>;
    for (let n = start; n < end; n++) {
      if (n > start && (n - start) % SLICE === 0) await turn();
      const year = random.int(2019, 2025);
      const village = random.pick(villages);
      const byTown = random.next() < 0.7;
      const decider = byTown ? townGovernments.find((g) => g.town === village.town)! : cityGovernment;
      const key = `${decider.id}:${year}`;
      const catalogNumber = (catalogNumbers.get(key) ?? 0) + 1;
      catalogNumbers.set(key, catalogNumber);
      const stageIndex = random.int(0, stages.length - 1);
      const reached = (stage: (typeof stages)[number]) => stageIndex >= stages.indexOf(stage);
      const initiatedOn = day(year, random.int(0, 200));
      const id = uuid(random);
      const title = `${byTown ? village.name : "規模測試市"}${random.pick(subjects)}${random.pick(actions)}`;
      const summary = `${title}由${decider.name}列入${year}年度重大行政決策事項目錄。${random.pick(sayings)}。項目涉及${random.int(100, 5000)}戶居民，預計投資${random.int(50, 9000)}萬元，依法履行公眾參與、專家論證、風險評估、合法性審查和集體討論決定程序。`;
      const created = instant(initiatedOn);
      batch.decisions!.push({
        id, catalogYear: year, catalogNumber, title, summary, category: random.pick(decisionCategory.enumValues), regionId: byTown ? village.id : city.id,
        decidingBodyId: decider.id, undertakingBodyId: random.pick(departments).id, stage: stages[stageIndex], status: reached("PUBLICATION") ? "DECIDED" : "IN_PROGRESS",
        budgetYuan: random.next() < 0.6 ? random.int(10, 90_000) * 10_000 : null, initiatedOn, catalogPublishedOn: `${year}-01-15`,
        professionalOrTechnical: random.next() < 0.4, affectsStabilityOrSafety: random.next() < 0.3, speciallyAffectedGroups: random.next() < 0.2 ? ["ENTERPRISE"] : [],
        createdAt: created, updatedAt: created,
      });
      batch.searchDocuments!.push(...(["title", "summary"] as const).map((field) => ({ id: uuid(random), decisionId: id, recordType: "decisions", recordId: id, field, key: searchKey(field === "title" ? title : summary) })));
      if (random.next() < 0.03) batch.withholdings!.push(withholding(random, "decisions", id, id, "budgetYuan", "COMMERCIAL_SECRET", legalOffice.id, initiatedOn));

      if (reached("PUBLIC_PARTICIPATION")) {
        const consultationId = uuid(random);
        const opensOn = addDays(initiatedOn, 20);
        batch.consultations!.push({ id: consultationId, decisionId: id, method: "ONLINE_COMMENT", opensOn, closesOn: addDays(opensOn, 35), summary: "收到意見已逐條研究。", consultedGroups: ["INDIVIDUAL"], createdAt: created, updatedAt: created });
        const count = Math.max(0, options.commentsPerDecision + random.int(-3, 3));
        for (let c = 0; c < count; c++) {
          const commentId = uuid(random);
          const moderation = random.next();
          const state = moderation < 0.85 ? "PUBLISHED" : moderation < 0.95 ? "PENDING" : "REJECTED";
          const submitted = instant(addDays(opensOn, random.int(0, 34)), random.int(0, 9));
          const answered = state === "PUBLISHED" && random.next() < 0.8;
          batch.comments!.push({
            id: commentId, consultationId, decisionId: id, stakeholderCategory: random.pick(["INDIVIDUAL", "INDIVIDUAL", "RESIDENT_REPRESENTATIVE", "ENTERPRISE"]),
            text: `${random.pick(sayings)}，${random.pick(sayings)}。`, moderationState: state, adoptionResult: answered ? random.pick(["ADOPTED", "PARTIALLY_ADOPTED", "NOT_ADOPTED"]) : null,
            reply: answered ? "感謝您的意見，已研究並在決策中予以考慮。" : null, commenterName: `${random.pick(names)}先生`, commenterContact: `1390000${String(random.int(0, 9999)).padStart(4, "0")}`,
            submittedAt: submitted, answeredAt: answered ? instant(addDays(opensOn, 40)) : null, rejectionReason: state === "REJECTED" ? "與本事項無關。" : null, createdAt: submitted, updatedAt: submitted,
            receiptNumber: receiptNumberOf(commentId),
          });
          if (state === "PUBLISHED" && random.next() < 0.02) batch.withholdings!.push(withholding(random, "comments", commentId, id, "text", "PERSONAL_PRIVACY", legalOffice.id, opensOn));
        }
      }
      if (reached("EXPERT_ARGUMENTATION") && random.next() < 0.6) {
        batch.expertReviews!.push({ id: uuid(random), decisionId: id, reviewerKind: "EXPERT", reviewerName: `${random.pick(names)}教授`, method: "ARGUMENTATION_MEETING", reviewedOn: addDays(initiatedOn, 70), necessityOpinion: "項目必要。", feasibilityOpinion: "技術可行。", soundnessOpinion: "方案科學合理。", conclusion: "同意實施。", signed: true, createdAt: created, updatedAt: created });
      }
      if (reached("RISK_ASSESSMENT") && random.next() < 0.5) {
        const assessmentId = uuid(random);
        batch.riskAssessments!.push({ id: assessmentId, decisionId: id, assessor: "第三方評估機構", assessedOn: addDays(initiatedOn, 80), overallLevel: random.pick(["LOW", "MEDIUM", "HIGH"]), controllability: random.pick(["CONTROLLABLE", "CONTROLLABLE_WITH_MEASURES"]), riskPoints: "施工擾民、補償爭議。", measures: "分段施工、公開補償標準。", contingencyPlan: "設立應急接待點。", conclusion: "風險可控。", createdAt: created, updatedAt: created });
        for (const dimension of ["SOCIAL_STABILITY", "PUBLIC_SAFETY", "ENVIRONMENT", "ECONOMY"]) batch.riskFindings!.push({ id: uuid(random), riskAssessmentId: assessmentId, decisionId: id, dimension, level: "LOW", findings: "風險較低。", createdAt: created, updatedAt: created });
        if (random.next() < 0.02) batch.withholdings!.push(withholding(random, "risk_assessments", assessmentId, id, undefined, "ENDANGERS_SECURITY_OR_STABILITY", legalOffice.id, initiatedOn));
      }
      if (reached("LEGALITY_REVIEW")) {
        const submittedOn = addDays(initiatedOn, 90);
        const done = reached("DELIBERATION") || random.next() < 0.5;
        batch.legalityReviews!.push({ id: uuid(random), decisionId: id, reviewingBodyId: legalOffice.id, submittedOn, dueOn: addDays(submittedOn, 14), completedOn: done ? addDays(submittedOn, 12) : null, result: done ? "LAWFUL" : null, opinion: done ? "經審查，符合法定權限和程序。" : null, createdAt: created, updatedAt: created });
      }
      if (reached("DELIBERATION")) batch.deliberations!.push({ id: uuid(random), decisionId: id, meeting: `${decider.name}常務會議`, heldOn: addDays(initiatedOn, 110), outcome: "ADOPTED", dissent: "無不同意見。", createdAt: created, updatedAt: created });
      if (reached("PUBLICATION")) {
        const publicationId = uuid(random);
        const fullText = `${title}自公布之日起施行。${summary}`;
        batch.publications!.push({ id: publicationId, decisionId: id, documentNumber: `規政〔${year}〕${catalogNumber}號`, publishedOn: addDays(initiatedOn, 120), fullText, adoptionExplanation: "公眾意見採納情況已逐條說明。", createdAt: created, updatedAt: created });
        batch.searchDocuments!.push({ id: uuid(random), decisionId: id, recordType: "publications", recordId: publicationId, field: "fullText", key: searchKey(fullText) });
      }
    }
    yield {
      size: end - start,
      tables: [
        [decisions, batch.decisions!],
        [consultations, batch.consultations!],
        [comments, batch.comments!],
        [expertReviews, batch.expertReviews!],
        [riskAssessments, batch.riskAssessments!],
        [riskFindings, batch.riskFindings!],
        [legalityReviews, batch.legalityReviews!],
        [deliberations, batch.deliberations!],
        [publications, batch.publications!],
        [searchDocuments, batch.searchDocuments!],
        // Last: its trigger holds the open-data snapshots' row until commit, so a batch written
        // alongside waits for this one only at its own end.
        [withholdings, batch.withholdings!],
      ],
    };
  }
}

function withholding(random: Random, recordType: string, recordId: string, decisionId: string, field: string | undefined, ground: string, decidedByBodyId: string, since: string) {
  return {
    id: uuid(random), recordType, recordId, decisionId, field: field ?? null, ground,
    article: ground === "PERSONAL_PRIVACY" || ground === "COMMERCIAL_SECRET" ? "《中華人民共和國政府信息公開條例》第十五條" : "《中華人民共和國政府信息公開條例》第十四條",
    explanation: "依法不予公開。", decidedByBodyId, withheldSince: since, reviewDue: addDays(since, 365),
  };
}
