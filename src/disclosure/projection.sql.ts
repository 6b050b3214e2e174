import { getTableColumns } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { publicBodies } from "../bodies/public-body.table.js";
import { complianceViews } from "../compliance/compliance.views.js";
import { snapshotViews } from "../open-data/snapshot.views.js";
import { sampleMark } from "../dataset/sample-mark.table.js";
import { DISCLOSURE_ROLE, WRITER_ROLE } from "../db/database.js";
import { epochStatements } from "../public-cache/epoch.sql.js";
import { regions } from "../regions/region.table.js";
import { BUDGET_PUBLIC_VIEW, TITLE_PUBLIC_VIEW, TITLE_WITHHELD_VIEW } from "./disclosed.tables.js";
import { publicSearchDocuments, publicSearchStatements } from "./public-search.sql.js";
import { confidentialOf, disclosureOf, fieldWithheld, inForce, notWithheldWhole, recordDisclosures, type RecordDisclosure } from "./record-types.js";

/**
 * The disclosure projection (DESIGN §3): one view per record table in schema `disclosure`, in which
 * withheld fields are already NULL and withheld records already absent, plus the notices and the
 * search documents computed on that projection only. It is derived from `recordDisclosures` and
 * rebuilt at every migration run, so it cannot drift from the tables it projects.
 */
export function projectionStatements(): string[] {
  return [
    "DROP SCHEMA IF EXISTS disclosure CASCADE",
    "CREATE SCHEMA disclosure",
    ...referenceViews(),
    ...recordDisclosures.map((record) => recordView(record)),
    ...titleOrderViews(),
    noticesView(),
    ...publicSearchStatements(eligibility),
    revisionsView(),
    changesView(),
    publicStateFunction(),
    ...publicStateTriggers(),
    "DROP SCHEMA IF EXISTS staff CASCADE",
    "CREATE SCHEMA staff",
    staffNoticesView(),
    ...complianceViews(),
    ...snapshotViews(),
    // After every view and the public-state triggers: it finds the tables the views read.
    ...epochStatements(),
    ...withholdableFieldsConstraint(),
    ...grants(),
  ];
}

/** Regions, bodies and the sample mark are public whole, column by column as listed (a new column is not published by default). */
const referencePublished = {
  regions: { table: regions, columns: ["id", "code", "name", "level", "parentId", "path", "depth", "createdAt", "updatedAt"] },
  public_bodies: { table: publicBodies, columns: ["id", "name", "kind", "regionId", "createdAt", "updatedAt"] },
  sample_mark: { table: sampleMark, columns: ["only", "loadedOn", "city", "createdAt"] },
};

function referenceViews(): string[] {
  return Object.entries(referencePublished).map(([name, { table, columns }]) => {
    const all: Record<string, { name: string }> = getTableColumns(table);
    const unlisted = Object.keys(all).filter((key) => !columns.includes(key));
    if (unlisted.length > 0) throw new Error(`${name}: columns ${unlisted.join(", ")} are not listed as published (projection.sql.ts)`);
    return `CREATE VIEW disclosure.${name} AS SELECT ${columns.map((key) => `"${all[key]!.name}"`).join(", ")} FROM public.${name}`;
  });
}

/** The database itself refuses a withholding of a field the projection does not know how to withhold. */
function withholdableFieldsConstraint(): string[] {
  const allowed = recordDisclosures.flatMap((record) => record.withholdable.map((field) => `'${record.recordType}.${field}'`));
  return [
    "ALTER TABLE public.withholdings DROP CONSTRAINT IF EXISTS withholdings_field_withholdable",
    `ALTER TABLE public.withholdings ADD CONSTRAINT withholdings_field_withholdable CHECK (field IS NULL OR (record_type::text || '.' || field) IN (${allowed.join(", ")}))`,
  ];
}

/**
 * The public role reads the projection only; the writer (staff reads and every write) reads and
 * writes the tables, but may only append to the audit trail and the access log and may delete
 * nothing but derived search documents: removing a record is a recorded withdrawal.
 */
