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
