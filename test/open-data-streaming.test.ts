import { get } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_PAGE_SIZE } from "../src/open-data/export.js";
import { TestApi } from "./support/api.js";

describe("bulk files stream", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
    // Enough published comments for several pages of the export.
    await api.database.query(
      `INSERT INTO comments (consultation_id, decision_id, stakeholder_category, text, moderation_state)
       SELECT c.id, c.decision_id, 'INDIVIDUAL', '第' || n || '條生成的意見' || repeat('。', 1000), 'PUBLISHED'
       FROM (SELECT id, decision_id FROM consultations WHERE decision_id NOT IN (SELECT record_id FROM withholdings WHERE field IS NULL) LIMIT 1) c, generate_series(1, ${EXPORT_PAGE_SIZE * 8}) n`,
    );
  });
  afterAll(() => api.stop());

  const pagesRead = () => api.database.statements.statements.filter((s) => /from "disclosure"."comments"/i.test(s)).length;

  it("sends the first bytes before it has read the rest of the rows, and reads on only as the client takes them", async () => {
    const base = await api.listen();
    api.database.statements.reset();
    const { pagesWhilePaused, lines } = await new Promise<{ pagesWhilePaused: number; lines: number }>((resolve, reject) => {
      get(`${base}/open-data/comments.ndjson`, (response) => {
        let pagesWhilePaused = -1;
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
          if (pagesWhilePaused >= 0) return;
          // A slow client: stop reading after the first bytes; the server must stop reading too.
          response.pause();
          setTimeout(() => {
            pagesWhilePaused = pagesRead();
            response.resume();
          }, 500);
        });
        response.on("end", () => resolve({ pagesWhilePaused, lines: text.split("\n").filter(Boolean).length }));
        response.on("error", reject);
      }).on("error", reject);
    });
    const pages = pagesRead();
    expect(lines).toBeGreaterThan(EXPORT_PAGE_SIZE * 8);
    expect(pages).toBeGreaterThanOrEqual(9);
    expect(pagesWhilePaused).toBeGreaterThan(0);
    expect(pagesWhilePaused).toBeLessThan(pages);
  });
});