function grants(): string[] {
  return [
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${DISCLOSURE_ROLE}, ${WRITER_ROLE}`,
    `GRANT USAGE ON SCHEMA disclosure TO ${DISCLOSURE_ROLE}, ${WRITER_ROLE}`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA disclosure TO ${DISCLOSURE_ROLE}, ${WRITER_ROLE}`,
    `GRANT USAGE ON SCHEMA public, staff TO ${WRITER_ROLE}`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA staff TO ${WRITER_ROLE}`,
    `GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO ${WRITER_ROLE}`,
    `GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${WRITER_ROLE}`,
    `REVOKE UPDATE ON audit_entries, access_log, change_log FROM ${WRITER_ROLE}`,
    `GRANT DELETE ON search_documents, public_state_before TO ${WRITER_ROLE}`,
    // The public search documents are the database's own work (public-search.sql.ts), not the writer's.
    `REVOKE INSERT, UPDATE ON public_search_documents FROM ${WRITER_ROLE}`,
    // PostgreSQL lets every role execute a new function: the public path needs none of them (search
    // grams are stored, a query's are computed in the server), the writer's triggers and columns do.
    `REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public, disclosure FROM PUBLIC`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public, disclosure TO ${WRITER_ROLE}`,
    // Kept compliance reports are derived data, replaced whole when recomputed.
    `GRANT DELETE ON compliance_results, compliance_assessments, compliance_unassessed TO ${WRITER_ROLE}`,
    // Bulk snapshots past the latest few are dropped, and all of them by a new withholding.
    `GRANT DELETE ON open_data_snapshots, open_data_snapshot_chunks TO ${WRITER_ROLE}`,
  ];
}

const tableName = (record: RecordDisclosure) => getTableConfig(record.table).name;

/** The public search documents `scope` selects (alias `s`) as the rules say they are now: the tests compare the kept ones with it. */
export const publicSearchAsRuled = (scope: string) => publicSearchDocuments(eligibility, scope);

/** Conditions on alias `t` for the record to be public at time `at`, apart from its own whole withholding. */
function eligibility(record: RecordDisclosure, at = "now()"): string[] {
  // A withdrawn record (deleting is a recorded withdrawal) is no longer part of the public record.
  const conditions = ["t.withdrawn_at IS NULL"];
  if (record.recordType !== "decisions") conditions.push(notWithheldWhole("decisions", "t.decision_id", at), "NOT EXISTS (SELECT 1 FROM public.decisions wd WHERE wd.id = t.decision_id AND wd.withdrawn_at IS NOT NULL)");
  if (record.eligibility) conditions.push(record.eligibility(at));
  return conditions;
}

/** The conditions of a record's view, on alias `t`: the record is public (its withheld fields aside). */
const publicRecord = (record: RecordDisclosure) => [notWithheldWhole(record.recordType, "t.id"), ...eligibility(record)];

/** `FROM … WHERE …` of a record's public rows, alias `t`: its view's rows, without the view's columns. */
const publicRows = (record: RecordDisclosure) => `public.${tableName(record)} t WHERE ${publicRecord(record).join(" AND ")}`;

/** Every column must be published, withholdable or confidential, and only one of them. */
export function assertClassified(record: RecordDisclosure): void {
  const lists = [record.published, record.withholdable, confidentialOf(record)];
  const wrong = Object.keys(getTableColumns(record.table)).filter((key) => lists.filter((list) => list.includes(key)).length !== 1);
  if (wrong.length > 0) {
    throw new Error(`${record.typeName}: columns ${wrong.join(", ")} must be classified once as published, withholdable or confidential (src/disclosure/record-types.ts)`);
  }
}

/** The rows of a record's view where one withholdable field is public, or where it is withheld. */
interface FieldSplit {
  field: string;
  withheld: boolean;
  view: string;
}

