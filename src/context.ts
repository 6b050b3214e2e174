import { ApiKeyService } from "./access/api-key.resolver.js";
import { anonymousViewer, seesWithheld, type Viewer } from "./access/viewer.js";
import { AccessLog } from "./audit/access-log.js";
import { PublicBodyService } from "./bodies/public-body.service.js";
import { ChangeFeed } from "./changes/change-feed.js";
import { CommentService } from "./consultations/comment.service.js";
import { CommentThrottle } from "./consultations/comment-throttle.js";
import { BudgetStore } from "./protection/budget-store.js";
import { ComplianceIndex } from "./compliance/compliance-index.js";
import { ComplianceService } from "./compliance/compliance.service.js";
import { type CostCarrier } from "./protection/query-limits.js";
import { type ScopeCarrier } from "./operations/request-scope.js";
import { DatasetService } from "./dataset/dataset.service.js";
import { type Database, forPublic } from "./db/database.js";
import { DecisionService } from "./decisions/decision.service.js";
import { disclosed } from "./disclosure/disclosed.tables.js";
import { NoticeService } from "./disclosure/notice.service.js";
import { WithholdingService } from "./disclosure/withholding.service.js";
import { EditorialService } from "./records/editorial.service.js";
import { NodeService } from "./store/node.service.js";
import { RecordStore } from "./store/record-store.js";
import { type SharedNodes } from "./store/shared-nodes.js";
import { staffTables } from "./store/staff.tables.js";
import { RegionService } from "./regions/region.service.js";
import { type Clock } from "./shared/clock.js";
import { StatisticsService } from "./statistics/statistics.service.js";

export interface Services {
  dataset: DatasetService;
  nodes: NodeService;
  decisions: DecisionService;
  regions: RegionService;
  bodies: PublicBodyService;
  notices: NoticeService;
  editorial: EditorialService;
  withholdings: WithholdingService;
  comments: CommentService;
  keys: ApiKeyService;
  statistics: StatisticsService;
  changes: ChangeFeed;
  compliance: ComplianceService;
}

export interface AppContext extends CostCarrier, ScopeCarrier {
  viewer: Viewer;
  services: Services;
  /** Reads of withheld material by this (privileged) request, logged when the response is ready. */
  accessLog: AccessLog;
  /** The server's clock (injected in tests). */
  clock: Clock;
}

/** What lives longer than a request: the clock (injected in tests), the comment throttle, the kept compliance reports. */
export interface ContextOptions {
  clock?: Clock;
  throttle?: CommentThrottle;
  complianceIndex?: ComplianceIndex;
  /** Where a public request reads, when chosen before it runs (the response cache checks how far that replica is). */
  publicReads?: Database;
  /** The public's regions and bodies kept across requests, as this request may use them (staff never do). */
  sharedNodes?: SharedNodes;
}

/**
 * Built per request: the viewer decides which projection the store reads — the disclosure projection
 * as the disclosure role for the public and researchers, the tables as the writer role for staff —
 * and every loader lives only as long as the request.
 */
export function createContext(database: Database, viewer: Viewer = anonymousViewer(), options: ContextOptions = {}): AppContext {
  const clock = options.clock ?? (() => new Date());
  // The public's reads may go to a read replica; staff read on the primary, where their writes are,
  // and so does everything a writer reads back (receipts, keys): those services keep `database`.
  const reads = seesWithheld(viewer) ? database : (options.publicReads ?? forPublic(database));
  const store = seesWithheld(viewer)
    ? new RecordStore((read) => database.asWriter(read), staffTables)
    : new RecordStore((read) => reads.readDisclosed(read), disclosed, reads.disclosedConnection && (() => reads.disclosedConnection!()));
  const editorial = new EditorialService(database, viewer);
  const accessLog = new AccessLog(viewer);
  const compliance = new ComplianceService(store, seesWithheld(viewer) ? "STAFF" : "PUBLIC", options.complianceIndex ?? new ComplianceIndex(database), clock, viewer, accessLog);
  const complianceFresh = () => compliance.fresh();
  return {
    viewer,
    accessLog,
    clock,
    services: {
      nodes: new NodeService(store, seesWithheld(viewer) ? undefined : options.sharedNodes),
      decisions: new DecisionService(store, complianceFresh, clock),
      regions: new RegionService(store),
      bodies: new PublicBodyService(store),
      notices: new NoticeService(store),
      editorial,
      withholdings: new WithholdingService(database, editorial, clock),
      comments: new CommentService(database, editorial, viewer, clock, options.throttle ?? new CommentThrottle(new BudgetStore(database))),
      keys: new ApiKeyService(database, editorial),
      statistics: new StatisticsService(store, complianceFresh, clock),
      changes: new ChangeFeed(reads),
      dataset: new DatasetService(reads),
      compliance,
    },
  };
}
