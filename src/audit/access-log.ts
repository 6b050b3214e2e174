import { type Viewer } from "../access/viewer.js";
import { type Database } from "../db/database.js";
import { accessLog } from "./audit-entry.table.js";

interface Access {
  recordType: string;
  recordId: string;
  field: string | null;
}

/**
 * The withheld material one request of a privileged viewer read, written to the access log once the
 * response is ready (one statement per request, however many values were read).
 */
export class AccessLog {
  private readonly reads = new Map<string, Access>();

  constructor(private readonly viewer: Viewer) {}

  record(access: Access): void {
    this.reads.set(`${access.recordId}:${access.field ?? "*"}`, access);
  }

  get size(): number {
    return this.reads.size;
  }

  async flush(database: Database): Promise<void> {
    if (this.reads.size === 0 || !this.viewer.keyId) return;
    const rows = [...this.reads.values()].map((read) => ({ ...read, keyId: this.viewer.keyId!, role: this.viewer.role }));
    this.reads.clear();
    await database.asWriter((db) => db.insert(accessLog).values(rows));
  }
}
