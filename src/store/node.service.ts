import { type ConnectionValue, toConnection } from "../graphql/connection.js";
import { fromGlobalId, rowIdOf } from "../graphql/global-id.js";
import { type ForwardPageArgs, pageRequest } from "../graphql/page-args.js";
import { childLists, type ChildListName } from "./child-lists.js";
import { type SelectedChildList } from "./child-prefetch.js";
import { asNode, type NodeRow } from "./node.js";
import { isNodeTypeName, nodeTypeOfTable, type NodeTypeName } from "./node-types.js";

const childRowTypes = { riskFindings: "RiskFinding", regions: "Region", villageConsultationMembers: "VillageCommitteeMember", villageConsultationSteps: "VillageConsultationStep" } as const;
import { type RecordStore } from "./record-store.js";
import { type SharedNodes } from "./shared-nodes.js";

/** Fetching objects by id and the lists under them, through the store's loaders. */
export class NodeService {
  /** `shared`: the public's regions and bodies kept across requests, when this request may use them. */
  constructor(
    private readonly store: RecordStore,
    private readonly shared?: SharedNodes,
  ) {}

  /** A kept node is returned as it is, not in a promise: a list page names its region and bodies twenty times each. */
  load(typeName: NodeTypeName, rowId: string | null | undefined): NodeRow | null | Promise<NodeRow | null> {
    if (!rowId) return null;
    const kept = this.shared?.get(typeName, rowId);
    if (kept) return kept;
    return this.store
      .byId(typeName)
      .load(rowId)
      .then((row) => {
        if (!row) return null;
        const node = asNode(typeName, row);
        this.shared?.keep(typeName, node);
        return node;
      });
  }

  /** `node(id)`: a well-formed id of something the viewer may not see answers like one that never existed. */
  async byGlobalId(id: string, argument = "id"): Promise<NodeRow | null> {
    const { typeName, rowId } = fromGlobalId(id, argument);
    return isNodeTypeName(typeName) ? this.load(typeName, rowId) : null;
  }

  /**
   * `decision(id)` and the like: an id of another type is an error, an unknown one is null. `lists`,
   * the object's child lists the query selects, are asked for with it (see prefetchChildPages).
   */
  async byGlobalIdOfType(id: string, typeName: NodeTypeName, argument = "id", lists: readonly SelectedChildList[] = []): Promise<NodeRow | null> {
    const rowId = rowIdOf(id, typeName, argument);
    this.prefetchChildPages(rowId, lists);
    return this.load(typeName, rowId);
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

  /**
   * Asks now for the pages `childConnection` will be asked for once the parent is read, so that they
   * share its wave of statements (the loaders keep each page for that call). Arguments it refuses
   * are left for the field's own resolver to refuse, where the error belongs.
   */
  private prefetchChildPages(parentRowId: string, lists: readonly SelectedChildList[]): void {
    for (const { list, first, after } of lists) {
      try {
        this.childPage(list, parentRowId, { first, after }).catch(() => {});
      } catch {
        // A bad page argument: the field's resolver throws it again, on the field.
      }
    }
  }

  childConnection(list: ChildListName, parentRowId: string, args: ForwardPageArgs): Promise<ConnectionValue<NodeRow>> {
    const { typeName } = childLists[list];
    return this.childPage(list, parentRowId, args).then((page) => {
      this.store.prime(typeName, page.rows);
      return toConnection({ ...page, rows: page.rows.map((row) => asNode(typeName, row)) }, () => this.store.childCount(list).load(parentRowId));
    });
  }

  /** One page of a list under a parent, through the loader that keeps it for the request (its key made here alone, for the read-ahead and the field alike). */
  private childPage(list: ChildListName, parentRowId: string, args: { first?: number | null; after?: string | null }) {
    const { size, cursor } = pageRequest({ first: args.first, after: args.after });
    return this.store.childPage(list).load({ parentId: parentRowId, size, after: cursor });
  }
}
