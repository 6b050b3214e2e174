import { getTableConfig } from "drizzle-orm/pg-core";
import { columnName, fieldWithheld, inForce, recordDisclosures, type RecordDisclosure } from "./record-types.js";

/**
 * The public search documents (public.public_search_documents), kept by the database in the
 * transaction of every write that can change them, whoever writes: the API's writer, a bulk load, a
 * migration. Derived, like the views, from `recordDisclosures`, rebuilt whole with the projection (so
 * a changed rule applies to the documents kept before it), and read by the public only through the
 * view disclosure.search_documents.
 */

/** The conditions on alias `t` for a record to be public at time `at` (projection.sql.ts's `eligibility`). */
export type Eligibility = (record: RecordDisclosure, at: string) => string[];

const tableName = (record: RecordDisclosure) => getTableConfig(record.table).name;
const decisionColumn = (record: RecordDisclosure) => (record.recordType === "decisions" ? "id" : "decision_id");
const searchable = () => recordDisclosures.filter((record) => (record.searchable ?? []).length > 0);

/**
 * Document `s` is public at time `at`: its record is public then (the same conditions as the record's
 * view, asked at `at`) and neither the record nor this field of it is withheld then.
 */
function publicAt(eligibility: Eligibility, at: string): string {
  const branches = searchable().flatMap((record) =>
    record.searchable!.map((field) => {
      const conditions = [
        "t.id = s.record_id",
        `t.${decisionColumn(record)} = s.decision_id`,
        `t."${columnName(record, field)}" IS NOT NULL`,
        ...eligibility(record, at),
      ];
      const withheld = `EXISTS (SELECT 1 FROM public.withholdings x WHERE x.record_type = '${record.recordType}' AND x.record_id = s.record_id AND (x.field IS NULL OR x.field = '${field}') AND ${inForce("x", at)})`;
      return `(s.record_type = '${record.recordType}' AND s.field = '${field}'
    AND EXISTS (SELECT 1 FROM public.${tableName(record)} t WHERE ${conditions.join(" AND ")})
    AND NOT ${withheld})`;
    }),
  );
  return branches.join("\n   OR ");
}

/**
 * The public fields among the search documents `scope` selects (on alias `s`), each with the moment
 * it became public: the earliest of "always" and its decision's release times at which it is public.
 * Visibility only grows with time (a withholding ends at its release), and every withholding over a
 * field belongs to its decision, so one of these moments is exact; a release dated later keeps the
 * field out until then.
 */
function publicSearchFields(eligibility: Eligibility, scope: string): string {
  const candidates = `(SELECT '-infinity'::timestamptz UNION SELECT x.released_at FROM public.withholdings x WHERE x.decision_id = s.decision_id AND x.released_at IS NOT NULL) AS c (moment)`;
  const since = (condition: string) => `(SELECT min(c.moment) FROM ${candidates} WHERE ${condition})`;
  return `SELECT s.id, s.decision_id, s.key, s.grams, p.public_from,
  d.catalog_year, d.catalog_number, d.initiated_on, d.updated_at AS decision_updated_at, d.last_activity_at, d.title, p.title_public_from
FROM public.search_documents s
JOIN public.decisions d ON d.id = s.decision_id
CROSS JOIN LATERAL (
  SELECT ${since(publicAt(eligibility, "c.moment"))} AS public_from, ${since(`NOT ${fieldWithheld("decisions", "d.id", "title", "c.moment")}`)} AS title_public_from
) AS p
WHERE p.public_from IS NOT NULL AND ${scope}`;
}

/** The decision's columns a document carries besides its own: its sort keys and its title. */
const DECISION_COLUMNS = "catalog_year, catalog_number, initiated_on, decision_updated_at, last_activity_at, title, title_public_from";

/** A public search document's columns besides its text: its decision, from when, and the decision's sort keys and title. */
const DOCUMENT_COLUMNS = `decision_id, public_from, ${DECISION_COLUMNS}`;

/**
 * The public search documents of the decisions `scope` selects (on the search documents, alias `s`):
 * one per decision and moment at which a field of it becomes public, holding every field public
 * from that moment on (visibility only grows), its fields' keys one per line and their grams put
 * together, both in the order of the fields' ids (the same fields, the same document). Each is its
 * decision's current document until the next one's moment (`public_until`): the views show that one
 * alone, so a search finds a decision once without sorting its matches to dedupe them. The grams are
 * the stored ones, repeats left in (a GIN index keeps each once): deduplicating them sorted every
 * gram of a batch (160 ms for 1,000 decisions, against 8 ms so), and working them out again from the
 * text cost more. Exported for the tests, which compare the kept documents with it.
 */
export function publicSearchDocuments(eligibility: Eligibility, scope: string): string {
  const decision = DECISION_COLUMNS.split(", ").map((column) => `f.${column}`).join(", ");
  return `WITH f AS MATERIALIZED (${publicSearchFields(eligibility, scope)})
SELECT g.*, coalesce(lead(g.public_from) OVER (PARTITION BY g.decision_id ORDER BY g.public_from), 'infinity') AS public_until
FROM (
  SELECT m.decision_id, m.public_from, ${decision}, string_agg(f.key, E'\\n' ORDER BY f.id) AS key, public.concat_search_grams(f.grams ORDER BY f.id) AS grams
  FROM (SELECT DISTINCT decision_id, public_from FROM f) AS m
  JOIN f ON f.decision_id = m.decision_id AND f.public_from <= m.public_from
  GROUP BY m.decision_id, m.public_from, ${decision}
) AS g`;
}

