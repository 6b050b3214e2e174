import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDecision } from "../seeds/load-decision.js";
import { RecordWriter } from "../src/records/record-writer.js";
import { TestApi } from "./support/api.js";
import { decisionWithWithheldFields } from "./support/canary-file.js";

const EVERY_RELATION = /* GraphQL */ `
  query EveryRelation($first: Int!) {
    decisions(first: $first, filter: { catalogYear: 2030 }) {
      totalCount
      nodes {
        id title
        region { name parent { name } children { name } }
        decidingBody { name region { name } }
        undertakingBody { name }
        withheld { field ground decidedBy { name } }
        basis { totalCount nodes { title withheld { field } decision { id } } }
        consultations { totalCount nodes { summary withheld { field } comments { totalCount nodes { text withheld { field } } } } }
        expertReviews { totalCount nodes { conclusion withheld { field } } }
        riskAssessments { totalCount nodes { conclusion withheld { field } findings { dimension withheld { field } } } }
        legalityReviews { totalCount nodes { result reviewingBody { name } withheld { field } } }
        deliberations { totalCount nodes { outcome withheld { field } } }
        publication { documentNumber withheld { field } }
        implementationReports { totalCount nodes { content withheld { field } } }
        postEvaluations { totalCount nodes { findings withheld { field } } }
        attachments { totalCount nodes { title withheld { field } } }
        compliance { state results { rule { id } status evidence { recordId value } withheld { ground } } }
      }
    }
  }
`;

describe("batched loading", () => {
  let api: TestApi;
  beforeAll(async () => {
    // Every relation of 100 decisions at once is past the default query cost; the point here is the statements.
    api = await TestApi.start({ limits: { maxCost: 2_000_000 } });
    // 100 decisions that each have every part, so that 5 of them need every kind of read that 100 do.
    const [ref] = await api.database.query<{ region: string; body: string; reviewer: string }>(
      "SELECT (SELECT id FROM regions LIMIT 1) AS region, (SELECT id FROM public_bodies WHERE name = '孔城鎮人民政府') AS body, (SELECT id FROM public_bodies LIMIT 1) AS reviewer",
    );
    await api.database.db.transaction(async (tx) => {
      const writer = new RecordWriter(tx);
      for (let n = 1; n <= 100; n++) {
        await loadDecision(writer, { regionId: () => ref!.region, bodyId: () => ref!.body }, { ...decisionWithWithheldFields(), catalogYear: 2030, catalogNumber: n });
      }
    });
  });
  afterAll(() => api.stop());

  const statementsFor = async (first: number) => {
    await api.data(EVERY_RELATION, { first }); // warm: the schema and first-use costs are not the point
    api.database.statements.reset();
    const data = await api.data(EVERY_RELATION, { first });
    return { count: api.database.statements.count, nodes: data.decisions.nodes.length };
  };

  it("sends the same number of SQL statements for 5 decisions as for 100, every relation selected", async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(100);
    expect(small.nodes).toBe(5);
    expect(large.nodes).toBe(100);
    expect(large.count).toBe(small.count);
    // One statement per kind of read (PGlite adds a SET LOCAL ROLE before each): a fixed cost, not one per row.
    // The compliance report reads each kind of record of the file once more, for all the decisions at once.
    const reads = api.database.statements.statements.filter((s) => !s.startsWith("SET LOCAL ROLE"));
    expect(reads.length).toBeLessThanOrEqual(32 + 9);
  });
});
