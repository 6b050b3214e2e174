import { type Row } from "../db/by-id.loader.js";
import { toGlobalId } from "../graphql/global-id.js";
import { type NodeTypeName } from "./node-types.js";

/** A row as the graph sees it: the global id in `id`, the database key kept in `rowId`. */
export type NodeRow = Row & { rowId: string; __typename: NodeTypeName };

/** A row read once is one node however often it is asked for (a list page asks for its region twenty times). */
const nodes = new WeakMap<Row, NodeRow>();

export function asNode(typeName: NodeTypeName, row: Row): NodeRow {
  let node = nodes.get(row);
  if (!node) {
    // The two added keys first, then the row's, then the id replaced: V8 copies a row in one step
    // only into an empty literal, and a copy given new keys afterwards becomes slow to make (13 µs
    // a decision row, against 1–3 µs so); replacing a key it has keeps the copy's shape.
    node = { __typename: typeName, rowId: row.id, ...row } as NodeRow;
    node.id = toGlobalId(typeName, row.id);
    nodes.set(row, node);
  }
  return node;
}