function recordView(record: RecordDisclosure, split?: FieldSplit): string {
  assertClassified(record);
  // Where the field is known to be public, its column is the table's own, which an index can order.
  const knownPublic = (key: string) => split !== undefined && !split.withheld && split.field === key;
  const columns = Object.entries(getTableColumns(record.table))
    .filter(([key]) => !confidentialOf(record).includes(key))
    .map(([key, column]) =>
      record.withholdable.includes(key) && !knownPublic(key)
        ? `CASE WHEN w.fields @> ARRAY['${key}'] THEN NULL ELSE t."${column.name}" END AS "${column.name}"`
        : `t."${column.name}"`,
    );
  const conditions = publicRecord(record);
  if (split) conditions.push(`${split.withheld ? "" : "NOT "}${fieldWithheld(record.recordType, "t.id", split.field)}`);
  return `CREATE VIEW disclosure.${split?.view ?? tableName(record)} AS
SELECT ${columns.join(",\n  ")}
FROM public.${tableName(record)} AS t
LEFT JOIN LATERAL (
  SELECT array_agg(x.field) AS fields FROM public.withholdings x
  WHERE x.record_type = '${record.recordType}' AND x.record_id = t.id AND x.field IS NOT NULL AND ${inForce("x")}
) AS w ON true
WHERE ${conditions.join("\n  AND ")}`;
}

/**
 * The decisions view in two parts, for the order by title: the decisions whose title is public, whose
 * title column is the table's own (so that `decisions_title_order_idx` gives the order), and the few
 * whose title is withheld (which sort as the empty string). A page by title merges the two; ordering
 * the whole view's title, a CASE over each decision's withholdings, sorted every decision (~210 ms a
 * page at 100,000).
 */
function titleOrderViews(): string[] {
  const decisions = recordDisclosures.find((record) => record.recordType === "decisions")!;
  return [
    recordView(decisions, { field: "title", withheld: false, view: TITLE_PUBLIC_VIEW }),
    recordView(decisions, { field: "title", withheld: true, view: TITLE_WITHHELD_VIEW }),
    // The decisions whose budget is public, its column the table's own: a budget range reads its index.
    recordView(decisions, { field: "budgetYuan", withheld: false, view: BUDGET_PUBLIC_VIEW }),
  ];
}

const noticeColumns = `w.ground, w.article, w.explanation, w.withheld_since, w.review_due, w.decided_by_body_id, w.decision_id, w.created_at, w.updated_at`;

/** Where a record withheld whole is noticed: its parent record, the column pointing at it and the parent's field listing it. */
const noticeParentOf = (record: RecordDisclosure) => record.noticeParent ?? { recordType: "decisions", column: "decision_id", field: record.decisionField };

/**
 * A field withheld from a public record is noticed on that record; a record withheld whole is noticed
 * on its parent (the field that would have listed it), without its id, and only where the record
 * would otherwise have been public. Each record's check is its view's conditions, on its table.
 */
function noticesView(): string {
  return `CREATE VIEW disclosure.withholding_notices AS\n${[fieldNotices(), ...recordDisclosures.flatMap(wholeNotices)].join("\nUNION ALL\n")}`;
}

/**
 * The fields withheld from public records, in one read of the withholdings, each checked by its kind
 * of record: as a branch per kind (16), a year's file looked its 14,000 decisions' withholdings up
 * once per branch, and every download planned them all. The record is looked up by its key: OFFSET 0
 * keeps the check a look-up, which PostgreSQL would otherwise weigh against hashing the whole table.
 */
function fieldNotices(): string {
  const noticed = recordDisclosures.map(
    (record) => `WHEN '${record.recordType}' THEN EXISTS (SELECT 1 FROM ${publicRows(record)} AND t.id = w.record_id OFFSET 0)`,
  );
  return `SELECT w.id, w.record_type::text AS subject_type, w.record_id AS subject_id, w.field, NULL::text AS withheld_record_type, ${noticeColumns}
FROM public.withholdings w
WHERE w.field IS NOT NULL AND ${inForce("w")}
  AND CASE w.record_type::text\n    ${noticed.join("\n    ")}\n    ELSE false END`;
}

/**
 * The records of a kind withheld whole, noticed on their parent (a decision withheld whole has none:
 * it is absent). A branch per kind, so that a parent's notices are found from it, by its children.
 */
