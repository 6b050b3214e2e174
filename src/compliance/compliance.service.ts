import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { type PgColumn } from "drizzle-orm/pg-core";
import { rolesOf } from "../access/operation-roles.js";
import { type Viewer } from "../access/viewer.js";
import { type AccessLog } from "../audit/access-log.js";
import { type Clock } from "../shared/clock.js";
import { type DecisionFilter } from "../decisions/decision-filter.input.js";
import { DecisionRepository } from "../decisions/decision.repository.js";
import { decisionCriteria } from "../decisions/decision.service.js";
import { noticeOf } from "../disclosure/notice.service.js";
import { ForbiddenError } from "../graphql/auth.errors.js";
import { type ConnectionValue, toConnection } from "../graphql/connection.js";
import { decodeCursor, encodeCursor, isInteger, isLocalDate, isUuid } from "../graphql/cursor.js";
import { rowIdOf, toGlobalId } from "../graphql/global-id.js";
import { type ForwardPageArgs, pageRequest } from "../graphql/page-args.js";
import { UserInputError } from "../graphql/user-input.error.js";
import { asNode } from "../store/node.js";
import { type RecordStore } from "../store/record-store.js";
import { staffComplianceAssessments } from "../store/staff.tables.js";
import { type Count } from "../statistics/statistics.type.js";
import { type ComplianceIndex } from "./compliance-index.js";
import { type ComplianceReport as ReportValue, type ComplianceRule as RuleValue, type ComplianceStateCounts, type ComplianceStatistics, type LegalityQueueItem, type RuleStatusCounts } from "./compliance.type.js";
import { type Audience, type DecisionFile, loadDecisionFiles } from "./decision-file.js";
import { evaluateCompliance } from "./evaluate.js";
import { shortPeriodWarning } from "./legality-queue.js";
import { type ComplianceRule, globalEvidence } from "./rule.js";
import { complianceRules } from "./rules.js";
import { chinaDate } from "./working-days.js";
import { literalLimit } from "../db/literals.js";

export const ruleValue = (rule: ComplianceRule): RuleValue => ({
  id: rule.id,
  article: rule.article,
  statementZh: rule.statement.zh,
  statementEn: rule.statement.en,
  force: rule.force,
  severity: rule.force,
  appliesWhen: rule.appliesWhen,
  reads: [...rule.reads],
});

const basisOf = (audience: Audience) => (audience === "PUBLIC" ? "DISCLOSED_RECORDS" : "FULL_RECORDS");

export interface LegalityQueueFilter {
  state?: string[] | null;
  reviewingBodyId?: string | null;
  decidingBodyId?: string | null;
}

/** Roles that read the legality review queue: as declared (staff who work it, and admins, who read everything). */
const QUEUE_ROLES = new Set<string>(rolesOf("Query", "legalityQueue"));
const QUEUE_ORDER = "legalityQueue:urgency";
/** Undated entries (not yet submitted, unlawful, deliberated) sort after dated ones. */
const NO_DUE_DATE = "9999-12-31";

/**
 * Compliance for one request: each decision's report computed from what the viewer may see (the
 * disclosure projection for the public, the records for staff), and the kept reports brought up to
 * date before they are filtered or counted.
 */
export class ComplianceService {
  private freshness: Promise<void> | null = null;

  constructor(
    private readonly store: RecordStore,
    private readonly audience: Audience,
    private readonly index: ComplianceIndex,
    private readonly clock: Clock,
    private readonly viewer: Viewer,
    private readonly accessLog: AccessLog,
  ) {}

  today(): string {
    return chinaDate(this.clock());
  }

  /** Once per request, before reading kept reports (or a refusal to retry, if they are far behind). */
  fresh(): Promise<void> {
    return (this.freshness ??= this.index.current(this.today()));
  }

  rules(): RuleValue[] {
    return complianceRules.map(ruleValue);
  }

  async report(decisionRowId: string): Promise<ReportValue | null> {
    const files = this.store.batched<string, DecisionFile | null>("complianceFiles", (ids, read, tables) => loadDecisionFiles(read, tables, this.audience, ids));
    const file = await files.load(decisionRowId);
    if (!file) return null;
    const report = evaluateCompliance(file, this.today());
    // Evidence is a read like any other: staff's reading of a withheld value is logged.
    for (const result of report.results) for (const evidence of result.evidence) if (evidence.hiddenFromPublic) this.accessLog.record({ recordType: evidence.recordType, recordId: evidence.recordId, field: evidence.field });
    return {
      state: report.state,
      assessedOn: report.assessedOn,
      computedFrom: basisOf(this.audience),
      results: report.results.map((result) => ({
        rule: ruleValue(result.rule),
        status: result.status,
        findingZh: result.finding.zh,
        findingEn: result.finding.en,
        evidence: result.evidence.map(globalEvidence),
        withheld: result.withheld.map(noticeOf),
      })),
    };
  }

