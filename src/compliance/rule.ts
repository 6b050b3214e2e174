import { type Row } from "../db/by-id.loader.js";
import { SELF_GOVERNING_BODIES } from "../bodies/public-body.table.js";
import { decisionStage } from "../decisions/decision.table.js";
import { disclosureOf, type RecordType } from "../disclosure/record-types.js";
import { toGlobalId } from "../graphql/global-id.js";
import { type NoticeRow } from "../store/record-store.js";
import { type DecisionFile, type FilePart } from "./decision-file.js";
import { CalendarNotCovered } from "./working-days.js";

export type RuleStatus = "SATISFIED" | "VIOLATED" | "PENDING" | "NOT_APPLICABLE" | "NOT_ASSESSABLE";

/** A value a rule used: which record, which field, what it held (only ever a value its audience may see). */
export interface Evidence {
  recordType: RecordType;
  recordId: string;
  field: string;
  value: string | null;
  /** Staff reports only: the value is withheld from the public (its reading is logged). */
  hiddenFromPublic: boolean;
}

export interface RuleOutcome {
  status: RuleStatus;
  /** What the rule found, in Chinese and in English. */
  finding: { zh: string; en: string };
  evidence: Evidence[];
  /** For NOT_ASSESSABLE: the withholdings that hide what the rule needs. */
  withheld: NoticeRow[];
  /** The first day on which the passing of time alone can change this outcome. */
  reassessOn?: string;
}

/**
 * How the regulation words the duty, which decides what a breach means:
 * MANDATORY (应当, 不得: no exception), GENERAL (一般: the norm, from which a reason recorded in time
 * makes an exception lawful), ADVISORY (可以: a power, never a violation when not used).
 */
export const RULE_FORCES = ["MANDATORY", "GENERAL", "ADVISORY"] as const;
export type RuleForce = (typeof RULE_FORCES)[number];

export interface ComplianceRule {
  /** Stable id, used in filters and in the kept reports. */
  id: string;
  article: string;
  statement: { zh: string; en: string };
  force: RuleForce;
  /** When the rule applies (stage, category, facts of the decision), in plain words. */
  appliesWhen: string;
  /** The fields it reads, as `Type.field`. */
  reads: readonly string[];
  /**
   * Whose procedure the rule judges: Decree 713's (the default: a government's major administrative
   * decision, art. 2 and 42) or villagers' and residents' self-government (the Organic Laws), which
   * Decree 713 does not govern. A rule is NOT_APPLICABLE to the other kind of decision.
   */
  scope?: "SELF_GOVERNMENT";
  evaluate(file: FileView, today: string): RuleOutcome;
}

type Say = [zh: string, en: string];
const outcome = (status: RuleStatus) => ([zh, en]: Say, evidence: Evidence[] = [], extra: Partial<RuleOutcome> = {}): RuleOutcome => ({ status, finding: { zh, en }, evidence, withheld: [], ...extra });

export const satisfied = outcome("SATISFIED");
export const violated = outcome("VIOLATED");
export const pending = outcome("PENDING");
export const notApplicable = outcome("NOT_APPLICABLE");

export function notAssessable(withheld: NoticeRow[], evidence: Evidence[] = []): RuleOutcome {
  const grounds = [...new Set(withheld.map((notice) => `${notice.ground} (${notice.article})`))].join("; ");
  return { status: "NOT_ASSESSABLE", finding: { zh: `所需记录依法不予公开，无法评估：${grounds}`, en: `Not assessable: what the rule needs is withheld on ground ${grounds}.` }, evidence, withheld };
}

const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 19 → 十九, 32 → 三十二 (articles and paragraphs run below a hundred). */
export function chineseNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  return `${tens === 1 ? "" : DIGITS[tens]}十${DIGITS[ones]}`;
}

/** A place in the Interim Regulations (Decree 713): an article, and its paragraph where it has several. */
export type Place = readonly [article: number, paragraph?: number];

