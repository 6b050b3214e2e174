/**
 * Values as a PostgreSQL array literal (`{"a","b",NULL}`), every element quoted: one text parameter
 * that any driver passes alike and PostgreSQL casts to the array type it needs. Dates go as ISO 8601;
 * a list inside becomes its own literal (for list-valued columns, cast back element by element).
 */
export function arrayLiteral(values: readonly unknown[]): string {
  return `{${values.map(element).join(",")}}`;
}

function element(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  const text = value instanceof Date ? value.toISOString() : Array.isArray(value) ? arrayLiteral(value) : String(value);
  return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}
