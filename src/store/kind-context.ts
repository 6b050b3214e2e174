import { type NodeService } from "./node.service.js";

/**
 * What a record kind's resolver reads of the request context: the node reader, and whichever of its
 * own services it names (`KindContext<{ decisions: DecisionService }>`). src/context.ts builds the
 * whole context, which has them all; naming only these keeps the kinds below it (docs/layers.md).
 */
export interface KindContext<Own = unknown> {
  services: { nodes: NodeService } & Own;
}
