import { type ViewerRole } from "./viewer.js";
import { editableKinds } from "../records/editable-kinds.js";
import { lowerFirst } from "../records/editorial.inputs.js";

/** Every role, in the order the table in docs/access.md lists them. */
export const viewerRoles = ["ANONYMOUS", "RESEARCHER", "LEGAL_REVIEWER", "EDITOR", "ADMIN"] as const satisfies readonly ViewerRole[];

export interface OperationRoles {
  /** Roles that may call the root field; every other role is refused before the resolver runs. */
  roles: readonly ViewerRole[];
  /** A further condition the service checks, for the table in docs/access.md. */
  note?: string;
}

const everyone: OperationRoles = { roles: viewerRoles };
/** Admins read everything, so every staff query is theirs too. */
const staffReaders: OperationRoles = { roles: ["LEGAL_REVIEWER", "EDITOR", "ADMIN"] };
const admins: OperationRoles = { roles: ["ADMIN"] };
const editors: OperationRoles = { roles: ["EDITOR"] };

/** `<type>Create` and `<type>Update` belong to the kind's writers (separation of duties: reviews are legal reviewers'). */
const editorial = Object.fromEntries(
  editableKinds.flatMap((kind) => [
    [`${lowerFirst(kind.typeName)}Create`, { roles: kind.writers }],
    [`${lowerFirst(kind.typeName)}Update`, { roles: kind.writers }],
  ]),
) as Record<string, OperationRoles>;

const withdrawers = [...new Set(editableKinds.flatMap((kind) => kind.writers))];

/**
 * Who may call each root field of the schema: the one declaration. It is enforced when the schema
 * is built (src/access/enforce-operation-roles.ts: a root field without an entry stops the build),
 * written into the table of docs/access.md (`npm run docs:roles`), and every field is called as
 * every role by test/operation-roles.test.ts. Data-level rules (what each role reads of a record)
 * are the disclosure projection's, not this table's.
 */
export const operationRoles: { Query: Record<string, OperationRoles>; Mutation: Record<string, OperationRoles> } = {
  Query: {
    viewer: everyone,
    dataset: everyone,
    node: everyone,
    nodes: everyone,
    decision: everyone,
    decisions: everyone,
    regions: everyone,
    bodies: everyone,
    statistics: everyone,
    changes: everyone,
    complianceRules: everyone,
    complianceStatistics: everyone,
    commentReceipt: { roles: viewerRoles, note: "whoever holds the receipt number; tells only that comment's status" },
    legalityQueue: staffReaders,
    apiKeys: admins,
  },
  Mutation: {
    commentSubmit: { roles: viewerRoles, note: "only while the consultation takes comments; throttled per client address" },
    ...editorial,
    decisionAdvanceStage: editors,
    recordWithdraw: { roles: withdrawers, note: "a legality review by legal reviewers, any other record by editors" },
    withholdingCreate: editors,
    withholdingRelease: editors,
    commentModerate: editors,
    commentAnswer: editors,
    apiKeyCreate: admins,
    apiKeyRevoke: admins,
  },
};

export type RootOperation = keyof typeof operationRoles;

export function rolesOf(operation: RootOperation, field: string): readonly ViewerRole[] | undefined {
  return operationRoles[operation][field]?.roles;
}

/** "editor or admin keys", for refusals. */
export const describeRoles = (roles: readonly ViewerRole[]) =>
  roles.length === viewerRoles.length ? "everyone" : `${roles.map((role) => role.toLowerCase().replace("_", " ")).join(" or ")} keys`;
