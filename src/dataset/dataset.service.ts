import { sql } from "drizzle-orm";
import { type Database } from "../db/database.js";
import { rowsOf } from "../db/rows.js";

/** What an instance tells about the data it serves. */
export interface DatasetInfo {
  illustrativeSample: boolean;
  sampleLoadedOn: string | null;
  notice: string | null;
  noticeEnglish: string | null;
}

/** The notice shown wherever the sample is: its places are real, its decisions invented. */
export const sampleNotice = (city: string) => ({
  zh: `示例數據：城市（${city}）及其地區、機關真實，決策事項均為虛構，僅供演示。`,
  en: `Illustrative sample data: the city (${city}), its places and bodies are real; every decision is invented, for demonstration only.`,
});

/** Reads the sample mark from the disclosure projection (the public path has no grant on the table itself). */
export class DatasetService {
  constructor(private readonly database: Database) {}

  async info(): Promise<DatasetInfo> {
    const [mark] = await this.database.readDisclosed((db) => rowsOf<{ loaded_on: string; city: string }>(db, sql`SELECT loaded_on::text, city FROM disclosure.sample_mark LIMIT 1`));
    if (!mark) return { illustrativeSample: false, sampleLoadedOn: null, notice: null, noticeEnglish: null };
    const notice = sampleNotice(mark.city);
    return { illustrativeSample: true, sampleLoadedOn: mark.loaded_on, notice: notice.zh, noticeEnglish: notice.en };
  }
}
