import { expect } from "vitest";
import { arrayLiteral } from "../../src/db/array-literal.js";
import { type Database } from "../../src/db/database.js";
import { publicSearchAsRuled } from "../../src/disclosure/projection.sql.js";

const COLUMNS = "decision_id, public_from, public_until, key, grams, catalog_year, catalog_number, initiated_on, decision_updated_at, last_activity_at, title, title_public_from";

/**
 * The public search documents the triggers kept are those the rules give now, row for row: a write
 * whose change the triggers missed (or handled wrongly) leaves a difference here, whether or not a
 * search would have stumbled on it. All of them, or those of the given decisions.
 */
export async function expectPublicSearchKept(database: Database, decisionIds?: string[], label = "public search documents"): Promise<void> {
  const scope = decisionIds ? `s.decision_id = ANY ($1::uuid[])` : "true";
  const kept = `SELECT ${COLUMNS} FROM public.public_search_documents s WHERE ${scope}`;
  const ruled = `SELECT ${COLUMNS} FROM (${publicSearchAsRuled(scope)}) AS r`;
  const differences = await database.query<{ side: string; decision_id: string; public_from: Date; key: string }>(
    `(SELECT 'kept, not ruled' AS side, * FROM (${kept} EXCEPT ${ruled}) AS a) UNION ALL (SELECT 'ruled, not kept' AS side, * FROM (${ruled} EXCEPT ${kept}) AS b)`,
    decisionIds ? [arrayLiteral(decisionIds)] : [],
  );
  expect(differences.map((row) => `${row.side}: ${row.decision_id} from ${String(row.public_from)} ${row.key.slice(0, 40)}`), label).toEqual([]);
}
