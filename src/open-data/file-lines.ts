import { getTableColumns, sql, type SQL } from "drizzle-orm";
import { type PgColumn } from "drizzle-orm/pg-core";
import { nodeTypes } from "../store/node-types.js";
import { type Dataset, type DatasetColumn } from "./datasets.js";

export type FileFormat = "csv" | "excel.csv" | "ndjson";

/**
 * A row of a file as its text, line ending included, written by PostgreSQL: CSV per RFC 4180
 * (fields with a comma, quote or line break quoted, quotes doubled, CRLF; null and empty alike
 * empty) or one JSON object (keys in the dictionary's order, lists as arrays, numbers as numbers).
 * Made in JavaScript, a value at a time, the rows of a large file cost the server 15–30 µs each
 * (objects per row, global ids, escaping, and the garbage of all that): more than the whole budget
 * of a file sent at 50,000 rows a second. Both formats are written from the same values (`value`).
 */
export function fileLine(dataset: Dataset, format: FileFormat): SQL {
  if (format === "ndjson") {
    const members = dataset.columns.map((column, i) => sql`${sql.raw(literal(`${i === 0 ? "{" : ","}${JSON.stringify(column.name)}:`))} || coalesce(to_json(${value(dataset, column, "json")})::text, 'null')`);
    return sql`(${sql.join(members, sql` || `)} || ${sql.raw(literal("}\n"))})`;
  }
  const fields = dataset.columns.map((column) => sql`coalesce(${column.type === "text" ? quotedCsv(value(dataset, column, "csv")) : value(dataset, column, "csv")}, '')`);
  return sql`(${sql.join(fields, sql` || ',' || `)} || ${sql.raw(literal("\r\n"))})`;
}

/** A string as an SQL literal (an escape string, so that line breaks stay themselves in the statement's text). */
function literal(text: string): string {
  return `E'${text.replaceAll("\\", "\\\\").replaceAll("'", "''").replaceAll("\r", "\\r").replaceAll("\n", "\\n")}'`;
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
const quotedCsv = (text: SQL): SQL => sql`CASE WHEN ${text} ~ E'[",\\r\\n]' THEN '"' || replace(${text}, '"', '""') || '"' ELSE ${text} END`;

/**
 * A column as the files hold it: ids as global ids, times in ISO 8601 UTC to the millisecond (as
 * JavaScript writes them), numbers without trailing zeros ("1000.00" is 1000, as in the graph), a
 * notice's record types by their dataset's name (risk-findings), lists joined with ";" in CSV and
 * as arrays in JSON. Text for CSV; for JSON, a value whose JSON is the file's.
 */
function value(dataset: Dataset, column: DatasetColumn, to: "csv" | "json"): SQL {
  const c = sql`${column.column}`;
  switch (column.type) {
    case "id":
      return globalId(dataset, column, c);
    case "datetime":
      return sql`to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    case "date":
      return sql`to_char(${c}, 'YYYY-MM-DD')`;
    case "number":
      return to === "csv" ? sql`trim_scale(${c})::text` : sql`trim_scale(${c})`;
    case "integer":
      return to === "csv" ? sql`${c}::text` : c;
    case "boolean":
      return to === "csv" ? sql`CASE WHEN ${c} THEN 'true' WHEN NOT ${c} THEN 'false' END` : c;
    case "enum-list":
      return to === "csv" ? sql`array_to_string(${c}, ';')` : c;
    case "enum":
      return sql`${c}::text`;
    case "text":
      return column.name === "subjectType" || column.name === "withheldRecordType" ? sql`replace(${c}, '_', '-')` : c;
  }
}

/**
 * A global id (base64url of "Type:uuid", as `toGlobalId` writes it): PostgreSQL's base64 has `+`,
 * `/` and padding where base64url has `-`, `_` and none, and a line break after every 76 characters
 * (the last included: an id of 55 bytes or more ends with one). Not `translate`, which took 2.4 µs
 * an id (0.6 µs with `replace`).
 */
function globalId(dataset: Dataset, column: DatasetColumn, c: SQL): SQL {
  const subject = column.idOf === "subject";
  const prefix = subject ? subjectPrefix((getTableColumns(dataset.view) as Record<string, PgColumn>).subjectType!) : sql.raw(literal(`${typeName(column.idOf!)}:`));
  const bytes = (subject ? Math.max(...subjectTypeNames().map((name) => name.length)) : column.idOf!.length) + ":".length + UUID_LENGTH;
  const base64 = sql`encode(convert_to(${prefix} || ${c}::text, 'UTF8'), 'base64')`;
  const oneLine = Math.ceil(bytes / 3) * 4 >= 76 ? sql`replace(${base64}, E'\\n', '')` : base64;
  return sql`rtrim(replace(replace(${oneLine}, '+', '-'), '/', '_'), '=')`;
}

/** A notice's subject is a record of the type its row names (the GraphQL type of that record type). */
function subjectPrefix(subjectType: PgColumn): SQL {
  const cases = Object.entries(nodeTypes).flatMap(([name, type]) => (type.recordType ? [`WHEN '${type.recordType}' THEN '${typeName(name)}:'`] : []));
  return sql`(CASE ${subjectType} ${sql.raw(cases.join(" "))} END)`;
}

const subjectTypeNames = (): string[] => Object.entries(nodeTypes).flatMap(([name, type]) => (type.recordType ? [name] : []));

const UUID_LENGTH = 36;

const typeName = (name: string): string => {
  if (!/^[A-Za-z]+$/.test(name)) throw new Error(`Not a type name: ${name}`);
  return name;
};
