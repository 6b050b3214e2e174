/** One CSV record per RFC 4180: fields with a comma, quote or line break quoted, quotes doubled, CRLF. */
export function csvRecord(values: readonly (string | number | boolean | null)[]): string {
  return (
    values
      .map((value) => {
        if (value === null) return "";
        const text = String(value);
        return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
      })
      .join(",") + "\r\n"
  );
}

/** The byte-order mark a spreadsheet needs to read a CSV file as UTF-8 (Excel on Chinese Windows reads GBK otherwise). */
export const UTF8_BOM = "\uFEFF";

/**
 * One NDJSON record. A list column arrives as its values joined with ";" (as CSV holds it, the
 * values being enum names) and is written as a JSON array.
 */
export function ndjsonRecord(names: readonly string[], values: readonly (string | number | boolean | null)[], lists: readonly boolean[] = []): string {
  return JSON.stringify(Object.fromEntries(names.map((name, i) => [name, lists[i] && typeof values[i] === "string" ? listOf(values[i]) : values[i]]))) + "\n";
}

const listOf = (joined: string): string[] => (joined === "" ? [] : joined.split(";"));
