import { userError, type UserError } from "../graphql/user-error.type.js";
import { type withholdingGround } from "./withholding.table.js";

type Ground = (typeof withholdingGround.enumValues)[number];

/**
 * The article (and paragraph) of the Regulations on Open Government Information (Decree 711) each
 * ground rests on: art. 14 (state secrets, disclosure forbidden by law, danger to security and
 * stability), art. 15 (commercial secrets, personal privacy), art. 16(1) (internal affairs) and
 * art. 16(2) (process information, law-enforcement case files).
 */
export const groundArticle: Record<Ground, { article: number; paragraph?: number }> = {
  STATE_SECRET: { article: 14 },
  PROHIBITED_BY_LAW: { article: 14 },
  ENDANGERS_SECURITY_OR_STABILITY: { article: 14 },
  COMMERCIAL_SECRET: { article: 15 },
  PERSONAL_PRIVACY: { article: 15 },
  INTERNAL_AFFAIRS: { article: 16, paragraph: 1 },
  PROCESS_INFORMATION: { article: 16, paragraph: 2 },
  LAW_ENFORCEMENT_CASE_FILE: { article: 16, paragraph: 2 },
};

const NUMERALS: Record<string, number> = { 十四: 14, 十五: 15, 十六: 16, "14": 14, "15": 15, "16": 16, 一: 1, 二: 2, "1": 1, "2": 2 };

/** The withholding articles of Decree 711 a citation names, with the paragraph where it names one. */
export function citedPlaces(citation: string): { article: number; paragraph?: number }[] {
  const places = [...citation.matchAll(/第\s*(十[四五六]|1[456])\s*[条條](?:\s*第\s*([一二12])\s*款)?/g)];
  return places.map((m) => ({ article: NUMERALS[m[1]!]!, paragraph: m[2] ? NUMERALS[m[2]] : undefined }));
}

const DECREE_711 = (article: number, paragraph?: number) => `art. ${article}${paragraph ? `(${paragraph})` : ""} (《政府信息公开条例》第${["十四", "十五", "十六"][article - 14]}条${paragraph ? `第${paragraph === 1 ? "一" : "二"}款` : ""})`;

/**
 * Fields whose disclosure laws require, which art. 16(2)'s last sentence keeps out of "process
 * information": the published decision (Decree 713 art. 32), its text and its explanation.
 */
const REQUIRED_PUBLIC = new Set(["Publication", "Publication.fullText", "Publication.adoptionExplanation"]);

/** Why a withholding's ground and its citation do not agree with the law, if they do not. */
export function groundErrors(ground: Ground, citation: string, typeName: string, field: string | null | undefined): UserError[] {
  const required = groundArticle[ground];
  const cited = citedPlaces(citation);
  const rests = cited.some((place) => place.article === required.article && (place.paragraph === undefined || required.paragraph === undefined || place.paragraph === required.paragraph));
  const errors: UserError[] = [];
  if (!rests) {
    const wanted = DECREE_711(required.article, required.paragraph);
    errors.push(userError("INVALID_INPUT", `The ground ${ground} rests on Decree 711 ${wanted}; the article cited must name it.`, ["article"], wanted));
  }
  if (required.article === 16 && required.paragraph === 2 && REQUIRED_PUBLIC.has(field ? `${typeName}.${field}` : typeName)) {
    errors.push(
      userError(
        "PROCEDURE_VIOLATION",
        "The published decision, its text and its explanation are public by law (Decree 713 art. 32), and what laws require to be public is not process information (Decree 711 art. 16(2), last sentence).",
        ["ground"],
        `${DECREE_711(16, 2)}; art. 32 (《重大行政决策程序暂行条例》第三十二条)`,
      ),
    );
  }
  return errors;
}
