import { type Database } from "../../src/db/database.js";

/** A foreign key or an index as the catalogue defines it: dropped by name, made again from its definition. */
interface SetAside {
  drop: string;
  restore: string;
}

/** A foreign key, which is also checked over the rows written while it was set aside. */
interface SetAsideKey extends SetAside {
  validate: string;
}

/** The memory each index build may sort in (the server's default is 64 MB): the gram indexes of 100,000 decisions take several times that. */
const BUILD_MEMORY = "1GB";

/**
 * Runs a bulk load with the public schema's foreign keys and gram (GIN) indexes set aside, and puts
 * them back from their catalogue definitions afterwards, whether the load succeeded or not: the order
 * of pg_restore, and PostgreSQL's advice for populating a database ("Remove Indexes", "Remove Foreign
 * Key Constraints"). A gram index built once sorts each gram's entries together; filled row by row,
 * it merged its pending list into an ever larger tree (about a third of a load's time), and each
 * foreign key was a look-up per row (comments have three). Putting a key back checks every row at
 * once, so a row without its parent still fails the load. The B-tree indexes stay: the triggers'
 * reads during the load go through them, and ordered ids add to their ends.
 *
 * For a database being loaded, not served: each change takes its table's exclusive lock.
 */
export async function withKeysAndGramIndexesSetAside<T>(database: Database, load: () => Promise<T>): Promise<T> {
  const { foreignKeys, indexes } = await keysAndGramIndexes(database);
  const dropped = { foreignKeys: [] as SetAsideKey[], indexes: [] as SetAside[] };
  try {
    for (const key of foreignKeys) {
      await database.query(key.drop);
      dropped.foreignKeys.push(key);
    }
    for (const index of indexes) {
      await database.query(index.drop);
      dropped.indexes.push(index);
    }
    return await load();
  } finally {
    // Each index built on a connection of its own: two cores build two at once (PGlite takes them in
    // turn). The keys are put back even if a build fails; its error is thrown after.
    const built = await Promise.allSettled(
      dropped.indexes.map(({ restore }) =>
        database.bulkLoad(async (build) => {
          await build.execute(`SET LOCAL maintenance_work_mem = '${BUILD_MEMORY}'`);
          await build.execute(restore);
        }),
      ),
    );
    await restoreKeys(database, dropped.foreignKeys);
    const failed = built.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
  }
}

/**
 * Each key made again before any is checked (NOT VALID, then VALIDATE), so that a row without its
 * parent leaves its key in place, enforced for new rows, and fails the load with the key's error.
 */
async function restoreKeys(database: Database, keys: SetAsideKey[]): Promise<void> {
  for (const { restore } of keys) await database.query(`${restore} NOT VALID`);
  const failures: unknown[] = [];
  for (const { validate } of keys) await database.query(validate).catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw failures[0];
}

async function keysAndGramIndexes(database: Database): Promise<{ foreignKeys: SetAsideKey[]; indexes: SetAside[] }> {
  const foreignKeys = await database.query<{ drop: string; restore: string; validate: string }>(
    `SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname) AS drop,
            format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) AS restore,
            format('ALTER TABLE %s VALIDATE CONSTRAINT %I', c.conrelid::regclass, c.conname) AS validate
     FROM pg_constraint c WHERE c.contype = 'f' AND c.convalidated AND c.connamespace = 'public'::regnamespace ORDER BY c.conrelid::regclass::text, c.conname`,
  );
  const indexes = await database.query<{ drop: string; restore: string }>(
    `SELECT format('DROP INDEX %s', i.indexrelid::regclass) AS drop, pg_get_indexdef(i.indexrelid) AS restore
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
     WHERE c.relnamespace = 'public'::regnamespace AND a.amname = 'gin' AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
     ORDER BY c.relname`,
  );
  return { foreignKeys, indexes };
}
