import { type AppDb, type Database } from "../src/db/database.js";
import { sampleMark } from "../src/dataset/sample-mark.table.js";
import { SAMPLE_CITY } from "./sample/names.js";

/** Records that this instance now serves the illustrative sample, loaded on `today`. */
export async function markSample(tx: AppDb, today: string): Promise<void> {
  await tx.insert(sampleMark).values({ loadedOn: today, city: SAMPLE_CITY }).onConflictDoUpdate({ target: sampleMark.only, set: { loadedOn: today, city: SAMPLE_CITY } });
}

/** The data was emptied: nothing left to mark as a sample. */
export async function unmarkSample(database: Database): Promise<void> {
  await database.db.delete(sampleMark);
}

/** Whether the data in the database is the sample (marked when loaded), not records of a real instance. */
export async function isSample(database: Database): Promise<boolean> {
  return (await database.db.select({ only: sampleMark.only }).from(sampleMark)).length > 0;
}
