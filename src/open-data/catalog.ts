import { asc, count, eq, sql, getTableColumns, max, min } from "drizzle-orm";
import { type PgColumn } from "drizzle-orm/pg-core";
import { DatasetService } from "../dataset/dataset.service.js";
import { type Database } from "../db/database.js";
import { disclosed } from "../disclosure/disclosed.tables.js";
import { datasets } from "./datasets.js";
import { type Snapshot } from "./snapshot.js";

/** Open licence of the data; the statute text itself is not copyrightable, the compilation is licensed. */
export const LICENCE = "https://creativecommons.org/licenses/by/4.0/";

const context = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  locn: "http://www.w3.org/ns/locn#",
  void: "http://rdfs.org/ns/void#",
  spdx: "http://spdx.org/rdf/terms#",
};

const byteSize = (bytes: number | undefined) => (bytes === undefined ? {} : { "dcat:byteSize": { "@value": bytes, "@type": "xsd:nonNegativeInteger" } });

const text = (zh: string, en: string) => [
  { "@value": zh, "@language": "zh" },
  { "@value": en, "@language": "en" },
];
const dateTime = (value: Date | null) => (value ? { "@value": value.toISOString(), "@type": "xsd:dateTime" } : undefined);
const date = (value: string | null) => (value ? { "@value": value, "@type": "xsd:date" } : undefined);

/** What the catalog needs besides the projection: the time, and whether the kept compliance reports are current. */
export interface CatalogOptions {
  now: Date;
  /** Brings the kept compliance reports up to date; false when they cannot be waited for now. */
  complianceCurrent: () => Promise<boolean>;
  /** The latest bulk snapshot: each file's rows and bytes come from its manifest. */
  snapshot: Snapshot | null;
}

/**
 * The DCAT catalog (JSON-LD) of the open data: one dataset per bulk file, with its distributions
 * (CSV, NDJSON, the GraphQL service), publisher, licence, temporal and spatial coverage, modification
 * time, its number of rows (void:entities), and the legal basis of what is withheld — all computed on
 * the disclosure projection, when asked: one count per dataset, each over the whole view (a few
 * milliseconds each on the sample data; the larger files' counts grow with them).
 */
