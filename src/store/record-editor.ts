import { type Actor } from "../audit/audit-trail.js";
import { type AppDb } from "../db/database.js";
import { type UserError } from "../graphql/user-error.type.js";
import { type NodeRow } from "./node.js";
import { type NodeTypeName } from "./node-types.js";

/** What a mutation answers: the record as committed, or why it was refused. */
export interface MutationOutcome {
  record: NodeRow | null;
  userErrors: UserError[];
  /** Breaches of the procedure the write recorded, acknowledged by the caller. */
  breaches?: UserError[];
}

/** A row as the editor reads it for a change: its key, its version, and what the checks look at. */
export type EditedRow = Record<string, unknown> & { id: string; version: number; decisionId?: string; withdrawnAt?: Date | null };

/**
 * The editorial writes a record kind's own mutations call (advancing a decision's stage, moderating
 * a comment). It is declared here, below the kinds, and implemented by records/editorial.service.ts,
 * which imports every kind: the kinds name what they need and never import the editor itself.
 */
export interface RecordEditor {
  readonly actor: Actor;
  /** Refuses a viewer whose role is not among `roles`. */
  authorize(roles: readonly string[], action: string): void;
  /** Refuses a viewer whose role the operation-roles table does not list for this mutation. */
  authorizeMutation(field: string): void;
  /** Runs a write; user errors roll it back and come back as the payload's `userErrors`. */
  write(work: (db: AppDb) => Promise<NodeRow | null>): Promise<MutationOutcome>;
  /** Runs a write that edits no record (a resident's comment) through the public-change recorder. */
  writeRecorded<T>(work: (db: AppDb) => Promise<T>): Promise<{ result: T }>;
  lockForChange(db: AppDb, typeName: NodeTypeName, id: string, expectedVersion: number): Promise<EditedRow>;
  applyChange(db: AppDb, typeName: NodeTypeName, before: EditedRow, changes: Record<string, unknown>): Promise<EditedRow>;
  /** Staff's revision history of a decision. */
  recordRevisions(db: AppDb, before: EditedRow, after: EditedRow): Promise<void>;
}