function wholeNotices(record: RecordDisclosure): string[] {
  if (record.recordType === "decisions") return [];
  const parent = noticeParentOf(record);
  // The parent's public rows, in a scope of their own (alias t there is the parent).
  const parentPublic = `t.${parent.column} IN (SELECT t.id FROM ${publicRows(disclosureOf(parent.recordType))})`;
  return [
    `SELECT w.id, '${parent.recordType}' AS subject_type, t.${parent.column} AS subject_id, '${parent.field}' AS field, w.record_type::text AS withheld_record_type, ${noticeColumns}
FROM public.withholdings w JOIN public.${tableName(record)} t ON t.id = w.record_id
WHERE w.record_type = '${record.recordType}' AND w.field IS NULL AND ${inForce("w")}
  AND ${[...eligibility(record), parentPublic].join("\n  AND ")}`,
  ];
}

/** For staff, every withholding in force is noticed on the record it covers, whole or one field. */
function staffNoticesView(): string {
  const listField = recordDisclosures
    .map((record) => `WHEN '${record.recordType}' THEN '${noticeParentOf(record).field ?? "decisions"}'`)
    .join(" ");
  return `CREATE VIEW staff.withholding_notices AS
SELECT w.id, w.record_type::text AS subject_type, w.record_id AS subject_id,
  coalesce(w.field, CASE w.record_type::text ${listField} END) AS field,
  CASE WHEN w.field IS NULL THEN w.record_type::text END AS withheld_record_type, ${noticeColumns}
FROM public.withholdings w
WHERE ${inForce("w")}`;
}

/** The revision history as the public-change recorder wrote it, while the decision is public. */
function revisionsView(): string {
  return `CREATE VIEW disclosure.decision_revisions AS
SELECT r.id, r.decision_id, r.field, r.changed_at, r.old_value, r.new_value
FROM public.public_revisions r
WHERE EXISTS (SELECT 1 FROM disclosure.decisions d WHERE d.id = r.decision_id)`;
}

/** The change feed as the public may see it: decided when each change was written, never rewritten. */
function changesView(): string {
  return `CREATE VIEW disclosure.changes AS
SELECT e.public_seq AS id, e.occurred_at, e.decision_id, e.public_record_type AS record_type, e.public_record_id AS record_id, e.public_kind::text AS kind
FROM public.change_log e
WHERE e.public_seq IS NOT NULL`;
}

const decisionColumn = (record: RecordDisclosure) => (record.recordType === "decisions" ? "id" : "decision_id");

/**
 * Everything the public sees of one decision's file, a row per public record: a digest of its
 * projected row (its public updatedAt and last activity left out: the recorder moves them), its notices as
 * "id:field:withheld kind" and, for the decision itself, the projected row whole (for its revisions).
 * The public-change recorder compares it before and after a write; it reads the projection only.
 */
function publicStateFunction(): string {
  const parts = recordDisclosures.map(
    (record) => `SELECT '${record.recordType}'::text, v.id, md5((to_jsonb(v) - 'updated_at' - 'last_activity_at')::text), n.notices, ${record.recordType === "decisions" ? "to_jsonb(v)::text" : "NULL::text"}
  FROM disclosure.${tableName(record)} v LEFT JOIN n ON n.subject_id = v.id WHERE v.${decisionColumn(record)} = $1`,
  );
  // PL/pgSQL, not SQL: a SQL function returning a table is planned again at every call (tens of
  // milliseconds over these views, twice for every write), where PL/pgSQL keeps its plan for the
  // session. Its generic plan from the first call: a custom plan for one decision cost about 70 ms
  // to make, the first five calls of every session.
  return `CREATE FUNCTION disclosure.public_state(d uuid)
RETURNS TABLE (record_type text, record_id uuid, digest text, notices text, state text)
LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
BEGIN
RETURN QUERY
WITH n AS (
  SELECT w.subject_id, string_agg(w.id::text || ':' || coalesce(w.field, '') || ':' || coalesce(w.withheld_record_type, ''), ',' ORDER BY w.id) AS notices
  FROM disclosure.withholding_notices w WHERE w.decision_id = $1 GROUP BY w.subject_id
)
${parts.join("\nUNION ALL\n")};
END
$$`;
}

