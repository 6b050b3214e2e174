import { Column, is, SQL, Subquery } from "drizzle-orm";

/** A selected field as drizzle lists it for a prepared statement: where it goes, and its column or expression. */
interface SelectedField {
  path: string[];
  field: unknown;
}

/** The parts of drizzle's prepared query that map its rows (set at `.prepare()`, read at every execution). */
interface PreparedRows {
  fields?: SelectedField[];
  customResultMapper?: (rows: unknown[][]) => unknown;
}

type Decode = (value: unknown) => unknown;
interface Decoder {
  mapFromDriverValue: Decode;
}
/** Drizzle keeps an expression's decoder out of its typings. */
const decoderOfSql = (expression: unknown): Decoder => (expression as { decoder: Decoder }).decoder;

const unchanged = [Column.prototype.mapFromDriverValue, decoderOfSql(new SQL([])).mapFromDriverValue];

/** The driver-to-JavaScript conversion drizzle applies to a field (as its `mapResultRow` finds it), or none where it returns the value as it is. */
function decoderOf(field: unknown): Decode | undefined {
  const decoder: Decoder = is(field, Column)
    ? field
    : is(field, SQL)
      ? decoderOfSql(field)
      : is(field, Subquery)
        ? decoderOfSql(field._.sql)
        : decoderOfSql((field as SQL.Aliased).sql);
  return unchanged.includes(decoder.mapFromDriverValue) ? undefined : decoder.mapFromDriverValue.bind(decoder);
}

/**
 * Maps a flat selection's rows (every field a top-level key) the way drizzle does, with the work per
 * field done once per statement: drizzle's own mapping asks what kind each field is, for every
 * field of every row (a twentieth of a decision page's CPU).
 */
function flatRows(fields: SelectedField[]): (rows: unknown[][]) => Record<string, unknown>[] {
  const keys = fields.map((f) => f.path[0]!);
  const decoders = fields.map((f) => decoderOf(f.field));
  return (rows) =>
    rows.map((row) => {
      const mapped: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i += 1) {
        const value = row[i];
        const decode = decoders[i];
        mapped[keys[i]!] = value === null ? null : decode ? decode(value) : value;
      }
      return mapped;
    });
}

/**
 * A prepared select whose rows are mapped by `flatRows`. A nested selection (a joined table as an
 * object, which drizzle may set to null whole) keeps drizzle's own mapping.
 */
export function withFlatRows<T>(prepared: T): T {
  const query = prepared as PreparedRows;
  if (query.fields && !query.customResultMapper && query.fields.every((f) => f.path.length === 1)) {
    query.customResultMapper = flatRows(query.fields);
  }
  return prepared;
}
