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

export function ndjsonRecord(names: readonly string[], values: readonly (string | number | boolean | null)[]): string {
  return JSON.stringify(Object.fromEntries(names.map((name, i) => [name, values[i]]))) + "\n";
}
