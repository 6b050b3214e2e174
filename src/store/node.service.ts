import { type ConnectionValue, toConnection } from "../graphql/connection.js";
import { fromGlobalId, rowIdOf } from "../graphql/global-id.js";
import { type ForwardPageArgs, pageRequest } from "../graphql/page-args.js";
import { childLists, type ChildListName } from "./child-lists.js";
import { asNode, type NodeRow } from "./node.js";
import { isNodeTypeName, nodeTypeOfTable, type NodeTypeName } from "./node-types.js";

const childRowTypes = { riskFindings: "RiskFinding", regions: "Region", villageConsultationMembers: "VillageCommitteeMember", villageConsultationSteps: "VillageConsultationStep" } as const;
import { type RecordStore } from "./record-store.js";

/** Fetching objects by id and the lists under them, through the store's loaders. */
export class NodeService {
  constructor(private readonly store: RecordStore) {}

  async load(typeName: NodeTypeName, rowId: string | null | undefined): Promise<NodeRow | null> {
    if (!rowId) return null;
    const row = await this.store.byId(typeName).load(rowId);
    return row ? asNode(typeName, row) : null;
  }

  /** `node(id)`: a well-formed id of something the viewer may not see answers like one that never existed. */
  async byGlobalId(id: string, argument = "id"): Promise<NodeRow | null> {
    const { typeName, rowId } = fromGlobalId(id, argument);
    return isNodeTypeName(typeName) ? this.load(typeName, rowId) : null;
  }

  /** `decision(id)` and the like: an id of another type is an error, an unknown one is null. */
  async byGlobalIdOfType(id: string, typeName: NodeTypeName, argument = "id"): Promise<NodeRow | null> {
    return this.load(typeName, rowIdOf(id, typeName, argument));
  }

  /** The one record under a parent, for one-to-one parts such as the publication. */
  async onlyChild(table: "publications", parentRowId: string): Promise<NodeRow | null> {
    const [row] = await this.store.childRows(table, "decisionId").load(parentRowId);
    return row ? asNode(nodeTypeOfTable(table), row) : null;
  }

  async childRows(table: keyof typeof childRowTypes, parentKey: string, parentRowId: string): Promise<NodeRow[]> {
    const rows = await this.store.childRows(table, parentKey).load(parentRowId);
    return rows.map((row) => asNode(childRowTypes[table], row));
  }

  childConnection(list: ChildListName, parentRowId: string, args: ForwardPageArgs): Promise<ConnectionValue<NodeRow>> {
    const { size, cursor } = pageRequest({ first: args.first, after: args.after });
    const { typeName } = childLists[list];
    return this.store
      .childPage(list)
      .load({ parentId: parentRowId, size, after: cursor })
      .then((page) => {
        this.store.prime(typeName, page.rows);
        return toConnection({ ...page, rows: page.rows.map((row) => asNode(typeName, row)) }, () => this.store.childCount(list).load(parentRowId));
      });
  }
}
