import { type NodeRow } from "./node.js";
import { type NodeTypeName } from "./node-types.js";

/**
 * Kinds whose public nodes are kept across requests: the regions and bodies that nearly every page
 * names. Neither is ever withheld (neither is a kind of `recordDisclosures`) nor depends on the
 * time, so what the public sees of one is the same for every public request until its row changes,
 * and every change to their tables advances the disclosure epoch (public-cache/epoch.sql.ts).
 */
export const SHARED_KINDS: readonly NodeTypeName[] = ["Region", "PublicBody"];

/** One request's use of the kept nodes: `get` answers without a statement, `keep` offers a node it read. */
export interface SharedNodes {
  get(typeName: NodeTypeName, rowId: string): NodeRow | undefined;
  keep(typeName: NodeTypeName, node: NodeRow): void;
}

/**
 * Public regions and bodies, kept by this process under the disclosure epoch they were read in, the
 * way the response cache keeps answers: all of them are dropped as soon as the instance knows a newer
 * epoch, and a request uses them only under the epoch it started in. A request that read a node may
 * keep it only if its reads had reached that epoch (the primary, or a replica checked to have), and
 * only if no newer epoch was heard of meanwhile, so that nothing older than the epoch is kept under it.
 */
export class SharedNodeCache {
  private epoch = Number.NEGATIVE_INFINITY;
  private readonly byKind = new Map<NodeTypeName, Map<string, NodeRow>>(SHARED_KINDS.map((kind) => [kind, new Map()]));
  private count = 0;

  /**
   * @param knownEpoch the epoch this instance knows, or null when it has not been confirmed lately
   * @param maxNodes kept at most; a city has a few thousand regions and bodies
   */
  constructor(
    private readonly knownEpoch: () => number | null,
    private readonly maxNodes = 50_000,
  ) {}

  /** The view of a public request starting now; `readsReach(epoch)`: its reads see at least that epoch, the one known now. */
  forRequest(readsReach: (epoch: number) => boolean): SharedNodes | undefined {
    const epoch = this.knownEpoch();
    if (epoch === null) return undefined;
    const readsReachEpoch = readsReach(epoch);
    if (epoch > this.epoch) this.renew(epoch);
    const current = () => this.epoch === epoch;
    return {
      get: (typeName, rowId) => (current() ? this.byKind.get(typeName)?.get(rowId) : undefined),
      keep: (typeName, node) => {
        const kind = this.byKind.get(typeName);
        if (!kind || !readsReachEpoch || !current() || this.knownEpoch() !== epoch || this.count >= this.maxNodes) return;
        // Shared by every public request from now on: none may change it.
        if (!kind.has(node.rowId)) this.count++;
        kind.set(node.rowId, Object.freeze(node));
      },
    };
  }

  private renew(epoch: number): void {
    for (const kind of this.byKind.values()) kind.clear();
    this.count = 0;
    this.epoch = epoch;
  }
}
