import { randomUUID } from "node:crypto";
import { and, eq, gt, inArray, lte, max, or, sql } from "drizzle-orm";
import { changeLog } from "../audit/change-log.table.js";
import { type AppDb, type Database } from "../db/database.js";
import { insertAll } from "../db/insert-all.js";
import { Lease } from "../operations/lease.js";
import { disclosed } from "../disclosure/disclosed.tables.js";
import { staffTables } from "../store/staff.tables.js";
import { complianceAssessments, complianceResults, complianceUnassessed, complianceWatermark } from "./compliance.table.js";
import { type Audience, type DecisionFile, loadDecisionFiles } from "./decision-file.js";
import { type ComplianceReport, evaluateCompliance } from "./evaluate.js";
import { type LegalityQueueEntry, legalityQueueEntry } from "./legality-queue.js";

const CHUNK = 250;
/**
 * Reassessing this many decisions in one run rewrites enough of the kept reports that the planner's
 * statistics of them no longer hold (or never existed: the first run over a bulk-loaded data set).
 * Without them a compliance filter over 100,000 decisions was planned for four matching reports and
 * took 700 ms; with them, 2 ms. Autovacuum would analyze them too, later, where it runs at all.
 */
export const ANALYZE_AFTER = 500;
/**
 * How long a query waits for the kept reports by default. A run reassesses some 1,000 decisions a
 * second here: a day's due reassessments are waited for, a bulk load's are not.
 */
const WAIT_MS = 10_000;
/** Serialises writers of the kept reports across processes (an arbitrary, fixed key). */
const REPORTS_LOCK = 7_305_113;
/**
 * One instance at a time runs the refresh, under this lease; it is renewed at every chunk (a chunk
 * takes well under a second), so it expires this long after a holder that died.
 */
const LEASE_SECONDS = 60;
/** How often a refresh a query waits for asks again for the lease another instance holds. */
const LEASE_POLL_MS = 100;

/** Where runs are reported (the server's JSON log, under `work`): what ran, what it did, what was skipped. */
export interface RefreshLog {
  info(details: Record<string, unknown>, message: string): void;
}

/** What one run did, as logged. */
interface RunCounts {
  decisions: number;
  assessments: number;
  results: number;
}

/**
 * Keeps every decision's compliance reports (one from the disclosure projection for the public, one
 * from the records for staff) so that decisions can be filtered and counted by compliance. Reports go
 * stale when the decision's file changes (the change log says which) or when time alone can change
 * them (their reassessment day has come), and are missing for a decision just inserted (queued in
 * `compliance_unassessed`); `refresh` computes exactly those, before any query that reads the kept
 * reports. Lives as long as the server.
 */
export class ComplianceIndex {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  /** The day the latest caller asked for: a queued run assesses for it (a caller just after midnight joins one queued before). */
  private latestToday = "";
  private stopping = false;
  private timer: NodeJS.Timeout | undefined;
  private background: Promise<void> = Promise.resolve();
  private readonly waitMs: number;
  private readonly onError: (error: unknown) => void;
  private readonly log: RefreshLog | undefined;
  private readonly lease: Lease;

  /**
   * `waitMs`: how long a query waits for the kept reports to be brought up to date (see `current`);
   * `onError`: where a run that failed with nobody waiting for it is reported (the server's log).
   */
  constructor(
    private readonly database: Database,
    options: { waitMs?: number; onError?: (error: unknown) => void; log?: RefreshLog } = {},
  ) {
    this.waitMs = options.waitMs ?? WAIT_MS;
    this.onError = options.onError ?? (() => {});
    this.log = options.log;
    this.lease = new Lease(database, "compliance-refresh", LEASE_SECONDS);
  }

  /**
   * Brings the kept reports up to date now, then `everyMs` after each run, in the background: what a
   * bulk load wrote, or what a new day made due, is assessed before a query asks for it, instead of
   * by the first query that does (minutes after a load of 100,000 decisions). Until `stop`. A tick
   * while another instance runs the refresh is skipped (and logged): one instance does the work.
   */
  keepCurrent(today: () => string, everyMs: number): void {
    const tick = () => {
      this.background = this.refreshUnlessBusy(today())
        .catch((error: unknown) => this.report(error))
        .finally(() => {
          // Unref'd: a pending refresh never keeps the process alive.
          if (!this.stopping) this.timer = setTimeout(tick, everyMs).unref();
        });
    };
    tick();
  }

