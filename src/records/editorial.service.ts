import { and, eq, getTableColumns, isNull } from "drizzle-orm";
import { type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import { type Viewer } from "../access/viewer.js";
import { appendAudit, type Actor } from "../audit/audit-trail.js";
import { type AppDb, type Database } from "../db/database.js";
import { databaseErrorOf, UNIQUE_VIOLATION } from "../db/database-error.js";
import { decisionRevisions } from "../decisions/decision-revision.table.js";
import { decisions } from "../decisions/decision.table.js";
import { disclosureOf } from "../disclosure/record-types.js";
import { withholdings } from "../disclosure/withholding.table.js";
import { ForbiddenError } from "../graphql/auth.errors.js";
import { fromGlobalId, rowIdOf, toGlobalId } from "../graphql/global-id.js";
import { userError, UserErrors, type UserError } from "../graphql/user-error.type.js";
import { editableKind, type EditableKind } from "./editable-kinds.js";
import { asNode, type NodeRow } from "../store/node.js";
import { isNodeTypeName, nodeTypes, type NodeTypeName } from "../store/node-types.js";
import { checkProcedure, checkWithdrawal } from "../decisions/procedure-rules.js";
import { asPublicWriter } from "./public-changes.js";
import { RecordWriter } from "./record-writer.js";
import { type EditedRow, type MutationOutcome, type RecordEditor } from "../store/record-editor.js";
import { rolesOf } from "../access/operation-roles.js";
import { staffTables } from "../store/staff.tables.js";

type Input = Record<string, unknown>;
type Row = EditedRow;

const EDITORS = ["EDITOR"] as const;

const tableOf = (typeName: NodeTypeName) => staffTables[nodeTypes[typeName].table] as unknown as PgTable;
const column = (table: PgTable, key: string) => getTableColumns(table)[key] as PgColumn;

/**
 * Every editorial write: authorised by role before anything is read, run as the writer role in one
 * transaction with its audit entry, refused with user errors (and rolled back) when the input or
 * the procedure forbids it.
 */
/**
 * Breaches of the procedure pass only when the caller acknowledged them (`acknowledgeBreaches`):
 * otherwise they refuse the write, each saying how to record it if it is what happened.
 */
function acknowledged(breaches: UserError[], input: Input): UserError[] {
  if (breaches.length === 0 || input.acknowledgeBreaches === true) return breaches;
  throw new UserErrors(breaches.map((breach) => ({ ...breach, message: `${breach.message} If this is what happened, send acknowledgeBreaches: true to record it; the compliance report will show the breach.` })));
}

/** The outcome with the breaches it recorded; none when the write was refused. */
const withBreaches = (outcome: MutationOutcome, breaches: UserError[]): MutationOutcome => ({ ...outcome, breaches: outcome.record ? breaches : [] });

export class EditorialService implements RecordEditor {
  constructor(
    private readonly database: Database,
    private readonly viewer: Viewer,
  ) {}

  get actor(): Actor {
    return { keyId: this.viewer.keyId, role: this.viewer.role };
  }

  authorize(roles: readonly string[], action: string): void {
    if (!roles.includes(this.viewer.role)) {
      throw new ForbiddenError(`${action} is for ${roles.map((r) => r.toLowerCase().replace("_", " ")).join(" or ")} keys.`, this.viewer.role === "ANONYMOUS");
    }
  }

  authorizeMutation(field: string): void {
    this.authorize(rolesOf("Mutation", field)!, field);
  }

  writeRecorded<T>(work: (db: AppDb) => Promise<T>): Promise<{ result: T }> {
    return asPublicWriter(this.database, work);
  }

  /** Runs a write; user errors roll it back and come back as the payload's `userErrors`. */
  async write(work: (db: AppDb) => Promise<NodeRow | null>): Promise<MutationOutcome> {
    try {
      const { result: record, recorded } = await asPublicWriter(this.database, work);
      // The payload shows the record as it was committed: its updatedAt moved only if the public saw it change.
      if (record && recorded.at && recorded.touched.has(record.rowId)) record.updatedAt = recorded.at;
      return { record, userErrors: [] };
    } catch (error) {
      if (error instanceof UserErrors) return { record: null, userErrors: error.errors };
      const duplicate = duplicateOf(error);
      if (duplicate) return { record: null, userErrors: [duplicate] };
      throw error;
    }
  }

  async create(kind: EditableKind, input: Input, action: string): Promise<MutationOutcome> {
    this.authorize(kind.writers, action);
    let breaches: UserError[] = [];
    return withBreaches(await this.write(async (db) => {
      const values = await this.values(db, kind, input, "create");
      if (kind.parent) {
        const parent = await this.existing(db, kind.parent.typeName, input[kind.parent.key] as string, [kind.parent.key]);
        values[kind.parent.key] = parent.id;
        values.decisionId = parent.decisionId ?? parent.id;
      }
      breaches = acknowledged(await checkProcedure(db, kind.typeName, values, null), input);
      const table = tableOf(kind.typeName);
      const row = (await new RecordWriter(db).insert(kind.recordType, table, values as never)) as Row;
      await appendAudit(db, this.actor, { action, recordType: kind.recordType, recordId: row.id, decisionId: row.decisionId ?? row.id, before: null, after: row });
      return asNode(kind.typeName, row);
    }), breaches);
  }

  async update(kind: EditableKind, input: Input, action: string): Promise<MutationOutcome> {
    this.authorize(kind.writers, action);
    let breaches: UserError[] = [];
    return withBreaches(await this.write(async (db) => {
      const before = await this.lockForChange(db, kind.typeName, input.id as string, input.expectedVersion as number);
      const changes = differences(before, await this.values(db, kind, input, "update"));
      if (Object.keys(changes).length === 0) {
        // Saving what is already there changes nothing: no new version, no new updatedAt, no change event.
        await appendAudit(db, this.actor, { action, recordType: kind.recordType, recordId: before.id, decisionId: before.decisionId ?? before.id, before, after: before });
        return asNode(kind.typeName, before);
      }
      breaches = acknowledged(await checkProcedure(db, kind.typeName, { ...before, ...changes }, before), input);
      const after = await this.applyChange(db, kind.typeName, before, changes);
      await new RecordWriter(db).reindex(kind.recordType, after);
      if (kind.typeName === "Decision") await this.recordRevisions(db, before, after);
      await appendAudit(db, this.actor, { action, recordType: kind.recordType, recordId: after.id, decisionId: after.decisionId ?? after.id, before, after });
      return asNode(kind.typeName, after);
    }), breaches);
  }

  /** Removing a record is a withdrawal: recorded with its reason, the row kept. */
  async withdraw(input: { id: string; expectedVersion: number; reason: string }): Promise<MutationOutcome> {
    const { typeName } = fromGlobalId(input.id, "input.id");
    const writers = editableKind(typeName)?.writers ?? (typeName === "Comment" ? EDITORS : null);
    this.authorize(writers ?? EDITORS, "recordWithdraw");
    return this.write(async (db) => {
      if (!writers || !isNodeTypeName(typeName)) throw new UserErrors([userError("INVALID_INPUT", `A ${typeName} cannot be withdrawn.`, ["id"])]);
      if (!input.reason.trim()) throw new UserErrors([userError("INVALID_INPUT", "Give the reason for the withdrawal.", ["reason"])]);
      const before = await this.lockForChange(db, typeName, input.id, input.expectedVersion);
      await checkWithdrawal(db, typeName, before);
      const after = await this.applyChange(db, typeName, before, { withdrawnAt: new Date(), withdrawalReason: input.reason });
      const recordType = nodeTypes[typeName].recordType!;
      await appendAudit(db, this.actor, { action: "recordWithdraw", recordType, recordId: after.id, decisionId: after.decisionId ?? after.id, before, after });
      return asNode(typeName, after);
    });
  }

  /** The current row, locked, after checking it exists, is not withdrawn and is at the expected version. */
  async lockForChange(db: AppDb, typeName: NodeTypeName, id: string, expectedVersion: number): Promise<Row> {
    const rowId = rowIdOf(id, typeName, "input.id");
    const table = tableOf(typeName);
    const [before] = (await db.select().from(table).where(eq(column(table, "id"), rowId)).for("update")) as Row[];
    if (!before) throw new UserErrors([userError("NOT_FOUND", `No ${typeName} has this id.`, ["id"])]);
    if (before.withdrawnAt) throw new UserErrors([userError("INVALID_INPUT", `This ${typeName} was withdrawn and can no longer change.`, ["id"])]);
    await this.assertDecisionOpen(db, typeName, before, ["id"]);
    if (before.version !== expectedVersion) {
      throw new UserErrors([userError("CONFLICT", `This ${typeName} is at version ${before.version}, not ${expectedVersion}: it changed since you read it. Read it again and retry.`, ["expectedVersion"])]);
    }
    return before;
  }

  /**
   * Writes changes and the next version, guarded by the version read (a concurrent writer gets
   * CONFLICT). The public updatedAt is not the writer's to move: the public-change recorder moves it.
   */
  async applyChange(db: AppDb, typeName: NodeTypeName, before: Row, changes: Input): Promise<Row> {
    const table = tableOf(typeName);
    const [after] = (await db
      .update(table)
      .set({ ...changes, version: before.version + 1 } as never)
      .where(and(eq(column(table, "id"), before.id), eq(column(table, "version"), before.version)))
      .returning()) as Row[];
    if (!after) throw new UserErrors([userError("CONFLICT", `This ${typeName} changed while you were updating it. Read it again and retry.`, ["expectedVersion"])]);
    return after;
  }

  /** Checks and converts the input's fields: lengths, ids decoded and found, required fields not cleared. */
  private async values(db: AppDb, kind: EditableKind, input: Input, mode: "create" | "update"): Promise<Input> {
    const values: Input = {};
    const errors: UserError[] = [];
    for (const [key, spec] of Object.entries(kind.fields)) {
      const value = input[key];
      if (value === undefined) continue;
      if (value === null) {
        // An empty list is the absence of a list; a yes/no fact cleared is "no".
        if (spec.empty !== undefined) values[key] = spec.empty;
        else if (spec.required) errors.push(userError("INVALID_INPUT", `${key} is required and cannot be cleared.`, [key]));
        else values[key] = null;
        continue;
      }
      if (typeof value === "string" && spec.maxLength && value.length > spec.maxLength) {
        errors.push(userError("INVALID_INPUT", `${key} may be at most ${spec.maxLength} characters, got ${value.length}.`, [key]));
      } else if (typeof value === "string" && spec.url && !isWebAddress(value)) {
        errors.push(userError("INVALID_INPUT", `${key} must be an http or https address.`, [key]));
      } else if (typeof value === "number" && spec.range && (value < spec.range[0] || value > spec.range[1])) {
        errors.push(userError("INVALID_INPUT", `${key} must be between ${spec.range[0]} and ${spec.range[1]}.`, [key]));
      } else if (typeof value === "string" && spec.required && !value.trim()) {
        errors.push(userError("INVALID_INPUT", `${key} must not be empty.`, [key]));
      } else if (Array.isArray(value)) {
        values[key] = [...new Set(value)];
      } else if (spec.idOf) {
        const found = await this.existing(db, spec.idOf, value as string, [key]).catch((e: unknown) => {
          if (e instanceof UserErrors) errors.push(...e.errors);
          else throw e;
          return null;
        });
        if (found) values[key] = found.id;
      } else {
        values[key] = value;
      }
    }
    if (mode === "create" && kind.typeName === "Decision") Object.assign(values, { stage: "INITIATION", status: "IN_PROGRESS" });
    if (errors.length > 0) throw new UserErrors(errors);
    return values;
  }

  /** The row behind a global id of the given type, or a user error naming the input field. */
  async existing(db: AppDb, typeName: NodeTypeName, id: string, field: string[]): Promise<Row> {
    let rowId: string;
    try {
      rowId = rowIdOf(id, typeName, field.join("."));
    } catch {
      throw new UserErrors([userError("INVALID_INPUT", `${field.join(".")} must be the id of a ${typeName}.`, field)]);
    }
    const table = tableOf(typeName);
    const [row] = (await db.select().from(table).where(eq(column(table, "id"), rowId))) as Row[];
    if (!row || row.withdrawnAt) throw new UserErrors([userError("NOT_FOUND", `No ${typeName} has the id given in ${field.join(".")}.`, field)]);
    await this.assertDecisionOpen(db, typeName, row, field);
    return row;
  }

  /** Nothing is added to or changed in the file of a withdrawn decision. */
  private async assertDecisionOpen(db: AppDb, typeName: NodeTypeName, row: Row, field: string[]): Promise<void> {
    if (typeName === "Decision" || !row.decisionId) return;
    const [decision] = await db.select({ withdrawnAt: decisions.withdrawnAt }).from(decisions).where(eq(decisions.id, row.decisionId));
    if (decision?.withdrawnAt) throw new UserErrors([userError("INVALID_INPUT", "The decision this belongs to was withdrawn; its file can no longer change.", field)]);
  }

  /**
   * Staff's revision history keeps every changed field with its values, and whether each was public
   * when current (for the access log). The public's history is written by the public-change recorder.
   */
  async recordRevisions(db: AppDb, before: Row, after: Row): Promise<void> {
    const kind = editableKind("Decision")!;
    const disclosure = disclosureOf("decisions");
    const active = await db
      .select({ field: withholdings.field })
      .from(withholdings)
      .where(and(eq(withholdings.recordType, "decisions"), eq(withholdings.recordId, after.id), isNull(withholdings.releasedAt)));
    const wholeWithheld = active.some((w) => w.field === null);
    const asText = (key: string, value: unknown) =>
      value === null || value === undefined ? null : kind.fields[key]?.idOf ? toGlobalId(kind.fields[key]!.idOf!, String(value)) : String(value);
    const changed = [...disclosure.published, ...disclosure.withholdable].filter(
      (key) => key !== "updatedAt" && key !== "createdAt" && key !== "lastActivityAt" && asText(key, before[key]) !== asText(key, after[key]),
    );
    if (changed.length === 0) return;
    await db.insert(decisionRevisions).values(
      changed.map((field) => {
        const disclosed = !wholeWithheld && !active.some((w) => w.field === field);
        return { decisionId: after.id, field, oldValue: asText(field, before[field]), newValue: asText(field, after[field]), oldDisclosed: disclosed, newDisclosed: disclosed };
      }),
    );
  }
}


/** What a unique constraint protects, in the words of the input that broke it. */
const uniqueConstraints: Record<string, { message: string; field: string[] }> = {
  decisions_catalog_entry_key: { message: "The deciding body's catalog already has this year and number.", field: ["catalogNumber"] },
  risk_findings_dimension_key: { message: "This risk assessment already has a finding on that dimension; update it instead.", field: ["dimension"] },
  publications_decision_key: { message: "This decision is already published; update the publication instead.", field: ["decisionId"] },
  village_consultation_members_role_key: { message: "This consultation committee already counts members of that kind; update that entry instead.", field: ["role"] },
};

/** A unique violation from the database (drizzle wraps the driver's error) as a CONFLICT user error. */
function duplicateOf(error: unknown): UserError | null {
  const { code, constraint } = databaseErrorOf(error);
  if (code !== UNIQUE_VIOLATION) return null;
  const known = uniqueConstraints[constraint ?? ""];
  return userError("CONFLICT", known?.message ?? "This would duplicate an existing record.", known?.field ?? []);
}

function isWebAddress(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Only the fields whose value actually differs from the record's (dates and numbers compared as text). */
function differences(before: Row, changes: Input): Input {
  return Object.fromEntries(Object.entries(changes).filter(([key, value]) => String(value ?? "") !== String(before[key] ?? "") || (value === null) !== (before[key] === null)));
}