/** Arrays put end to end (array_cat as an aggregate): the grams of a decision's public fields. */
const CONCAT_GRAMS = `CREATE OR REPLACE AGGREGATE public.concat_search_grams(text[]) (SFUNC = array_cat, STYPE = text[], INITCOND = '{}')`;

const keep = (eligibility: Eligibility, scope: string) =>
  `INSERT INTO public.public_search_documents (${DOCUMENT_COLUMNS}, key, grams, public_until)
${publicSearchDocuments(eligibility, scope)}`;

/** The tables a public search document depends on: its own, its record's, its record's parents', the withholdings. */
function watchedTables(): { table: string; column: string }[] {
  const parents = searchable().flatMap((record) => (record.noticeParent ? [recordDisclosures.find((r) => r.recordType === record.noticeParent!.recordType)!] : []));
  const records = [...new Set([recordDisclosures.find((r) => r.recordType === "decisions")!, ...searchable(), ...parents])];
  return [
    ...records.map((record) => ({ table: tableName(record), column: decisionColumn(record) })),
    { table: "withholdings", column: "decision_id" },
    { table: "search_documents", column: "decision_id" },
  ];
}

/**
 * A statement's rows name the decisions whose public documents it may have changed (before and after,
 * for an update that moves a record): those decisions' documents are worked out again. Per statement,
 * with transition tables, so that a bulk load's batch is one pass and not one per row. As the tables'
 * owner (SECURITY DEFINER): the writer role may read the kept documents, never write them.
 */
function keepingFunction(column: string): string {
  return `CREATE OR REPLACE FUNCTION public.keep_public_search_by_${column}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
DECLARE
  ids uuid[] := '{}';
BEGIN
  IF TG_OP <> 'DELETE' THEN ids := ids || ARRAY(SELECT DISTINCT n.${column} FROM new_rows n); END IF;
  IF TG_OP <> 'INSERT' THEN ids := ids || ARRAY(SELECT DISTINCT o.${column} FROM old_rows o); END IF;
  IF cardinality(ids) > 0 THEN PERFORM public.refresh_public_search(ids); END IF;
  RETURN NULL;
END
$fn$`;
}

/** Decisions beyond which a refresh's statements are planned for the ones it is given. */
const PLANNED_FOR_MANY = 50;

/**
 * A few decisions' documents (a write's) through statements planned once a session: left to choose,
 * PostgreSQL made a custom plan on most calls, and planning took about 3 ms of the 3.7 of a call
 * for one decision (the sample's load calls it 3,664 times). A bulk load's thousand through
 * statements planned for them: the generic plan read them twice as slowly (132 against 66 ms).
 */
function refreshFunction(eligibility: Eligibility): string {
  const remove = (ids: string) => `DELETE FROM public.public_search_documents WHERE decision_id = ANY (${ids})`;
  const insert = (ids: string) => keep(eligibility, `s.decision_id = ANY (${ids})`);
  return `CREATE OR REPLACE FUNCTION public.refresh_public_search(decision_ids uuid[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public SET plan_cache_mode = force_generic_plan AS $fn$
BEGIN
  IF cardinality(decision_ids) > ${PLANNED_FOR_MANY} THEN
    EXECUTE $q$${remove("$1")}$q$ USING decision_ids;
    EXECUTE $q$${insert("$1")}$q$ USING decision_ids;
  ELSE
    ${remove("decision_ids")};
    ${insert("decision_ids")};
  END IF;
END
$fn$`;
}

/** PostgreSQL allows transition tables on a trigger of one event only: three triggers a table. */
function triggers(): string[] {
  const events = [
    { event: "INSERT", name: "insert", referencing: "NEW TABLE AS new_rows" },
    { event: "UPDATE", name: "update", referencing: "OLD TABLE AS old_rows NEW TABLE AS new_rows" },
    { event: "DELETE", name: "delete", referencing: "OLD TABLE AS old_rows" },
  ];
  return watchedTables().flatMap(({ table, column }) =>
    events.map(
      ({ event, name, referencing }) =>
        `CREATE OR REPLACE TRIGGER keep_public_search_${name} AFTER ${event} ON public.${table} REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION public.keep_public_search_by_${column}()`,
    ),
  );
}

/** Document `s` is its decision's current one, read by both views: public from before now, not yet replaced. */
const CURRENT = "s.public_from <= now() AND now() < s.public_until";

/** Statements of the projection build: the view, the keeping functions and triggers, and every document worked out again. */
export function publicSearchStatements(eligibility: Eligibility): string[] {
  const columns = [...new Set(watchedTables().map((watched) => watched.column))];
  return [
    `CREATE VIEW disclosure.search_documents AS
SELECT s.decision_id, s.key, s.grams
FROM public.public_search_documents s
WHERE ${CURRENT}`,
    // A search's matches with their decision's public sort keys, named as the decisions view names them.
    `CREATE VIEW disclosure.search_matches AS
SELECT s.decision_id AS id, s.key, s.grams, s.catalog_year, s.catalog_number, s.initiated_on, s.decision_updated_at AS updated_at, s.last_activity_at,
  CASE WHEN s.title_public_from <= now() THEN s.title END AS title
FROM public.public_search_documents s
WHERE ${CURRENT}`,
    CONCAT_GRAMS,
    refreshFunction(eligibility),
    ...columns.map(keepingFunction),
    ...triggers(),
    "TRUNCATE public.public_search_documents",
    keep(eligibility, "true"),
  ];
}
