import { asc, eq } from "drizzle-orm";
import { type RecordStore } from "../store/record-store.js";
import { asNode, type NodeRow } from "../store/node.js";

export class RegionService {
  constructor(private readonly store: RecordStore) {}

  async list(level: string | null): Promise<NodeRow[]> {
    const { regions } = this.store.tables;
    const rows = await this.store.read((db) =>
      db
        .select()
        .from(regions)
        .where(level ? eq(regions.level, level as never) : undefined)
        .orderBy(asc(regions.code)),
    );
    return rows.map((row) => asNode("Region", row));
  }

  async children(regionId: string): Promise<NodeRow[]> {
    const rows = await this.store.childRows("regions", "parentId").load(regionId);
    return rows.map((row) => asNode("Region", row));
  }
}