  async statistics(filter: DecisionFilter | null | undefined): Promise<ComplianceStatistics> {
    await this.fresh();
    const { decisions, complianceAssessments: a, complianceResults: r, publicBodies } = this.store.tables;
    const selected = new DecisionRepository(this.store).condition(decisionCriteria(filter, chinaDate(this.clock())));
    const stateCounts = async (key: PgColumn, label?: PgColumn): Promise<ComplianceStateCounts[]> => {
      const rows = await this.store.read((db) => {
        const base = db.select({ key, label: label ?? sql<null>`NULL::text`, state: a.state, count: count() }).from(a).innerJoin(decisions, and(selected, eq(decisions.id, a.decisionId))!);
        // Only the body grouping needs the bodies' names.
        const labelled = label ? base.leftJoin(publicBodies, eq(publicBodies.id, decisions.decidingBodyId)) : base;
        return labelled.groupBy(...(label ? [key, label, a.state] : [key, a.state])).orderBy(key);
      });
      const groups = new Map<string, ComplianceStateCounts>();
      for (const row of rows) {
        const id = label ? toGlobalId("PublicBody", String(row.key)) : String(row.key);
        const group = groups.get(id) ?? { key: id, label: (row.label as string | null) ?? null, compliant: 0, pending: 0, notAssessable: 0, violated: 0 };
        group[camel(row.state) as "compliant"] += row.count;
        groups.set(id, group);
      }
      return [...groups.values()];
    };
    const [byYear, byBody, ruleRows] = await Promise.all([
      stateCounts(decisions.catalogYear),
      stateCounts(decisions.decidingBodyId, publicBodies.name),
      this.store.read((db) =>
        db
          .select({ rule: r.rule, status: r.status, count: count() })
          .from(r)
          .innerJoin(decisions, and(selected, eq(decisions.id, r.decisionId))!)
          .groupBy(r.rule, r.status),
      ),
    ]);
    const byState = (["COMPLIANT", "PENDING", "NOT_ASSESSABLE", "VIOLATED"] as const).map((state): Count => ({
      key: state,
      label: null,
      count: byYear.reduce((sum, group) => sum + group[camel(state) as "compliant"], 0),
    }));
    const byRule = complianceRules.map((rule): RuleStatusCounts => {
      const counts = { rule: ruleValue(rule), satisfied: 0, violated: 0, pending: 0, notApplicable: 0, notAssessable: 0 };
      for (const row of ruleRows.filter((row) => row.rule === rule.id)) counts[camel(row.status) as "satisfied"] += row.count;
      return counts;
    });
    return { decisions: byState.reduce((sum, c) => sum + c.count, 0), computedFrom: basisOf(this.audience), byState, byRule, byYear, byDecidingBody: byBody };
  }