/**
 * Before the writer's first change to a decision's file in a transaction, what the public saw of the
 * file is kept in public_state_before (see its table); the writer cannot move a public updatedAt
 * itself (only the recorder, under disclosure.touching); and a commit that leaves a kept state
 * unrecorded is refused. Writes by the tables' owner (migrations, bulk loads of sample or generated
 * data) are not public changes: the feed begins after them.
 */
function publicStateTriggers(): string[] {
  const noteState = `CREATE OR REPLACE FUNCTION public.note_public_state_before() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  old_row jsonb;
  new_row jsonb;
  d uuid;
BEGIN
  -- A decision's last activity starts at its creation (a bulk load's updatedAt); only the recorder moves it.
  IF TG_OP = 'INSERT' AND TG_TABLE_NAME = 'decisions' THEN NEW.last_activity_at := NEW.updated_at; END IF;
  -- The role is checked before any row is turned into JSON: an owner's bulk load (seed:scale's COPY)
  -- passes through here once per row and has no state to keep.
  IF current_user <> '${WRITER_ROLE}' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  old_row := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD) END;
  new_row := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END;
  d := (coalesce(new_row, old_row) ->> TG_ARGV[0])::uuid;
  IF NOT EXISTS (SELECT 1 FROM public.public_state_before p WHERE p.decision_id = d AND p.record_type = '*') THEN
    INSERT INTO public.public_state_before (decision_id, record_type, record_id) VALUES (d, '*', d);
    INSERT INTO public.public_state_before (decision_id, record_type, record_id, digest, notices, state)
      SELECT d, s.record_type, s.record_id, s.digest, s.notices, s.state FROM disclosure.public_state(d) s;
  END IF;
  IF TG_TABLE_NAME = 'withholdings' THEN
    IF old_row ->> 'released_at' IS NULL AND new_row ->> 'released_at' IS NOT NULL THEN
      INSERT INTO public.public_state_before (decision_id, record_type, record_id) VALUES (d, '!released', (new_row ->> 'record_id')::uuid);
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' AND TG_TABLE_NAME = 'decisions' THEN
    INSERT INTO public.public_state_before (decision_id, record_type, record_id) VALUES (d, '!created', d);
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF old_row ->> 'withdrawn_at' IS NULL AND new_row ->> 'withdrawn_at' IS NOT NULL THEN
      INSERT INTO public.public_state_before (decision_id, record_type, record_id) VALUES (d, '!withdrawn', (new_row ->> 'id')::uuid);
    END IF;
    IF current_setting('disclosure.touching', true) IS DISTINCT FROM 'on' THEN
      NEW.updated_at := OLD.updated_at;
      IF TG_TABLE_NAME = 'decisions' THEN NEW.last_activity_at := OLD.last_activity_at; END IF;
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$fn$`;
  const checkRecorded = `CREATE OR REPLACE FUNCTION public.public_changes_recorded() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM public.public_state_before p WHERE p.decision_id = NEW.decision_id) THEN
    RAISE EXCEPTION 'a write changed a decision''s file without recording what the public sees change' USING ERRCODE = 'P0001';
  END IF;
  RETURN NULL;
END
$fn$`;
  const triggers = [...recordDisclosures.map((record) => ({ table: tableName(record), column: decisionColumn(record) })), { table: "withholdings", column: "decision_id" }].map(
    ({ table, column }) =>
      `CREATE OR REPLACE TRIGGER note_public_state_before BEFORE INSERT OR UPDATE OR DELETE ON public.${table} FOR EACH ROW EXECUTE FUNCTION public.note_public_state_before('${column}')`,
  );
  return [
    noteState,
    checkRecorded,
    ...triggers,
    "DROP TRIGGER IF EXISTS public_changes_recorded ON public.public_state_before",
    `CREATE CONSTRAINT TRIGGER public_changes_recorded AFTER INSERT ON public.public_state_before DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW.record_type = '*') EXECUTE FUNCTION public.public_changes_recorded()`,
  ];
}
