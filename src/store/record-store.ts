import DataLoader from "dataloader";
import { byIdLoader, type LoaderOptions, type Row } from "../db/by-id.loader.js";
import { ReadScheduler } from "../db/read-scheduler.js";
import { builtStatement, idSlots, idValues, inIds, serialOf } from "../db/built-statements.js";
import { childCountLoader, childListLoader, childPagesLoader, type ChildPageKey } from "../db/child-pages.loader.js";
import { type Page } from "../graphql/connection.js";
import { type Reader } from "../db/reader.js";
import { type DisclosedTables } from "../disclosure/disclosed.tables.js";
import { childLists, type ChildListName } from "./child-lists.js";
import { nodeTypes, type NodeTypeName } from "./node-types.js";

export type NoticeRow = DisclosedTables["withholdingNotices"]["$inferSelect"];

/**
 * The per-request data-access layer: every read of the graph goes through here, against the one
 * projection the viewer may see (the disclosure projection for the public), with one DataLoader
 * per kind of read so that a request's statements do not grow with its page sizes.
 */
/** The order of each short list read whole (the enum columns sort in their declared, procedural order). */
const SHORT_LIST_ORDER = {
  riskFindings: ["dimension", "id"],
  regions: ["code", "id"],
  publications: ["id"],
  villageConsultationMembers: ["role", "id"],
  villageConsultationSteps: ["takenOn", "step", "id"],
} satisfies Record<string, string[]>;

export class RecordStore {
  private readonly loaders = new Map<string, DataLoader<never, unknown>>();

  readonly read: Reader;
  /** For a read known to be quick: see ReadScheduler.readQuick. */
  readonly readQuick: Reader;
  private readonly options: LoaderOptions;

  /** `connection`, when given, sends each wave of batched reads down one connection (see ReadScheduler). */
  constructor(reader: Reader, readonly tables: DisclosedTables, connection?: () => Reader) {
    const scheduler = new ReadScheduler(reader, connection);
    this.read = scheduler.read;
    this.readQuick = scheduler.readQuick;
    this.options = { batchScheduleFn: scheduler.schedule };
  }

  private memo<K, V>(name: string, create: () => DataLoader<K, V, unknown>): DataLoader<K, V, unknown> {
    let loader = this.loaders.get(name);
    if (!loader) this.loaders.set(name, (loader = create() as unknown as DataLoader<never, unknown>));
    return loader as unknown as DataLoader<K, V, unknown>;
  }

  /** A loader of another domain's own (compliance files), batched and scheduled like the others. */
  batched<K, V>(name: string, batch: (keys: readonly K[], read: Reader, tables: DisclosedTables) => Promise<V[]>): DataLoader<K, V, unknown> {
    return this.memo(name, () => new DataLoader<K, V>((keys) => batch(keys, this.read, this.tables), this.options));
  }

  byId(typeName: NodeTypeName): DataLoader<string, Row | null, unknown> {
    return this.memo(`byId:${typeName}`, () => byIdLoader(this.read, this.tables[nodeTypes[typeName].table], this.options));
  }

  /** Rows already read (a page of a list) answer later look-ups by id without another statement. */
  prime(typeName: NodeTypeName, rows: Row[]): void {
    const loader = this.byId(typeName);
    for (const row of rows) loader.prime(row.id, row);
  }

  childPage(list: ChildListName): DataLoader<ChildPageKey, Page<Row>, unknown> {
    const { table, parentKey, ordering } = childLists[list];
    return this.memo(`page:${list}`, () => childPagesLoader(this.read, this.tables[table], parentKey, ordering, this.options));
  }

  childCount(list: ChildListName): DataLoader<string, number, unknown> {
    const { table, parentKey } = childLists[list];
    return this.memo(`count:${list}`, () => childCountLoader(this.read, this.tables[table], parentKey, this.options));
  }

  /** Every child row per parent, ordered by id, for short lists (risk findings, sub-regions, the publication). */
  childRows(table: keyof typeof SHORT_LIST_ORDER, parentKey: string): DataLoader<string, Row[], unknown> {
    const orderKeys: string[] = SHORT_LIST_ORDER[table];
    return this.memo(`rows:${table}:${parentKey}`, () => childListLoader(this.read, this.tables[table], parentKey, orderKeys, this.options));
  }

  /** Withholding notices of a record, keyed by its database id (ids are UUIDs, unique across types). */
  notices(): DataLoader<string, NoticeRow[], unknown> {
    const notices = this.tables.withholdingNotices;
    return this.memo(
      "notices",
      () =>
        new DataLoader<string, NoticeRow[]>(async (ids) => {
          const key = `notices:${serialOf(notices)}:${idSlots(ids.length)}`;
          const rows = (await this.read((db) =>
            builtStatement(db, key, (db) => db.select().from(notices).where(inIds(notices.subjectId, ids.length)).orderBy(notices.field, notices.id)).execute(idValues(ids)),
          )) as NoticeRow[];
          return ids.map((id) => rows.filter((row) => row.subjectId === id));
        }, this.options),
    );
  }
}
