import { createHash, randomBytes } from "node:crypto";

const PREFIX = "dd_";

/** A new secret: 32 random bytes, prefixed so that a leaked key is recognisable in a scan. */
export function newSecret(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function looksLikeSecret(value: string): boolean {
  return /^dd_[A-Za-z0-9_-]{43}$/.test(value);
}

export const secretPrefixOf = (secret: string) => secret.slice(0, 10);
