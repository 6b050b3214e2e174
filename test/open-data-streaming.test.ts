import { get } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_PAGE_SIZE } from "../src/open-data/export.js";
import { TestApi } from "./support/api.js";

/** A client that reads a file's first bytes and then stops reading until told to go on. */
function slowDownload(url: string) {
  let resume!: () => void;
  let firstBytes!: () => void;
  const started = new Promise<void>((resolve) => (firstBytes = resolve));
  const finished = new Promise<{ complete: boolean; text: string; status: number }>((resolve, reject) => {
    get(url, (response) => {
      let text = "";
      let paused = false;
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        text += chunk;
        if (paused) return;
        paused = true;
        response.pause();
        resume = () => response.resume();
        firstBytes();
      });
      // A response cut before its final chunk is "aborted", never "end".
      response.on("aborted", () => resolve({ complete: false, text, status: response.statusCode! }));
      response.on("error", () => resolve({ complete: false, text, status: response.statusCode! }));
      response.on("end", () => resolve({ complete: response.complete, text, status: response.statusCode! }));
    }).on("error", reject);
  });
  return { started, finished, resume: () => resume() };
}

describe("bulk files stream", () => {
  let api: TestApi;
  let base: string;
  const log: string[] = [];
  beforeAll(async () => {
    api = await TestApi.start({ exportsMax: 2, log: { write: (line) => log.push(line) } });
    // Enough published comments for several pages of the export.
    await api.database.query(
      `INSERT INTO comments (consultation_id, decision_id, stakeholder_category, text, moderation_state)
       SELECT c.id, c.decision_id, 'INDIVIDUAL', '第' || n || '條生成的意見' || repeat('。', 1000), 'PUBLISHED'
       FROM (SELECT id, decision_id FROM consultations WHERE decision_id NOT IN (SELECT record_id FROM withholdings WHERE field IS NULL) LIMIT 1) c, generate_series(1, ${EXPORT_PAGE_SIZE * 8}) n`,
    );
    base = await api.listen();
  });
  afterAll(() => api.stop());

  // A page is read by a statement of its own (PGlite's keyset pages) or fetched from the file's cursor (PostgreSQL).
  const pagesRead = () => api.database.statements.statements.filter((s) => /^FETCH\b/i.test(s) || /^SELECT\b[^]*from "disclosure"."comments"/i.test(s)).length;

  it("sends the first bytes before it has read the rest of the rows, and reads on only as the client takes them", async () => {
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
    // What a paused client costs: the page sent, one made ahead, and the one the next read is making.
    expect(pagesWhilePaused).toBeLessThanOrEqual(4);
  });

  it("tells a client to come back past the files it sends at once, and sends again once one is over", async () => {
    const [first, second] = [slowDownload(`${base}/open-data/comments.ndjson`), slowDownload(`${base}/open-data/comments.csv`)];
    await Promise.all([first.started, second.started]);
    const refused = await api.get("/open-data/decisions.csv");
    expect(refused.status, refused.body).toBe(503);
    expect(refused.headers["retry-after"]).toBe("30");
    expect(JSON.parse(refused.body).error.code).toBe("EXPORTS_BUSY");
    expect((await api.get("/open-data/changes.ndjson")).status).toBe(503);
    first.resume();
    expect((await first.finished).complete).toBe(true);
    // The slot is freed when the server's side of the response closes, just after the client has it all.
    let status = 503;
    for (let tries = 0; status === 503 && tries < 10_000; tries++) {
      await new Promise((resolve) => setImmediate(resolve));
      status = (await api.get("/open-data/decisions.csv")).status;
    }
    expect(status).toBe(200);
    second.resume();
    expect((await second.finished).complete).toBe(true);
  });

  if (process.env.DATABASE_URL) {
    it("reads a file from one state of the database: what is written while it is sent is not in it", async () => {
        const download = slowDownload(`${base}/open-data/comments.ndjson`);
      await download.started;
      await api.database.query("UPDATE comments SET text = '寫於發送途中' WHERE text LIKE '第%條生成的意見%'");
      download.resume();
      const { complete, text } = await download.finished;
      expect(complete).toBe(true);
      expect(text).not.toContain("寫於發送途中");
      expect(text.split("\n").filter((line) => line.includes("條生成的意見")).length).toBe(EXPORT_PAGE_SIZE * 8);
      await api.database.query("UPDATE comments SET text = '第0條生成的意見' WHERE text = '寫於發送途中'");
    });

    it("ends a file that a failure cuts without its final chunk, and counts and logs the cut without the statement", async () => {
        const download = slowDownload(`${base}/open-data/comments.ndjson`);
      await download.started;
      const [ended] = await api.database.query<{ ended: number }>(
        "SELECT count(pg_terminate_backend(pid))::int AS ended FROM pg_stat_activity WHERE application_name = 'decisions-api-consistent-read' AND state <> 'idle' AND datname = current_database()",
      );
      expect(ended!.ended).toBe(1);
      download.resume();
      const { complete, status, text } = await download.finished;
      expect(status).toBe(200);
      expect(complete).toBe(false);
      expect(text.length).toBeGreaterThan(0);
      const cut = log.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => String(line.msg).startsWith("open-data file cut"));
      expect(cut?.export).toEqual({ file: "comments.ndjson", cause: "CONSISTENT_READ_LOST", filesCut: 1 });
      expect(log.join("\n")).not.toMatch(/select |disclosure"\."comments/i);
    });
  }
});