  /** The legality review queue: staff only, from the full records. */
  async legalityQueue(filter: LegalityQueueFilter | null | undefined, page: ForwardPageArgs): Promise<ConnectionValue<LegalityQueueItem> & { byState: Promise<Count[]>; byReviewingBody: Promise<Count[]>; byDecidingBody: Promise<Count[]> }> {
    if (!QUEUE_ROLES.has(this.viewer.role)) throw new ForbiddenError("The legality review queue is for legal review, editorial and admin staff.", this.viewer.role === "ANONYMOUS");
    const request = pageRequest(page);
    const q = staffComplianceAssessments;
    const { decisions, publicBodies } = this.store.tables;
    // Breaches already committed first, then overdue reviews, then by the real deadline (the due date,
    // or the meeting the draft goes to if earlier); without one, by submission. The decision's id only breaks ties, so that the order is total and pages are stable.
    const rankKey = sql<number>`(CASE ${q.queueState} WHEN 'DELIBERATED_WITHOUT_LAWFUL_REVIEW' THEN 0 WHEN 'OVERDUE' THEN 1 ELSE 2 END)`.mapWith(Number);
    const dueKey = sql<string>`coalesce(${q.queueDeadlineOn}, ${NO_DUE_DATE}::date)`;
    const submittedKey = sql<string>`coalesce(${q.queueSubmittedOn}, ${NO_DUE_DATE}::date)`;
    const after = request.cursor ? decodeCursor(request.cursor, QUEUE_ORDER, [isInteger, isLocalDate, isLocalDate, isUuid], "after") : null;
    const where = and(
      sql`${q.queueState} IS NOT NULL`,
      filter?.state?.length ? inArray(q.queueState, filter.state as never[]) : undefined,
      filter?.reviewingBodyId != null ? eq(q.queueReviewingBodyId, rowIdOf(filter.reviewingBodyId, "PublicBody", "filter.reviewingBodyId")) : undefined,
      filter?.decidingBodyId != null ? eq(decisions.decidingBodyId, rowIdOf(filter.decidingBodyId, "PublicBody", "filter.decidingBodyId")) : undefined,
    );
    if (filter?.state && filter.state.length === 0) throw new UserInputError('"filter.state" must list at least one value, or be left out.', "filter.state");
    await this.fresh();
    const rows = await this.store.read((db) =>
      db
        .select({ queue: q, decision: decisions, rank: rankKey, due: dueKey, submitted: submittedKey })
        .from(q)
        .innerJoin(decisions, eq(decisions.id, q.decisionId))
        .where(and(where, after ? sql`(${rankKey}, ${dueKey}, ${submittedKey}, ${q.decisionId}) > (${after[0]}::int, ${after[1]}::date, ${after[2]}::date, ${after[3]}::uuid)` : undefined))
        .orderBy(asc(rankKey), asc(dueKey), asc(submittedKey), asc(q.decisionId))
        .limit(literalLimit(request.size + 1)),
    );
    const items = rows.slice(0, request.size);
    this.store.prime("Decision", items.map((row) => row.decision as never));
    const counts = (key: PgColumn, typeName?: "PublicBody") => async (): Promise<Count[]> => {
      const grouped = await this.store.read((db) => {
        const base = db.select({ key, label: typeName ? publicBodies.name : sql<null>`NULL::text`, count: count() }).from(q).innerJoin(decisions, eq(decisions.id, q.decisionId));
        const labelled = typeName ? base.leftJoin(publicBodies, eq(publicBodies.id, key)) : base;
        return labelled
          .where(where)
          .groupBy(...(typeName ? [key, publicBodies.name] : [key]))
          .orderBy(key);
      });
      return grouped.map((row) => ({ key: row.key === null ? "NONE" : typeName ? toGlobalId(typeName, String(row.key)) : String(row.key), label: (row.label as string | null) ?? null, count: row.count }));
    };
    const connection = toConnection(
      {
        rows: items.map((row): LegalityQueueItem => ({
          decision: asNode("Decision", row.decision as never) as never,
          state: row.queue.queueState!,
          dueOn: row.queue.queueDueOn,
          deadlineOn: row.queue.queueDeadlineOn,
          deadlineSetBy: row.queue.queueDeadlineSetBy,
          reviewWorkingDays: row.queue.queueWorkingDays,
          shortPeriodWarning: row.queue.queueShortPeriod ? shortPeriodWarning(row.queue.queueShortPeriod, row.queue.queueWorkingDays) : null,
          submittedOn: row.queue.queueSubmittedOn,
          reviewingBodyId: row.queue.queueReviewingBodyId,
        })),
        cursorOf: (i) => {
          const row = items[i]!;
          return encodeCursor(QUEUE_ORDER, [Number(row.rank), String(row.due), String(row.submitted), row.queue.decisionId]);
        },
        hasNextPage: rows.length > request.size,
        hasPreviousPage: after !== null,
      },
      async () => (await counts(q.queueState)()).reduce((sum, c) => sum + c.count, 0),
    );
    // Counted only when asked for, like totalCount.
    const lazyCounts = {
      get byState() {
        return counts(q.queueState)();
      },
      get byReviewingBody() {
        return counts(q.queueReviewingBodyId, "PublicBody")();
      },
      get byDecidingBody() {
        return counts(decisions.decidingBodyId, "PublicBody")();
      },
    };
    return Object.defineProperties(connection, Object.getOwnPropertyDescriptors(lazyCounts)) as ConnectionValue<LegalityQueueItem> & typeof lazyCounts;
  }
}

const camel = (value: string): string => value.toLowerCase().replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
