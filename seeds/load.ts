import { publicBodies } from "../src/bodies/public-body.table.js";
import { chinaDate } from "../src/compliance/working-days.js";
import { type Database } from "../src/db/database.js";
import { regions } from "../src/regions/region.table.js";
import { generatedDecisions } from "./generated.js";
import { writeHistory } from "./history.js";
import { decisionFile, type References } from "./load-decision.js";
import { onDay } from "./file-step.js";
import { markSample, unmarkSample } from "./sample-mark.js";
import { sampleBodies } from "./sample/bodies.js";
import { sampleDecisions } from "./sample/decisions.js";
import { livingDecisions } from "./sample/living.js";
import { sampleRegions } from "./sample/regions.js";

export const GENERATED_DECISIONS = 150;

export interface SampleOptions {
  /** The day the sample is loaded on (China Standard Time): the decisions in progress and the history are dated from it. */
  today?: string;
}

/** The sample's load day by default: today in China Standard Time, where its decisions are made. */
export const sampleToday = (now = new Date()): string => chinaDate(now);

/**
 * Loads the sample data set (hand-written records, decisions in progress dated from `today`, and
 * generated decisions) in one transaction, each file written step by step as it was recorded.
 */
export async function loadSampleData(database: Database, options: SampleOptions = {}): Promise<{ decisions: number; today: string }> {
  const now = new Date();
  const today = options.today ?? sampleToday(now);
  // On the real day, the history ends now; on another day, at the end of that day's office hours.
  const loadedAt = today === sampleToday(now) ? now : onDay(today, "18:00");
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
    const all = [...sampleDecisions, ...livingDecisions(today), ...generatedDecisions(GENERATED_DECISIONS, sampleRegions, sampleBodies, today)];
    await writeHistory(tx, all.flatMap((decision) => decisionFile(refs, decision, today).steps), loadedAt);
    await markSample(tx, today);
    return { decisions: all.length, today };
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
  // The feed goes with the records it told of; its sequence goes on, so a follower's old cursor reads the new history whole.
  await database.query("TRUNCATE regions, public_bodies, decisions, withholdings, search_documents, change_log CASCADE");
  await unmarkSample(database);
}