  /**
   * Ends the background refresh, and a run in progress after its current chunk: each chunk is a
   * transaction, and the watermark moves only when a run is whole, so the next run (another
   * process's, or the next start's) takes up what is left. A query waiting for the run is told to
   * retry, and no run starts after.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await Promise.all([this.background, this.running, this.queued].map((run) => run?.catch(() => undefined)));
  }

  /**
   * The kept reports, up to date for `today`, if that takes less than `waitMs`; else a refusal to
   * retry, and the run goes on (a query does not wait minutes for a bulk load's assessment).
   */
  async current(today: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    let late = false;
    const waited = new Promise<never>((_, reject) => (timer = setTimeout(() => ((late = true), reject(new ReportsPendingError())), this.waitMs)));
    const refreshed = this.refresh(today);
    // Once its waiter has been answered, a failed run would be known to no one: it is logged.
    refreshed.catch((error: unknown) => late && this.report(error));
    try {
      await Promise.race([refreshed, waited]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Brings the kept reports up to date for `today`. A caller arriving during a run waits for the next
   * one (which sees its writes); all such callers share that next run.
   */
  refresh(today: string): Promise<void> {
    if (this.stopping) return Promise.reject(new ReportsPendingError());
    this.latestToday = today;
    if (!this.running) return (this.running = this.run(today, "wait").finally(() => (this.running = null)));
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.refresh(this.latestToday);
      });
    return this.queued;
  }

  /** A background run: none when a run is under way in this process, or another instance holds the lease. */
  private async refreshUnlessBusy(today: string): Promise<void> {
    if (this.running || this.stopping) return;
    this.latestToday = today;
    await (this.running = this.run(today, "skip").finally(() => (this.running = null)));
  }

  /** A failed run, unless the server is stopping (then runs end on purpose). */
  private report(error: unknown): void {
    if (this.stopping || error instanceof ReportsPendingError) return;
    try {
      this.onError(error);
    } catch {
      // A reporter that fails must not take the server down with it.
    }
  }

  /**
   * Takes the lease, and then the reports' refresh. `wait`: a query needs the reports, so it waits
   * for another instance's run to end (its own `waitMs` still bounds how long its answer waits);
   * `skip`: the background gives up, since the other instance does the work.
   */
  private async run(today: string, busy: "wait" | "skip"): Promise<void> {
    while (!(await this.lease.take())) {
      if (busy === "skip") {
        this.log?.info({ work: { event: "compliance_refresh_skipped", holder: this.lease.holder } }, "compliance refresh: skipped, another instance is running it");
        return;
      }
      if (this.stopping) throw new ReportsPendingError();
      await new Promise((resolve) => setTimeout(resolve, LEASE_POLL_MS));
    }
    const started = Date.now();
    let counts: RunCounts;
    try {
      counts = await this.refreshHeld(today);
    } finally {
      await this.lease.release().catch(() => undefined);
    }
    // A run with nothing to do is not logged: every instance's timer would write a line a minute.
    if (counts.decisions) this.log?.info({ work: { event: "compliance_refresh_done", holder: this.lease.holder, today, ...counts, ms: Date.now() - started } }, "compliance refresh: done");
  }

  private async refreshHeld(today: string): Promise<RunCounts> {
    const { upTo, stale } = await this.database.asWriter(async (db) => {
      const [mark] = await db.select({ changeId: complianceWatermark.changeId }).from(complianceWatermark).where(eq(complianceWatermark.id, 1));
      const [last] = await db.select({ id: max(changeLog.id) }).from(changeLog);
      const since = mark?.changeId ?? 0;
      const changed = await db.selectDistinct({ id: changeLog.decisionId }).from(changeLog).where(gt(changeLog.id, since));
      const unassessed = await db.select({ id: complianceUnassessed.decisionId }).from(complianceUnassessed);
      const timed = await db
        .selectDistinct({ id: complianceAssessments.decisionId })
        .from(complianceAssessments)
        .where(or(lte(complianceAssessments.reassessOn, today), gt(complianceAssessments.assessedOn, today)));
      return { upTo: last?.id ?? 0, stale: [...new Set([...changed, ...unassessed, ...timed].map((row) => row.id))] };
    });
    if (stale.length) this.log?.info({ work: { event: "compliance_refresh_started", holder: this.lease.holder, today, decisions: stale.length } }, "compliance refresh: started");
    const counts: RunCounts = { decisions: stale.length, assessments: 0, results: 0 };
    for (let i = 0; i < stale.length; i += CHUNK) {
      // PGlite answers in the process without yielding to the event loop: without this, a long run
      // held every request, and the wait's timer, until it ended.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.stopping) throw new ReportsPendingError();
      if (!(await this.lease.renew())) throw new Error("compliance refresh: the lease expired during the run and another instance took it");
      const written = await this.reassess(stale.slice(i, i + CHUNK), today);
      counts.assessments += written.assessments;
      counts.results += written.results;
    }
    // As the tables' owner: the writer role may not analyze.
    if (stale.length >= ANALYZE_AFTER) await this.database.query("ANALYZE compliance_assessments, compliance_results");
    await this.database.asWriter((db) =>
      db
        .insert(complianceWatermark)
        .values({ id: 1, changeId: upTo })
        .onConflictDoUpdate({ target: complianceWatermark.id, set: { changeId: sql`greatest(${complianceWatermark.changeId}, excluded.change_id)` } }),
    );
    // A query that waited for this run reads the reports where the public reads (a read replica):
    // they must be there, or a decision would show without its results.
    if (stale.length) await this.database.replicasReplayed?.();
    return counts;
  }

  private async reassess(decisionIds: string[], today: string): Promise<Omit<RunCounts, "decisions">> {
    // The chunk's queued decisions are claimed before their files are read: one queued again while
    // they are read and assessed (a comment submitted then) loses the claim and stays queued.
    const claim = randomUUID();
    await this.database.asWriter((db) => db.update(complianceUnassessed).set({ claim }).where(inArray(complianceUnassessed.decisionId, decisionIds)));
    const [publicFiles, staffFiles] = await Promise.all([
      loadDecisionFiles((read) => this.database.readDisclosed(read), disclosed, "PUBLIC", decisionIds),
      loadDecisionFiles((read) => this.database.asWriter(read), staffTables, "STAFF", decisionIds),
    ]);
    const kept = [...publicFiles, ...staffFiles].filter((file): file is DecisionFile => file !== null).map((file) => keptReport(file, today));
    return this.database.asWriter(async (db) => {
      await db.execute(sql`SELECT pg_advisory_xact_lock(${REPORTS_LOCK})`);
      await db.delete(complianceResults).where(inArray(complianceResults.decisionId, decisionIds));
      await db.delete(complianceAssessments).where(inArray(complianceAssessments.decisionId, decisionIds));
      await db.delete(complianceUnassessed).where(and(inArray(complianceUnassessed.decisionId, decisionIds), eq(complianceUnassessed.claim, claim)));
      if (kept.length === 0) return { assessments: 0, results: 0 };
      const results = kept.flatMap(({ report }) => report.results.map((result) => ({ decisionId: report.decisionId, audience: report.audience, rule: result.rule.id, status: result.status, findingZh: result.finding.zh, findingEn: result.finding.en })));
      // Some 6,000 results a chunk: as a VALUES list, building the statement took longer than running it.
      await insertAll(db, complianceAssessments, kept.map(({ report, queue }) => assessmentRow(report, queue)));
      await insertAll(db, complianceResults, results);
      return { assessments: kept.length, results: results.length };
    });
  }
}

/**
 * The kept reports are being brought up to date and the query cannot wait for them: answered as the
 * database being unavailable for a moment (503 with Retry-After), never with reports out of date.
 */
export class ReportsPendingError extends Error {
  /** Read by unavailabilityOf, like a driver's code. */
  readonly code = "COMPLIANCE_REPORTS_PENDING";

