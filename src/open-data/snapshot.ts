import { createHash, randomUUID } from "node:crypto";
import { desc, eq, max, sql } from "drizzle-orm";
import { Zip, ZipDeflate } from "fflate";
import { changeCursor } from "../changes/change-feed.js";
import { type Database, type DisclosedReads } from "../db/database.js";
import { rowsOf } from "../db/rows.js";
import { disclosed } from "../disclosure/disclosed.tables.js";
import { type Dataset, datasets as allDatasets } from "./datasets.js";
import { exportPages, fileChunks, type FileFormat, type FilePage } from "./export.js";
import { openDataSnapshotChunks, openDataSnapshots, openDataSnapshotState } from "./snapshot.table.js";

/** How many snapshots are kept (and served by name); older ones are dropped when a new one is saved. */
export const SNAPSHOTS_KEPT = 3;
/** The archive is stored, and served, in chunks of this many bytes. */
const CHUNK_BYTES = 1 << 20;
/** A builder that died holding the lease holds it no longer than this. */
const LEASE_SECONDS = 900;
/** The formats in the archive: CSV (without the byte-order mark) and NDJSON, as the single files. */
export const SNAPSHOT_FORMATS: readonly FileFormat[] = ["csv", "ndjson"];

export interface SnapshotFile {
  path: string;
  dataset: string;
  format: FileFormat;
  rows: number;
  bytes: number;
  sha256: string;
}

/** manifest.json of an archive. */
export interface SnapshotManifest {
  name: string;
  builtAt: string;
  /** The change feed's cursor at the snapshot: follow `/open-data/changes.ndjson?after=` from it. */
  changesCursor: string;
  files: SnapshotFile[];
}

export interface Snapshot {
  id: string;
  name: string;
  builtAt: Date;
  manifest: SnapshotManifest;
  byteSize: number;
  sha256: string;
}

export type BuildOutcome = "built" | "busy" | "withdrawn";

/** The snapshot's name: its build time in ISO 8601 basic format, to the second (20261206T175800Z). */
export const snapshotName = (at: Date): string => at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
export const SNAPSHOT_NAME = /^\d{8}T\d{6}Z$/;

export interface SnapshotOptions {
  clock?: () => Date;
  /** Brings the kept compliance reports up to date for today (the compliance-results file is made from them). */
  complianceCurrent?: () => Promise<unknown>;
  /** The datasets in the archive (every one; tests break one to see a failed build). */
  datasets?: readonly Dataset[];
  /** A build that failed with nobody waiting for it (the server's log). */
  onError?: (error: unknown) => void;
}

/**
 * Bulk snapshots: every dataset's files in one zip archive with a manifest (rows, bytes and SHA-256 of
 * each file, the change-feed cursor), read in one REPEATABLE READ transaction as the disclosure role so
 * that the files agree with one another. One instance builds at a time (a lease row); the archives are
 * kept in PostgreSQL, so every instance serves the same ones.
 */
