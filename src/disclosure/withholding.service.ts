import { and, eq, isNull } from "drizzle-orm";
import { appendAudit } from "../audit/audit-trail.js";
import { asPublicWriter } from "../records/public-changes.js";
import { type Database } from "../db/database.js";
import { fromGlobalId, rowIdOf, toGlobalId } from "../graphql/global-id.js";
import { userError, UserErrors, type UserError } from "../graphql/user-error.type.js";
import { type EditorialService } from "../records/editorial.service.js";
import { isNodeTypeName } from "../store/node-types.js";
import { databaseErrorOf, UNIQUE_VIOLATION } from "../db/database-error.js";
import { RecordWriter } from "../records/record-writer.js";
import { recordDisclosures } from "./record-types.js";
import { groundErrors } from "./withholding-grounds.js";
import { withholdings, type withholdingGround } from "./withholding.table.js";

export type WithholdingRow = typeof withholdings.$inferSelect;

export interface WithholdingCreateValues {
  recordId: string;
  field?: string | null;
  ground: (typeof withholdingGround.enumValues)[number];
  article: string;
  explanation: string;
  decidedByBodyId: string;
  since?: string | null;
  reviewDue: string;
}

export interface WithholdingOutcome {
  withholding: (WithholdingRow & { id: string; rowId: string }) | null;
  userErrors: UserError[];
}

const EDITORS = ["EDITOR"] as const;
const asWithholding = (row: WithholdingRow) => ({ ...row, rowId: row.id, id: toGlobalId("Withholding", row.id) });

/** Withholding and releasing, by editors: each in force from the very next read, each audited. */
export class WithholdingService {
  constructor(
    private readonly database: Database,
    private readonly editorial: EditorialService,
    private readonly clock: () => Date,
  ) {}

  private async run(work: Parameters<Database["asWriter"]>[0]): Promise<WithholdingOutcome> {
    try {
      return { withholding: asWithholding((await asPublicWriter(this.database, work)).result as WithholdingRow), userErrors: [] };
    } catch (error) {
      if (error instanceof UserErrors) return { withholding: null, userErrors: error.errors };
      // Two editors withholding the same thing at once: the index of withholdings in force lets one through.
      if (databaseErrorOf(error).code === UNIQUE_VIOLATION) return { withholding: null, userErrors: [userError("CONFLICT", "This is already withheld.", ["field"])] };
      throw error;
    }
  }

  async create(input: WithholdingCreateValues): Promise<WithholdingOutcome> {
    this.editorial.authorize(EDITORS, "withholdingCreate");
    const { typeName } = fromGlobalId(input.recordId, "input.recordId");
    const kind = recordDisclosures.find((record) => record.typeName === typeName);
    return this.run(async (db) => {
      if (!kind || !isNodeTypeName(typeName)) throw new UserErrors([userError("INVALID_INPUT", `A ${typeName} cannot be withheld.`, ["recordId"])]);
      const disclosure = kind;
      const errors: UserError[] = [];
      if (input.field != null && !disclosure.withholdable.includes(input.field)) {
        errors.push(userError("INVALID_INPUT", `${typeName}.${input.field} cannot be withheld; these can: ${disclosure.withholdable.join(", ")}.`, ["field"]));
      }
      if (!input.article.trim()) errors.push(userError("INVALID_INPUT", "Cite the article of law.", ["article"]));
      else errors.push(...groundErrors(input.ground, input.article, typeName, input.field));
      if (!input.explanation.trim()) errors.push(userError("INVALID_INPUT", "Explain the withholding in plain words (art. 37).", ["explanation"]));
      const since = input.since ?? this.clock().toISOString().slice(0, 10);
      if (input.reviewDue <= since) errors.push(userError("INVALID_INPUT", "reviewDue must be after the day the withholding starts (art. 18: it is re-evaluated).", ["reviewDue"]));
      if (errors.length) throw new UserErrors(errors);
      const record = await this.editorial.existing(db, typeName, input.recordId, ["recordId"]);
      const body = await this.editorial.existing(db, "PublicBody", input.decidedByBodyId, ["decidedByBodyId"]);
      const [already] = await db
        .select({ id: withholdings.id })
        .from(withholdings)
        .where(and(eq(withholdings.recordId, record.id), input.field != null ? eq(withholdings.field, input.field) : isNull(withholdings.field), isNull(withholdings.releasedAt)));
      if (already) throw new UserErrors([userError("CONFLICT", "This is already withheld.", ["field"])]);
      const row = await new RecordWriter(db).withhold({
        recordType: kind.recordType,
        recordId: record.id,
        field: input.field ?? undefined,
        ground: input.ground,
        article: input.article,
        explanation: input.explanation,
        decidedByBodyId: body.id,
        since,
        reviewDue: input.reviewDue,
      });
      await appendAudit(db, this.editorial.actor, { action: "withholdingCreate", recordType: "withholdings", recordId: row.id, decisionId: row.decisionId, before: null, after: row });
      return row;
    });
  }

  async release(input: { id: string; reason: string }): Promise<WithholdingOutcome> {
    this.editorial.authorize(EDITORS, "withholdingRelease");
    const id = rowIdOf(input.id, "Withholding", "input.id");
    return this.run(async (db) => {
      if (!input.reason.trim()) throw new UserErrors([userError("INVALID_INPUT", "Give the reason for releasing.", ["reason"])]);
      const [before] = await db.select().from(withholdings).where(eq(withholdings.id, id)).for("update");
      if (!before) throw new UserErrors([userError("NOT_FOUND", "No withholding has this id.", ["id"])]);
      if (before.releasedAt) throw new UserErrors([userError("CONFLICT", "This withholding was already released.", ["id"])]);
      const after = await new RecordWriter(db).release(id, input.reason);
      await appendAudit(db, this.editorial.actor, { action: "withholdingRelease", recordType: "withholdings", recordId: id, decisionId: before.decisionId, before, after });
      return after;
    });
  }
}
