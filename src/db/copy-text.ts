import { getTableColumns } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { arrayLiteral } from "./array-literal.js";

/**
 * Rows of one table in COPY's text format (tab-separated fields, `\N` for NULL, one line a row):
 * what `COPY table (columns) FROM STDIN` reads, and PGlite's `FROM '/dev/blob'` alike.
 * The columns are those of the first row, as `insertAll` takes them; one left out takes its default,
 * a generated one (never in a row) is computed by the server.
 */
export interface CopyText {
  /** The table's name, quoted. */
  readonly table: string;
  /** The columns' names, quoted, in the order of each line's fields. */
  readonly columns: readonly string[];
  /** A row as one line (with its newline). */
  line(row: Readonly<Record<string, unknown>>): string;
}

export function copyText(table: PgTable, first: Readonly<Record<string, unknown>>): CopyText {
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in first);
  const fields = columns.map(([key, column]) => {
    // As insertAll sends them: a list as an array literal, a Date as ISO 8601; JSON as JSON.
    const text = column.getSQLType().endsWith("]") ? (value: unknown) => arrayLiteral(value as unknown[]) : column.dataType === "json" ? (value: unknown) => JSON.stringify(value) : scalar;
    return (row: Readonly<Record<string, unknown>>) => copyField(row[key], text);
  });
  return {
    table: `"${getTableConfig(table).name}"`,
    columns: columns.map(([, column]) => `"${column.name}"`),
    line: (row) => {
      // Concatenated in a loop: a bulk load makes a line for each of its rows.
      let line = "";
      for (let i = 0; i < fields.length; i++) line += i === 0 ? fields[i]!(row) : `\t${fields[i]!(row)}`;
      return `${line}\n`;
    },
  };
}

/**
 * One field: `\N` for NULL (so an empty string stays an empty string), and the value's text with
 * the characters COPY reads as structure escaped — the backslash first, then the row and field
 * separators. A text that reads `\N` is written `\\N` and comes back as those two characters.
 */
export function copyField(value: unknown, text: (value: unknown) => string = String): string {
  if (value === null || value === undefined) return "\\N";
  return text(value).replace(SPECIAL, (c) => ESCAPES[c]!);
}

const scalar = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));

const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/**
 * The lines joined into pieces of about `size` characters: one COPY data message each, rather than
 * a socket write per row.
 */
export function* copyChunks(lines: Iterable<string>, size = 1 << 16): Generator<string> {
  let chunk = "";
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= size) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}
