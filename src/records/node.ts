import { type Row } from "../db/by-id.loader.js";
import { toGlobalId } from "../graphql/global-id.js";
import { type NodeTypeName } from "./node-types.js";

/** A row as the graph sees it: the global id in `id`, the database key kept in `rowId`. */
export type NodeRow = Row & { rowId: string; __typename: NodeTypeName };

export function asNode(typeName: NodeTypeName, row: Row): NodeRow {
  return { ...row, rowId: row.id, id: toGlobalId(typeName, row.id), __typename: typeName };
}
