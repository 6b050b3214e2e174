import { bigint, customType, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Bulk snapshots of every open-data file, one archive each, kept in the database so that every
 * instance serves the same ones (the latest few: see SNAPSHOTS_KEPT). Built from the disclosure
 * projection only, in one read-only transaction.
 */
export const openDataSnapshots = pgTable("open_data_snapshots", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Its file name without `.zip`: the build time in ISO 8601 basic format, e.g. 20261206T175800Z. */
  name: text("name").notNull().unique(),
  builtAt: timestamp("built_at", { withTimezone: true, precision: 3, mode: "date" }).notNull(),
  /** The manifest (manifest.json of the archive): each file's rows, bytes and SHA-256, and the change-feed cursor. */
  manifest: jsonb("manifest").notNull(),
  byteSize: bigint("byte_size", { mode: "number" }).notNull(),
  sha256: text("sha256").notNull(),
});

/** An archive in chunks of at most a mebibyte, read one at a time when served. */
export const openDataSnapshotChunks = pgTable(
  "open_data_snapshot_chunks",
  {
    snapshotId: uuid("snapshot_id")
      .notNull()
      .references(() => openDataSnapshots.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ name: "open_data_snapshot_chunks_pkey", columns: [t.snapshotId, t.seq] })],
);

/**
 * One row: who is building a snapshot (a lease, so that one instance builds at a time) and the
 * generation of withholdings, which a new withholding moves (migration 0028's trigger, which also
 * drops every snapshot): a build whose generation moved while it read is thrown away.
 */
export const openDataSnapshotState = pgTable("open_data_snapshot_state", {
  id: integer("id").primaryKey(),
  generation: bigint("generation", { mode: "number" }).notNull().default(0),
  leaseHolder: uuid("lease_holder"),
  leaseUntil: timestamp("lease_until", { withTimezone: true, precision: 3, mode: "date" }),
});
