import { getTableColumns } from "drizzle-orm";
import { type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import { disclosed, type DisclosedTables } from "../disclosure/disclosed.tables.js";
import { recordDisclosures } from "../disclosure/record-types.js";
import { type NodeTypeName } from "../store/node-types.js";
import { complianceRules } from "../compliance/rules.js";
import { RULE_FORCES } from "../compliance/rule.js";
import { type ColumnDescription, columnDescriptions } from "./column-descriptions.js";

export type ColumnType = "id" | "text" | "integer" | "number" | "boolean" | "date" | "datetime" | "enum" | "enum-list";

export interface DatasetColumn {
  /** The column's name in the files: the GraphQL field name. */
  name: string;
  type: ColumnType;
  /** For ids: the GraphQL type whose global id the column holds ("subject" ids depend on the row). */
  idOf?: NodeTypeName | "Withholding" | "subject";
  /** Empty in the files when withheld by law (see the withholding-notices dataset). */
  withholdable: boolean;
  description: ColumnDescription;
  /** Allowed values of an enum column. */
  values?: readonly string[];
  column: PgColumn;
}

export interface Dataset {
  /** URL name: /open-data/<name>.csv */
  name: string;
  /** Table (and projection view) name. */
  table: string;
  title: ColumnDescription;
  view: PgTable;
  columns: DatasetColumn[];
  /** Whether catalogYear and regionId filters apply (through the record's decision). */
  byDecision: "self" | "decisionId" | null;
  /** The columns that order the file's rows and identify each: its decision's id and its own (or its rule), or its id alone. */
  key: string[];
  /** Whether the rows have an updatedAt, and so the updatedSince filter. */
  updatedSince: boolean;
}

const references: Record<string, NodeTypeName> = {
  decisionId: "Decision",
  regionId: "Region",
  parentId: "Region",
  decidingBodyId: "PublicBody",
  undertakingBodyId: "PublicBody",
  reviewingBodyId: "PublicBody",
  decidedByBodyId: "PublicBody",
  consultationId: "Consultation",
  riskAssessmentId: "RiskAssessment",
  villageConsultationId: "VillageConsultation",
};

function typeOf(column: PgColumn): ColumnType {
  switch (column.columnType) {
    case "PgArray":
      return "enum-list";
    case "PgUUID":
      return "id";
    case "PgInteger":
    case "PgBigInt53":
      return "integer";
    case "PgNumeric":
    case "PgNumericNumber":
      return "number";
    case "PgBoolean":
      return "boolean";
    case "PgDateString":
    case "PgDate":
      return "date";
    case "PgTimestamp":
    case "PgTimestampString":
      return "datetime";
    case "PgEnumColumn":
      return "enum";
    default:
      return "text";
  }
}

function datasetOf(name: string, table: string, viewKey: keyof DisclosedTables, typeName: NodeTypeName | "Withholding", keys: readonly string[], withholdable: readonly string[], byDecision: Dataset["byDecision"], title: ColumnDescription): Dataset {
  const view = disclosed[viewKey] as unknown as PgTable;
  const all = getTableColumns(view) as Record<string, PgColumn>;
  const descriptions = columnDescriptions[table] ?? {};
  const columns = Object.keys(all)
    .filter((key) => keys.includes(key))
    .map((key): DatasetColumn => {
      const column = all[key]!;
      const type = typeOf(column);
      const idOf = key === "id" ? typeName : key === "subjectId" ? "subject" : references[key];
      const description = descriptions[key];
      if (!description) throw new Error(`open data: no description for ${table}.${key} (src/open-data/column-descriptions.ts)`);
      return { name: key, type, idOf: type === "id" ? idOf : undefined, withholdable: withholdable.includes(key), description, values: (column as { enumValues?: string[] }).enumValues ?? (column as { baseColumn?: { enumValues?: string[] } }).baseColumn?.enumValues, column };
    });
  // A decision's records come together, in the order of its id and then theirs: a file filtered by
  // decision (a year, a town) is then read in order through the decisions, with no sort of its rows.
  // The notices too, though no index gives their union that order: one statement sorts their few rows
  // once (18,723 at 100,000 decisions), where keyset pages by id worked the union out again for every
  // page of 2,500 (6.9 s for the whole file at 100k, 1.0 s through one cursor).
  const key = byDecision === "decisionId" ? ["decisionId", all.id ? "id" : "rule"] : ["id"];
  return { name, table, title, view, columns, byDecision, key, updatedSince: Boolean(all.updatedAt) };
}

/** A record type (table) as the files name its dataset: "risk_findings" → "risk-findings". */
export const datasetNameOf = (recordType: string): string => recordType.replaceAll("_", "-");

const viewKeyOf = (table: string) => table.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()) as keyof DisclosedTables;

/**
 * The public's compliance report, one row per public decision and rule, from the kept reports
 * computed from the disclosure projection (never staff's). Rule and force are enums of the code's.
 */
function complianceResultsDataset(): Dataset {
  const dataset = datasetOf("compliance-results", "compliance_result_rows", "complianceResultRows", "Decision", Object.keys(columnDescriptions.compliance_result_rows ?? {}), [], "decisionId", {
    zh: "合规报告：每项公开决策对每条程序规则的结果（仅依据公开记录评估，为文件生成当日的报告）",
    en: "Compliance results: how each public decision stands against each procedure rule, assessed from the disclosed records only, as of the day the file is made.",
  });
  const values: Record<string, readonly string[]> = { rule: complianceRules.map((rule) => rule.id), force: RULE_FORCES };
  dataset.columns = dataset.columns.map((column) => (values[column.name] ? { ...column, type: "enum", values: values[column.name] } : column));
  return dataset;
}

/** Every dataset the graph exposes, derived from the same rules of disclosure as the projection. */
export const datasets: Dataset[] = [
  ...recordDisclosures.map((record) =>
    datasetOf(
      datasetNameOf(record.recordType),
      record.recordType,
      viewKeyOf(record.recordType),
      record.typeName as NodeTypeName,
      [...record.published, ...record.withholdable],
      record.withholdable,
      record.recordType === "decisions" ? "self" : "decisionId",
      { zh: record.titleZh, en: `${record.typeName} records of every public decision.` },
    ),
  ),
  datasetOf("withholding-notices", "withholding_notices", "withholdingNotices", "Withholding", Object.keys(columnDescriptions.withholding_notices ?? {}), [], "decisionId", {
    zh: "不予公开说明：每项依法不予公开的字段或记录、依据和理由",
    en: "Withholding notices: each field or record withheld by law, with its legal ground and explanation.",
  }),
  complianceResultsDataset(),
  datasetOf("regions", "regions", "regions", "Region", Object.keys(columnDescriptions.regions ?? {}), [], null, { zh: "行政区划", en: "Administrative regions (a tree)." }),
  datasetOf("bodies", "public_bodies", "publicBodies", "PublicBody", Object.keys(columnDescriptions.public_bodies ?? {}), [], null, { zh: "行政机关及承办单位", en: "Public bodies that decide, undertake or review decisions." }),
];

export function datasetNamed(name: string): Dataset | undefined {
  return datasets.find((dataset) => dataset.name === name);
}
