import { publicBodies } from "../src/bodies/public-body.table.js";
import { type Database } from "../src/db/database.js";
import { RecordWriter } from "../src/records/record-writer.js";
import { regions } from "../src/regions/region.table.js";
import { generatedDecisions } from "./generated.js";
import { loadDecision, type References } from "./load-decision.js";
import { sampleBodies } from "./sample/bodies.js";
import { sampleDecisions } from "./sample/decisions.js";
import { sampleRegions } from "./sample/regions.js";

export const GENERATED_DECISIONS = 150;

/** Loads the sample data set (hand-written records plus generated decisions) in one transaction. */
export async function loadSampleData(database: Database): Promise<{ decisions: number }> {
  return database.db.transaction(async (tx) => {
    const regionIds = new Map<string, { id: string; path: string; depth: number }>();
    for (const region of sampleRegions) {
      const parent = region.parentCode ? regionIds.get(region.parentCode) : undefined;
      if (region.parentCode && !parent) throw new Error(`region ${region.code}: parent ${region.parentCode} must come first`);
      const path = `${parent?.path ?? "/"}${region.code}/`;
      const depth = parent ? parent.depth + 1 : 0;
      const [row] = await tx.insert(regions).values({ code: region.code, name: region.name, level: region.level, parentId: parent?.id ?? null, path, depth }).returning();
      regionIds.set(region.code, { id: row!.id, path, depth });
    }
    const bodyIds = new Map<string, string>();
    for (const body of sampleBodies) {
      const [row] = await tx.insert(publicBodies).values({ name: body.name, kind: body.kind, regionId: regionIds.get(body.regionCode)!.id }).returning();
      bodyIds.set(body.name, row!.id);
    }
    const refs: References = {
      regionId: (code) => regionIds.get(code)?.id ?? fail(`unknown region code ${code}`),
      bodyId: (name) => bodyIds.get(name) ?? fail(`unknown body ${name}`),
    };
    const writer = new RecordWriter(tx);
    const all = [...sampleDecisions, ...generatedDecisions(GENERATED_DECISIONS, sampleRegions, sampleBodies)];
    for (const decision of all) await loadDecision(writer, refs, decision);
    return { decisions: all.length };
  });
}

function fail(message: string): never {
  throw new Error(message);
}

/** Whether the database holds any data yet (start-up loads the sample only into an empty one). */
export async function isEmpty(database: Database): Promise<boolean> {
  const rows = await database.query<{ empty: boolean }>("SELECT NOT EXISTS (SELECT 1 FROM regions) AS empty");
  return rows[0]!.empty;
}

/** Empties every table of the data model (for `npm run seed`, which reloads). */
export async function clearData(database: Database): Promise<void> {
  await database.query("TRUNCATE regions, public_bodies, decisions, withholdings, search_documents CASCADE");
}