export class OpenDataSnapshots {
  private readonly clock: () => Date;
  private readonly datasets: readonly Dataset[];
  private building: Promise<BuildOutcome> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    private readonly database: Database,
    private readonly options: SnapshotOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.datasets = options.datasets ?? allDatasets;
  }

  /** Builds a snapshot unless another instance is building one ("busy"); one build at a time in this process. */
  build(): Promise<BuildOutcome> {
    return (this.building ??= this.buildNow().finally(() => (this.building = null)));
  }

  /** Builds one in the background if none is kept (at start, or when one is asked for and none is there). */
  ensure(): void {
    void this.latest()
      .then((latest) => (latest || this.stopping ? undefined : this.build()))
      .catch((error: unknown) => this.options.onError?.(error));
  }

  /** Builds one now if none is kept, then every `everyMs`, until `stop`. */
  keepCurrent(everyMs: number): void {
    this.ensure();
    const tick = () => {
      this.timer = setTimeout(() => {
        void this.build()
          .catch((error: unknown) => this.options.onError?.(error))
          .finally(() => !this.stopping && tick());
      }, everyMs).unref();
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.building?.catch(() => undefined);
  }

  /** The newest snapshot kept; `reads`: where a public request reads (a read replica, see forPublic). */
  async latest(reads: DisclosedReads = this.database): Promise<Snapshot | null> {
    const s = disclosed.openDataSnapshots;
    const [row] = await reads.readDisclosed((db) => db.select().from(s).orderBy(desc(s.builtAt)).limit(1));
    return (row as Snapshot | undefined) ?? null;
  }

  async named(name: string, reads: DisclosedReads = this.database): Promise<Snapshot | null> {
    const s = disclosed.openDataSnapshots;
    const [row] = await reads.readDisclosed((db) => db.select().from(s).where(eq(s.name, name)).limit(1));
    return (row as Snapshot | undefined) ?? null;
  }

  /** The archive's bytes, a chunk (one statement) at a time. */
  async *archive(snapshot: Snapshot, reads: DisclosedReads = this.database): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq++) {
      const [chunk] = await reads.readDisclosed((db) =>
        rowsOf<{ data: Uint8Array }>(db, sql`SELECT data FROM disclosure.open_data_snapshot_chunks WHERE snapshot_id = ${snapshot.id} AND seq = ${seq}`),
      );
      if (!chunk) return;
      yield Buffer.from(chunk.data);
    }
  }

  private async buildNow(): Promise<BuildOutcome> {
    const holder = randomUUID();
    const state = openDataSnapshotState;
    const [lease] = await this.database.asWriter((db) =>
      db
        .update(state)
        .set({ leaseHolder: holder, leaseUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
        .where(sql`${state.id} = 1 AND (${state.leaseUntil} IS NULL OR ${state.leaseUntil} < now())`)
        .returning({ generation: state.generation }),
    );
    if (!lease) return "busy";
    try {
      await this.options.complianceCurrent?.();
      const builtAt = this.clock();
      const name = snapshotName(builtAt);
      const { archive, manifest } = await this.write(name, builtAt);
      const sha256 = createHash("sha256").update(archive).digest("hex");
      return await this.database.asWriter(async (db) => {
        // A withholding since the lease was taken may be in the files: the build is thrown away.
        const [now] = await db.select({ generation: state.generation }).from(state).where(eq(state.id, 1)).for("update");
        if (now?.generation !== lease.generation) return "withdrawn";
        const [saved] = await db.insert(openDataSnapshots).values({ name, builtAt, manifest, byteSize: archive.length, sha256 }).onConflictDoNothing().returning({ id: openDataSnapshots.id });
        if (!saved) return "busy";
        for (let seq = 0; seq * CHUNK_BYTES < archive.length; seq++) {
          await db.insert(openDataSnapshotChunks).values({ snapshotId: saved.id, seq, data: archive.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES) });
        }
        await db.execute(sql`DELETE FROM ${openDataSnapshots} WHERE ${openDataSnapshots.id} NOT IN (SELECT ${openDataSnapshots.id} FROM ${openDataSnapshots} ORDER BY ${openDataSnapshots.builtAt} DESC LIMIT ${SNAPSHOTS_KEPT})`);
        // Freed with the save: whoever sees this snapshot may build the next one at once.
        await db.update(state).set({ leaseHolder: null, leaseUntil: null }).where(eq(state.leaseHolder, holder));
        return "built";
      });
    } finally {
      await this.database.asWriter((db) => db.update(state).set({ leaseHolder: null, leaseUntil: null }).where(eq(state.leaseHolder, holder)));
    }
  }

  /** Every file, read in one transaction, into one zip archive held in memory (its compressed size). */
  private async write(name: string, builtAt: Date): Promise<{ archive: Buffer; manifest: SnapshotManifest }> {
    const parts: Uint8Array[] = [];
    let failed: Error | null = null;
    const zip = new Zip((error, data) => {
      if (error) failed = error;
      else parts.push(data);
    });
    const files: SnapshotFile[] = [];
    const add = (path: string): ((text: Uint8Array | string | null) => void) => {
      const entry = new ZipDeflate(path, { level: 6 });
      entry.mtime = builtAt;
      zip.add(entry);
      return (text) => (text === null ? entry.push(new Uint8Array(0), true) : entry.push(typeof text === "string" ? Buffer.from(text, "utf8") : text));
    };
    const changesCursor = await this.database.readDisclosedSnapshot(async (db) => {
      const read = <T>(work: (tx: typeof db) => Promise<T>) => work(db);
      const [last] = await db.select({ id: max(disclosed.changes.id) }).from(disclosed.changes);
      for (const dataset of this.datasets) {
        for (const format of SNAPSHOT_FORMATS) {
          const path = `${dataset.name}.${format}`;
          const write = add(path);
          const hash = createHash("sha256");
          let rows = 0;
          let bytes = 0;
          async function* counted(pages: AsyncIterable<FilePage>) {
            for await (const page of pages) {
              rows += page.rows;
              yield page;
            }
          }
          for await (const text of fileChunks(dataset, format, counted(exportPages(dataset, {}, format, read, "transaction")))) {
            hash.update(text);
            bytes += typeof text === "string" ? Buffer.byteLength(text, "utf8") : text.byteLength;
            write(text);
          }
          write(null);
          files.push({ path, dataset: dataset.name, format, rows, bytes, sha256: hash.digest("hex") });
        }
      }
      return changeCursor(last?.id ?? 0);
    });
    const manifest: SnapshotManifest = { name, builtAt: builtAt.toISOString(), changesCursor, files };
    const writeManifest = add("manifest.json");
    writeManifest(JSON.stringify(manifest, null, 2));
    writeManifest(null);
    zip.end();
    if (failed) throw failed;
    return { archive: Buffer.concat(parts), manifest };
  }
}
