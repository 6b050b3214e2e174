import { index, pgEnum, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { idColumn } from "../db/columns.js";

/** Roles an API key carries; the public needs no key. */
export const keyRole = pgEnum("key_role", ["RESEARCHER", "LEGAL_REVIEWER", "EDITOR", "ADMIN"]);

export const apiKeysColumns = () => ({
  id: idColumn(),
  name: text("name").notNull(),
  role: keyRole("role").notNull(),
  /** SHA-256 of the secret; the secret itself is shown once, at creation, and never stored. */
  secretHash: text("secret_hash").notNull().unique(),
  /** The first characters of the secret, so that people can tell their keys apart. */
  secretPrefix: text("secret_prefix").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3, mode: "date" }).notNull().defaultNow(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true, precision: 3, mode: "date" }),
  revokedAt: timestamp("revoked_at", { withTimezone: true, precision: 3, mode: "date" }),
});

export const apiKeys = pgTable("api_keys", apiKeysColumns(), (t) => [index("api_keys_created_idx").on(t.createdAt)]);
