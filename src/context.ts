import { PublicBodyService } from "./bodies/public-body.service.js";
import { type Database } from "./db/database.js";
import { DecisionService } from "./decisions/decision.service.js";
import { disclosed } from "./disclosure/disclosed.tables.js";
import { NoticeService } from "./disclosure/notice.service.js";
import { NodeService } from "./records/node.service.js";
import { RecordStore } from "./records/record-store.js";
import { RegionService } from "./regions/region.service.js";

/** Who is asking. Only the public exists so far; staff roles arrive with API keys. */
export type Viewer = { kind: "anonymous" };

export interface Services {
  nodes: NodeService;
  decisions: DecisionService;
  regions: RegionService;
  bodies: PublicBodyService;
  notices: NoticeService;
}

export interface AppContext {
  viewer: Viewer;
  services: Services;
}

/**
 * Built per request: the viewer decides which projection the store reads (for the public, the
 * disclosure projection as the disclosure role), and every loader lives only as long as the request.
 */
export function createContext(database: Database, viewer: Viewer = { kind: "anonymous" }): AppContext {
  const store = new RecordStore((read) => database.readDisclosed(read), disclosed);
  return {
    viewer,
    services: {
      nodes: new NodeService(store),
      decisions: new DecisionService(store),
      regions: new RegionService(store),
      bodies: new PublicBodyService(store),
      notices: new NoticeService(store),
    },
  };
}