export async function catalog(database: Database, base: string, options: CatalogOptions) {
  const snapshot = options.snapshot;
  const snapshotFile = (name: string, format: string) => snapshot?.manifest.files.find((file) => file.dataset === name && file.format === format);
  // Without a snapshot, rows are counted now; the compliance-results file is made from reports current for today, and so is its count.
  const complianceCurrent = snapshot ? false : await options.complianceCurrent();
  const facts = await database.readDisclosed(async (db) => {
    const [root] = await db.select({ name: disclosed.regions.name, code: disclosed.regions.code }).from(disclosed.regions).where(eq(disclosed.regions.depth, 0)).orderBy(asc(disclosed.regions.code)).limit(1);
    const [publisher] = await db.select({ name: disclosed.publicBodies.name }).from(disclosed.publicBodies).where(eq(disclosed.publicBodies.kind, "PEOPLES_GOVERNMENT")).orderBy(asc(disclosed.publicBodies.name)).limit(1);
    const [span] = await db.select({ from: min(disclosed.decisions.initiatedOn), to: max(disclosed.decisions.initiatedOn) }).from(disclosed.decisions);
    const modified: Date[] = [];
    const rows: (number | null)[] = [];
    for (const dataset of datasets) {
      const updatedAt = (getTableColumns(dataset.view) as Record<string, PgColumn>).updatedAt;
      // Rows: the snapshot's manifest's where there is one, else counted now (the compliance report's
      // only once its kept reports are current). Rows without an updatedAt (the compliance report)
      // are as of today: modified now.
      const counted = !snapshot && (updatedAt !== undefined || complianceCurrent);
      const [row] = updatedAt || counted ? await db.select({ modified: updatedAt ? max(updatedAt) : sql<null>`NULL`, rows: counted ? count() : sql<null>`NULL` }).from(dataset.view) : [];
      modified.push(updatedAt ? ((row?.modified as Date | null) ?? new Date(0)) : options.now);
      rows.push(counted ? Number(row?.rows ?? 0) : (snapshotFile(dataset.name, "csv")?.rows ?? null));
    }
    return { root, publisher, span, modified, rows };
  });
  const dataset = await new DatasetService(database).info();
  // The illustrative sample says so wherever the catalog is read: its decisions are invented.
  const sample = dataset.illustrativeSample ? { "rdfs:comment": text(dataset.notice!, dataset.noticeEnglish!) } : {};
  const publisher = { "@type": "foaf:Agent", "foaf:name": facts.publisher?.name ?? facts.root?.name ?? "" };
  const spatial = { "@type": "dct:Location", "@id": `${base}/open-data/regions/${facts.root?.code ?? ""}`, "locn:geographicName": facts.root?.name ?? "" };
  const temporal = { "@type": "dct:PeriodOfTime", "dcat:startDate": date(facts.span?.from ?? null), "dcat:endDate": date(facts.span?.to ?? null) };
  const rights = {
    "@type": "dct:RightsStatement",
    "rdfs:label": text(
      "依《中华人民共和国政府信息公开条例》第十四条（国家秘密、法律法规禁止公开、危及安全稳定）、第十五条（商业秘密、个人隐私）、第十六条（内部事务信息、过程性信息、行政执法案卷）不予公开的字段为空，不予公开的记录不列入；每项不予公开的依据和理由见 withholding-notices 数据集。",
      "Fields withheld under the Regulations on Open Government Information, arts. 14 (state secrets, prohibited by law, security and stability), 15 (commercial secrets, personal privacy) and 16 (internal affairs, process information, law-enforcement files), are empty and records withheld whole are left out; the withholding-notices dataset gives the ground and reason of each.",
    ),
  };
  const service = { "@id": `${base}/graphql`, "@type": "dcat:DataService", "dcat:endpointURL": { "@id": `${base}/graphql` }, "dct:conformsTo": { "@id": "https://spec.graphql.org/" } };
  return {
    "@context": context,
    "@id": `${base}/open-data/catalog.jsonld`,
    "@type": "dcat:Catalog",
    "dct:title": text("重大行政决策公开数据", "Major administrative decisions: open data"),
    "dct:description": text("重大行政决策事项及其依据、公众参与、专家论证、风险评估、合法性审查、集体讨论决定、决策公布、执行和评估的公开记录。", "Major administrative decisions and their public record."),
    ...sample,
    "dct:publisher": publisher,
    "dct:license": { "@id": LICENCE },
    "dct:spatial": spatial,
    "dct:temporal": temporal,
    "dct:modified": dateTime(new Date(Math.max(...facts.modified.map((d) => d.getTime())))),
    "dcat:service": service,
    "dcat:dataset": datasets.map((set, i) => ({
      "@id": `${base}/open-data/${set.name}`,
      "@type": "dcat:Dataset",
      "dct:identifier": set.name,
      "dct:title": text(set.title.zh, set.title.en),
      ...sample,
      "dct:publisher": publisher,
      "dct:license": { "@id": LICENCE },
      "dct:modified": dateTime(facts.modified[i]!),
      ...(facts.rows[i] !== null ? { "void:entities": { "@value": facts.rows[i], "@type": "xsd:integer" } } : {}),
      "dct:spatial": spatial,
      "dct:temporal": temporal,
      "dct:rights": rights,
      "dcat:distribution": [
        { "@type": "dcat:Distribution", "dcat:downloadURL": { "@id": `${base}/open-data/${set.name}.csv` }, "dcat:mediaType": { "@id": "https://www.iana.org/assignments/media-types/text/csv" }, "dct:license": { "@id": LICENCE }, ...byteSize(snapshotFile(set.name, "csv")?.bytes) },
        {
          "@type": "dcat:Distribution",
          "dct:title": text("CSV（带字节顺序标记，供电子表格软件打开）", "CSV with a byte-order mark, for spreadsheets"),
          "dcat:downloadURL": { "@id": `${base}/open-data/${set.name}.excel.csv` },
          "dcat:mediaType": { "@id": "https://www.iana.org/assignments/media-types/text/csv" },
          "dct:license": { "@id": LICENCE },
        },
        { "@type": "dcat:Distribution", "dcat:downloadURL": { "@id": `${base}/open-data/${set.name}.ndjson` }, "dcat:mediaType": { "@id": "https://www.iana.org/assignments/media-types/application/x-ndjson" }, "dct:license": { "@id": LICENCE }, ...byteSize(snapshotFile(set.name, "ndjson")?.bytes) },
        // The same files in the dated bulk snapshot (a zip of every dataset), with the date it was built.
        ...(snapshot
          ? [
              {
                "@type": "dcat:Distribution",
                "dct:title": text("批量快照（所有数据集的 CSV 和 NDJSON 文件，附清单和校验和）", "Bulk snapshot: every dataset's CSV and NDJSON files in one zip, with a manifest of rows and checksums"),
                "dcat:downloadURL": { "@id": `${base}/open-data/snapshots/${snapshot.name}.zip` },
                "dcat:accessURL": { "@id": `${base}/open-data/snapshot` },
                "dcat:packageFormat": { "@id": "https://www.iana.org/assignments/media-types/application/zip" },
                "dcat:mediaType": { "@id": "https://www.iana.org/assignments/media-types/text/csv" },
                "dcat:byteSize": { "@value": snapshot.byteSize, "@type": "xsd:nonNegativeInteger" },
                "dct:issued": dateTime(new Date(snapshot.builtAt)),
                "spdx:checksum": { "@type": "spdx:Checksum", "spdx:algorithm": { "@id": "http://spdx.org/rdf/terms#checksumAlgorithm_sha256" }, "spdx:checksumValue": snapshot.sha256 },
                "dct:license": { "@id": LICENCE },
              },
            ]
          : []),
        { "@type": "dcat:Distribution", "dcat:accessURL": { "@id": `${base}/graphql` }, "dcat:accessService": { "@id": `${base}/graphql` }, "dct:license": { "@id": LICENCE } },
      ],
      "dct:conformsTo": { "@id": `${base}/open-data/dictionary.json` },
    })),
  };
}
