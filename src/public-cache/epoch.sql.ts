import { DISCLOSURE_ROLE, WRITER_ROLE } from "../db/database.js";

/** The channel on which a committed advance of the disclosure epoch is announced, with the new epoch. */
export const EPOCH_CHANNEL = "disclosure_epoch";

/**
 * Tables the writer changes only inside the editorial write path, whose public effect the recorder
 * judges (records/public-changes.ts) besides the decision-file tables it keeps a state of. A write
 * the public cannot see must not advance the epoch: that would tell the public, by a cache emptied,
 * that something withheld changed.
 */
const RECORDED_BESIDES_FILES = ["change_log", "public_revisions", "search_documents"];

/**
 * Tables with no epoch trigger: kept by other tables' triggers in the same transaction, whose own
 * epoch triggers judge the change, and written under the owner's rights, so that a role check here
 * would take a writer's change out of public view for the owner's and advance the epoch.
 */
const DERIVED_BY_TRIGGERS = ["public_search_documents"];

/**
 * The epoch's SQL, part of the projection (rebuilt at every migration run):
 * - `advance_disclosure_epoch()` advances it once per transaction and announces it at commit
 *   (NOTIFY is delivered only when the transaction commits, so no instance hears of an epoch whose
 *   data it cannot read yet on the primary);
 * - every table the disclosure projection reads carries a statement trigger that has it advanced at
 *   commit (a deferred trigger: the epoch's row is then locked only while the transaction commits): always
 *   for tables outside the decision files (regions, bodies, snapshots), for the compliance reports
 *   when a statement wrote a public report's row (staff's sit beside them), and for
 *   the decision files only when the tables' owner writes (bulk loads of sample or generated data),
 *   since the writer's changes there are judged by the recorder, which advances it when the public
 *   sees a change;
 * - `disclosure.disclosure_epoch`, for the public role on a read replica: how far that replica is.
 */
