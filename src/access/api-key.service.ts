import { and, asc, eq, isNull, lt, or } from "drizzle-orm";
import { type AppDb, type Database } from "../db/database.js";
import { AuthenticationError } from "../graphql/auth.errors.js";
import { apiKeys } from "./api-key.table.js";
import { hashSecret, looksLikeSecret, newSecret, secretPrefixOf } from "./api-key.secret.js";
import { type KeyRole, type Viewer, anonymousViewer } from "./viewer.js";

export type ApiKeyRow = typeof apiKeys.$inferSelect;

/** How often a key's last-use time is written: often enough to audit, rarely enough not to write on every request. */
const LAST_USE_RESOLUTION_MS = 60_000;

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
export async function authenticate(database: Database, authorization: string | undefined, clientAddress: string, admission: KeyAdmission = FREE): Promise<Viewer> {
  if (authorization === undefined || authorization === "") return anonymousViewer(clientAddress);
  const match = /^Bearer (\S+)$/.exec(authorization);
  if (!match || !looksLikeSecret(match[1]!)) throw new AuthenticationError("The Authorization header must be `Bearer <API key>` with a key issued by this service.");
  await admission.beforeLookup();
  const secretHash = hashSecret(match[1]!);
  const key = await database.asWriter(async (db) => {
    const [found] = await db.select().from(apiKeys).where(and(eq(apiKeys.secretHash, secretHash), isNull(apiKeys.revokedAt)));
    if (found) {
      const stale = new Date(Date.now() - LAST_USE_RESOLUTION_MS);
      await db
        .update(apiKeys)
        .set({ lastUsedAt: new Date() })
        .where(and(eq(apiKeys.id, found.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale))));
    }
    return found;
  });
  if (!key) {
    await admission.unknownKey();
    throw new AuthenticationError("This API key is unknown or has been revoked.");
  }
  return { role: key.role, keyId: key.id, keyName: key.name, clientAddress };
}