export const DECREE_713 = "重大行政决策程序暂行条例";
export const VILLAGERS_COMMITTEES_LAW = "中华人民共和国村民委员会组织法";
export const RESIDENTS_COMMITTEES_LAW = "中华人民共和国城市居民委员会组织法";

/** Places in a statute other than Decree 713, cited as `article` cites it: `art. 22(1) (《中华人民共和国村民委员会组织法》第二十二条第一款)`. */
export function statuteArticle(statute: string, ...places: Place[]): string {
  const en = places.map(([n, paragraph]) => (paragraph ? `${n}(${paragraph})` : `${n}`)).join(", ");
  const zh = places.map(([n, paragraph]) => `第${chineseNumber(n)}条${paragraph ? `第${chineseNumber(paragraph)}款` : ""}`).join("、");
  return `art. ${en} (《${statute}》${zh})`;
}

/**
 * The places a rule rests on, cited the same way everywhere: `art. 19(1), 19(2) (《重大行政决策程序暂行条例》
 * 第十九条第一款、第十九条第二款)`. A paragraph is named wherever the article has more than one.
 */
export function article(...places: Place[]): string {
  return statuteArticle(DECREE_713, ...places);
}

/**
 * Runs a count of working days; when a date falls in a year whose official calendar is not published
 * yet, the rule cannot be assessed (never a weekday guess): that outcome is returned instead.
 */
export function onCalendar<T>(count: () => T, evidence: Evidence[]): { value: T } | { outcome: RuleOutcome } {
  try {
    return { value: count() };
  } catch (error) {
    if (!(error instanceof CalendarNotCovered)) throw error;
    return { outcome: { ...notAssessable([], evidence), finding: { zh: `官方工作日历未载${error.year}年的节假日安排，无法计算工作日。`, en: `Not assessable: ${error.message}.` } } };
  }
}

/**
 * Why an exception a GENERAL rule allows is not shown lawful: its reason is missing, undated, or was
 * stated after `by` (the day it was due with: a period's opening, a draft's submission); null when it holds.
 */
export function reasonNotInTime(reason: unknown, statedOn: string | null, by: string): "missing" | "undated" | "late" | null {
  if (!reason) return "missing";
  if (!statedOn) return "undated";
  return statedOn > by ? "late" : null;
}

/** Records by a date field, then by creation (the same order for the public and for staff: both are public). */
export const byDate = (field: string) => (a: Row, b: Row) => String(a[field]).localeCompare(String(b[field])) || String(a.createdAt).localeCompare(String(b.createdAt));

/** The kinds of meeting in Chinese, for findings. */
export const MEETING_ZH: Record<string, string> = {
  GOVERNMENT_EXECUTIVE_MEETING: "政府常务会议",
  GOVERNMENT_PLENARY_MEETING: "政府全体会议",
  VILLAGERS_MEETING: "村民会议",
  VILLAGER_REPRESENTATIVES_MEETING: "村民代表会议",
  RESIDENTS_MEETING: "居民会议",
  OTHER_MEETING: "其他会议",
};

const stages = decisionStage.enumValues;
const ADOPTED = new Set(["ADOPTED", "ADOPTED_WITH_CHANGES"]);
export const LAWFUL = new Set(["LAWFUL", "LAWFUL_AFTER_AMENDMENT"]);

/** A decision's file as the rules read it, with the withheld parts kept apart from the missing ones. */
export class FileView {
  constructor(readonly file: DecisionFile) {}

  get decision(): Row {
    return this.file.decision;
  }

  records(part: FilePart): Row[] {
    return this.file.parts[part];
  }

  /** Notices of the records of this kind that are withheld whole (for the public; none for staff). */
  withheldWhole(...parts: FilePart[]): NoticeRow[] {
    return parts.flatMap((part) => this.file.withheldRecords.get(part) ?? []);
  }

