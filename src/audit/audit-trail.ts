import { type AppDb } from "../db/database.js";
import { auditEntries } from "./audit-entry.table.js";

/** Who made a change: a key's holder, an anonymous resident, or an operator at the command line. */
export interface Actor {
  keyId: string | null;
  role: string;
}

export interface AuditInput {
  action: string;
  recordType: string;
  recordId: string;
  decisionId?: string | null;
  before: unknown;
  after: unknown;
}

/** Appends one entry to the audit trail, in the caller's transaction: the change and its entry stand or fall together. */
export async function appendAudit(db: AppDb, actor: Actor, entry: AuditInput): Promise<void> {
  await db.insert(auditEntries).values({
    actorKeyId: actor.keyId,
    actorRole: actor.role,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId,
    decisionId: entry.decisionId ?? null,
    before: (entry.before ?? null) as never,
    after: (entry.after ?? null) as never,
  });
}