  constructor() {
    super("the compliance reports are being brought up to date");
  }
}

function keptReport(file: DecisionFile, today: string): { report: ComplianceReport; queue: LegalityQueueEntry | null } {
  const report = evaluateCompliance(file, today);
  return { report, queue: file.audience === "STAFF" ? legalityQueueEntry(file, report, today) : null };
}

function assessmentRow(report: ComplianceReport, queue: LegalityQueueEntry | null) {
  const reassessOn = [report.reassessOn, queue?.reassessOn].filter((day): day is string => Boolean(day)).sort()[0] ?? null;
  return {
    decisionId: report.decisionId,
    audience: report.audience as Audience,
    state: report.state,
    assessedOn: report.assessedOn,
    reassessOn,
    queueState: queue?.state ?? null,
    queueDueOn: queue?.dueOn ?? null,
    queueDeadlineOn: queue?.deadlineOn ?? null,
    queueDeadlineSetBy: queue?.deadlineSetBy ?? null,
    queueWorkingDays: queue?.workingDays ?? null,
    queueShortPeriod: queue?.shortPeriod ?? null,
    queueSubmittedOn: queue?.submittedOn ?? null,
    queueReviewingBodyId: queue?.reviewingBodyId ?? null,
  };
}

/**
 * For a write that the change log does not carry (a comment awaiting moderation): the decision is
 * queued, and its kept reports are recomputed at the next refresh. Queued already, it loses the claim
 * of a run that may have read its file before this write.
 */
export async function markComplianceStale(db: AppDb, decisionId: string): Promise<void> {
  await db.insert(complianceUnassessed).values({ decisionId }).onConflictDoUpdate({ target: complianceUnassessed.decisionId, set: { claim: null } });
}