  /** The notice of a withheld field, if that field of that record is withheld. */
  withheldField(record: Row, field: string): NoticeRow | null {
    return this.file.withheldFields.get(record.id)?.get(field) ?? null;
  }

  evidence(recordType: RecordType, record: Row, field: string): Evidence {
    const value = record[field];
    const hidden = this.file.hiddenFromPublic;
    const hiddenFromPublic = hidden.has(`${record.id}:${field}`) || hidden.has(`${record.id}:*`) || hidden.has(`${this.decision.id}:*`);
    return { recordType, recordId: record.id, field, hiddenFromPublic, value: value === null || value === undefined ? null : value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join(";") : String(value) };
  }

  /** The fields among `fields` that are empty, and the notices of those of them that are withheld. */
  missing(record: Row, fields: readonly string[]): { missing: string[]; withheld: NoticeRow[] } {
    const missing = fields.filter((field) => record[field] === null || record[field] === undefined || record[field] === false);
    const withheld = missing.map((field) => this.withheldField(record, field)).filter((notice): notice is NoticeRow => notice !== null);
    return { missing, withheld };
  }

  /** Whether the procedure has reached (or passed) a stage; the stage is always public. */
  reached(stage: (typeof stages)[number]): boolean {
    return stages.indexOf(this.decision.stage as (typeof stages)[number]) >= stages.indexOf(stage);
  }

  /** Deliberations that adopted the decision, earliest first. */
  adoptingDeliberations(): Row[] {
    return this.records("deliberations")
      .filter((row) => ADOPTED.has(row.outcome as string))
      .sort((a, b) => String(a.heldOn).localeCompare(String(b.heldOn)));
  }

  /** The day of the first deliberation that adopted the decision: what the steps before it are judged by. */
  adoptedOn(): string | undefined {
    return this.adoptingDeliberations()[0]?.heldOn as string | undefined;
  }

  /** Every deliberation, whatever it decided, earliest first (art. 25: a draft may not even be submitted to one unreviewed). */
  deliberations(): Row[] {
    return [...this.records("deliberations")].sort(byDate("heldOn"));
  }

  /** Whether the deciding body is a village or community committee: the matter is one of self-government, outside Decree 713. */
  selfGoverning(): boolean {
    return SELF_GOVERNING_BODIES.has(this.file.decidingBodyKind ?? "");
  }

  /** Whether the draft went to (or past) deliberation. */
  deliberated(): boolean {
    return this.reached("DELIBERATION") || this.records("deliberations").length > 0;
  }
}

export const globalEvidence = (evidence: Evidence) => ({ ...evidence, recordId: toGlobalId(disclosureOf(evidence.recordType).typeName, evidence.recordId) });

/**
 * A rule's outcome for a file, within its scope: Decree 713 governs the major administrative decisions
 * of governments (art. 2; by reference their departments and township governments, art. 42), not what
 * villagers or residents decide for themselves through their committees (村民委员会组织法 art. 2, 5;
 * 城市居民委员会组织法 art. 2), and the self-government rules judge no government's decision.
 */
export function judge(rule: ComplianceRule, view: FileView, today: string): RuleOutcome {
  if (rule.scope !== "SELF_GOVERNMENT" && view.selfGoverning()) {
    return notApplicable([
      "决策机关为村（居）民委员会，所议为村（居）民自治事项，不适用《重大行政决策程序暂行条例》（第二条、第四十二条）；由村民会议、村民代表会议或者居民会议依村民委员会组织法、城市居民委员会组织法决定（见 DECIDED_BY_VILLAGERS_MEETING 规则）。",
      "The deciding body is a villagers' or residents' committee: the matter is one of their self-government, which Decree 713 (art. 2, 42) does not govern; the Organic Laws of the Villagers' and Urban Residents' Committees do (see DECIDED_BY_VILLAGERS_MEETING).",
    ]);
  }
  return rule.evaluate(view, today);
}