export function epochStatements(): string[] {
  const advance = `CREATE OR REPLACE FUNCTION public.advance_disclosure_epoch() RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
DECLARE
  advanced bigint := nullif(current_setting('disclosure.epoch_advanced', true), '')::bigint;
BEGIN
  IF advanced IS NOT NULL THEN RETURN advanced; END IF;
  UPDATE shared_state.disclosure_epoch SET epoch = epoch + 1, advanced_at = now() RETURNING epoch INTO advanced;
  PERFORM set_config('disclosure.epoch_advanced', advanced::text, true);
  PERFORM pg_notify('${EPOCH_CHANNEL}', advanced::text);
  RETURN advanced;
END
$fn$`;
  // A statement notes its transaction once; the epoch itself advances at commit (the deferred trigger below).
  const onWrite = `CREATE OR REPLACE FUNCTION public.disclosure_epoch_on_write() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_ARGV[0] = 'recorded' AND current_user = '${WRITER_ROLE}' THEN RETURN NULL; END IF;
  PERFORM public.disclosure_epoch_note();
  RETURN NULL;
END
$fn$`;
  // Tables that hold the public's rows beside staff's (the compliance reports, by audience): only a
  // statement that wrote a public row advances the epoch. A refresh that rewrites nothing but a hidden
  // decision's staff report (its reassessment day, set by what is withheld, has come) must not empty
  // the public's caches on that day.
  const onAudienceWrite = `CREATE OR REPLACE FUNCTION public.disclosure_epoch_on_public_rows() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  -- Each branch names only the transition tables its event has (a query is planned when first run).
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF EXISTS (SELECT 1 FROM new_rows WHERE audience::text = 'PUBLIC') THEN PERFORM public.disclosure_epoch_note(); RETURN NULL; END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF EXISTS (SELECT 1 FROM old_rows WHERE audience::text = 'PUBLIC') THEN PERFORM public.disclosure_epoch_note(); END IF;
  END IF;
  RETURN NULL;
END
$fn$`;
  const note = `CREATE OR REPLACE FUNCTION public.disclosure_epoch_note() RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  IF current_setting('disclosure.epoch_pending', true) IS DISTINCT FROM 'on' THEN
    PERFORM set_config('disclosure.epoch_pending', 'on', true);
    PERFORM public.note_disclosure_epoch_pending();
  END IF;
END
$fn$`;
  const notePending = `CREATE OR REPLACE FUNCTION public.note_disclosure_epoch_pending() RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
  INSERT INTO shared_state.disclosure_epoch_pending (transaction_id) VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING
$fn$`;
  const atCommit = `CREATE OR REPLACE FUNCTION public.disclosure_epoch_at_commit() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $fn$
BEGIN
  PERFORM public.advance_disclosure_epoch();
  DELETE FROM shared_state.disclosure_epoch_pending WHERE transaction_id = NEW.transaction_id;
  RETURN NULL;
END
$fn$`;
  // Found from the catalog, not listed: a table a later view reads gets its trigger without anyone remembering to.
  const triggers = `DO $do$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT DISTINCT u.table_name,
      EXISTS (SELECT 1 FROM information_schema.triggers g WHERE g.event_object_schema = 'public' AND g.event_object_table = u.table_name AND g.trigger_name = 'note_public_state_before')
        OR u.table_name IN (${RECORDED_BESIDES_FILES.map((name) => `'${name}'`).join(", ")}) AS recorded,
      EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.table_name = u.table_name AND c.column_name = 'audience') AS by_audience
    FROM information_schema.view_table_usage u
    WHERE u.view_schema = 'disclosure' AND u.table_schema = 'public' AND u.table_name NOT IN (${DERIVED_BY_TRIGGERS.map((name) => `'${name}'`).join(", ")})
  LOOP
    IF t.by_audience THEN
      -- A trigger with transition tables fires on one event; TRUNCATE has none and always advances.
      EXECUTE format('CREATE OR REPLACE TRIGGER disclosure_epoch_on_write AFTER TRUNCATE ON public.%I FOR EACH STATEMENT EXECUTE FUNCTION public.disclosure_epoch_on_write(%L)', t.table_name, 'always');
      EXECUTE format('CREATE OR REPLACE TRIGGER disclosure_epoch_on_insert AFTER INSERT ON public.%I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.disclosure_epoch_on_public_rows()', t.table_name);
      EXECUTE format('CREATE OR REPLACE TRIGGER disclosure_epoch_on_update AFTER UPDATE ON public.%I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.disclosure_epoch_on_public_rows()', t.table_name);
      EXECUTE format('CREATE OR REPLACE TRIGGER disclosure_epoch_on_delete AFTER DELETE ON public.%I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.disclosure_epoch_on_public_rows()', t.table_name);
    ELSE
      EXECUTE format('CREATE OR REPLACE TRIGGER disclosure_epoch_on_write AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.%I FOR EACH STATEMENT EXECUTE FUNCTION public.disclosure_epoch_on_write(%L)',
        t.table_name, CASE WHEN t.recorded THEN 'recorded' ELSE 'always' END);
    END IF;
  END LOOP;
END
$do$`;
  return [
    advance,
    notePending,
    atCommit,
    note,
    onWrite,
    onAudienceWrite,
    "DROP TRIGGER IF EXISTS disclosure_epoch_at_commit ON shared_state.disclosure_epoch_pending",
    `CREATE CONSTRAINT TRIGGER disclosure_epoch_at_commit AFTER INSERT ON shared_state.disclosure_epoch_pending DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION public.disclosure_epoch_at_commit()`,
    triggers,
    "CREATE VIEW disclosure.disclosure_epoch AS SELECT epoch FROM shared_state.disclosure_epoch",
    // A new build of the projection may show the same data otherwise: nothing kept before it is served after.
    "SELECT public.advance_disclosure_epoch()",
    // A view reads its table with its owner's rights; the public role needs the schema only to name it.
    `GRANT SELECT ON disclosure.disclosure_epoch TO ${DISCLOSURE_ROLE}`,
  ];
}
