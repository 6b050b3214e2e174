import { asc, eq } from "drizzle-orm";
import { type RecordStore } from "../store/record-store.js";
import { asNode, type NodeRow } from "../store/node.js";

export class PublicBodyService {
  constructor(private readonly store: RecordStore) {}

  async list(kind: string | null): Promise<NodeRow[]> {
    const { publicBodies } = this.store.tables;
    const rows = await this.store.read((db) =>
      db
        .select()
        .from(publicBodies)
        .where(kind ? eq(publicBodies.kind, kind as never) : undefined)
        .orderBy(asc(publicBodies.name), asc(publicBodies.id)),
    );
    return rows.map((row) => asNode("PublicBody", row));
  }
}
