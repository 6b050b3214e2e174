import { and, asc, eq, isNull } from "drizzle-orm";
import { type AppDb, type Database } from "../db/database.js";
import { AuthenticationError } from "../graphql/auth.errors.js";
import { apiKeys } from "./api-key.table.js";
import { hashSecret, looksLikeSecret, newSecret, secretPrefixOf } from "./api-key.secret.js";
import { type KeyUseRecorder } from "./key-use.js";
import { type KeyRole, type Viewer, anonymousViewer } from "./viewer.js";

export type ApiKeyRow = typeof apiKeys.$inferSelect;

export async function createKey(db: AppDb, name: string, role: KeyRole): Promise<{ key: ApiKeyRow; secret: string }> {
  const secret = newSecret();
  const [key] = await db.insert(apiKeys).values({ name, role, secretHash: hashSecret(secret), secretPrefix: secretPrefixOf(secret) }).returning();
  return { key: key!, secret };
}

export function listKeys(db: AppDb): Promise<ApiKeyRow[]> {
  return db.select().from(apiKeys).orderBy(asc(apiKeys.createdAt), asc(apiKeys.id));
}

/** Revokes a key; revoking is recorded (revokedAt), the key row stays. Returns null for an unknown key. */
export async function revokeKey(db: AppDb, id: string): Promise<{ before: ApiKeyRow; after: ApiKeyRow } | null> {
  const [before] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
  if (!before) return null;
  if (before.revokedAt) return { before, after: before };
  const [after] = await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, id)).returning();
  return { before, after: after! };
}

/**
 * What a key's lookup costs the caller: `beforeLookup` pays for the statement before it runs (and
 * throws to refuse it), `unknownKey` charges a key that matched nothing.
 */
export interface KeyAdmission {
  beforeLookup(): Promise<void>;
  unknownKey(): Promise<void>;
}

const FREE: KeyAdmission = { beforeLookup: async () => {}, unknownKey: async () => {} };

/**
 * The viewer for an `Authorization` header. No header: the anonymous public. A header that is not
 * `Bearer <key>`, or a key unknown or revoked: an UNAUTHENTICATED error, never silently anonymous.
 */
export async function authenticate(database: Database, authorization: string | undefined, clientAddress: string, admission: KeyAdmission = FREE, uses?: KeyUseRecorder): Promise<Viewer> {
  if (authorization === undefined || authorization === "") return anonymousViewer(clientAddress);
  const match = /^Bearer (\S+)$/.exec(authorization);
  if (!match || !looksLikeSecret(match[1]!)) throw new AuthenticationError("The Authorization header must be `Bearer <API key>` with a key issued by this service.");
  await admission.beforeLookup();
  const secretHash = hashSecret(match[1]!);
  const [key] = await database.asWriter((db) => db.select().from(apiKeys).where(and(eq(apiKeys.secretHash, secretHash), isNull(apiKeys.revokedAt))));
  if (!key) {
    await admission.unknownKey();
    throw new AuthenticationError("This API key is unknown or has been revoked.");
  }
  uses?.note(key.id);
  return { role: key.role, keyId: key.id, keyName: key.name, clientAddress };
}
