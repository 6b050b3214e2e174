import { getTableConfig } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordDisclosures } from "../src/disclosure/record-types.js";
import { TestApi, type GraphQLResponse } from "./support/api.js";
import { CANARY, loadCanaryFiles } from "./support/canary-file.js";

const STATISTICS = /* GraphQL */ `
  query($f: DecisionFilter) {
    statistics(filter: $f) {
      decisions byYear { key count } byRegion { key label count } byDecidingBody { key label count } byCategory { key count } byStage { key count } byStatus { key count }
      comments commentsByStakeholderCategory { key count } commentsByAdoptionResult { key count } adoptionRate
      commentPeriodDays { count min median mean } steps { step decisions share }
    }
  }
`;

describe("statistics, computed on the disclosure projection only", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it("agree with the graph's own lists for the same filter", async () => {
    for (const filter of [null, { catalogYear: 2024 }, { category: ["PUBLIC_CONSTRUCTION"] }]) {
      const { statistics } = await api.data(STATISTICS, { f: filter });
      const { decisions } = await api.data(
        `query($f: DecisionFilter) { decisions(filter: $f, first: 100) { totalCount nodes { id catalogYear category stage status publication { id } consultations { nodes { comments { totalCount } } } } } }`,
        { f: filter },
      );
      expect(statistics.decisions).toBe(decisions.totalCount);
      if (decisions.totalCount <= 100) {
        // Each count of the year, category, stage and status, value by value, as the list has them.
        for (const [breakdown, field] of [["byYear", "catalogYear"], ["byCategory", "category"], ["byStage", "stage"], ["byStatus", "status"]] as const) {
          const listed = new Map<string, number>();
          for (const node of decisions.nodes) listed.set(String(node[field]), (listed.get(String(node[field])) ?? 0) + 1);
          const counted = new Map(statistics[breakdown].map((c: { key: string; count: number }) => [c.key, c.count]));
          expect(counted, `${breakdown} ${JSON.stringify(filter)}`).toEqual(listed);
        }
        expect(statistics.byYear.map((c: { key: string }) => c.key)).toEqual([...statistics.byYear.map((c: { key: string }) => c.key)].sort());
      }
      for (const breakdown of ["byYear", "byRegion", "byDecidingBody", "byCategory", "byStage", "byStatus"]) {
        expect(statistics[breakdown].reduce((sum: number, c: { count: number }) => sum + c.count, 0), breakdown).toBe(decisions.totalCount);
      }
      if (decisions.totalCount <= 100) {
        const comments = decisions.nodes.flatMap((d: any) => d.consultations.nodes).reduce((sum: number, c: any) => sum + c.comments.totalCount, 0);
        expect(statistics.comments).toBe(comments);
        const published = decisions.nodes.filter((d: any) => d.publication).length;
        expect(statistics.steps.find((s: { step: string }) => s.step === "PUBLICATION").decisions).toBe(published);
      }
    }
    const { statistics } = await api.data(STATISTICS, { f: null });
    expect(statistics.commentPeriodDays.count).toBeGreaterThan(0);
    expect(statistics.commentPeriodDays.min).toBeLessThanOrEqual(statistics.commentPeriodDays.median);
    expect(statistics.adoptionRate).toBeGreaterThan(0);
    expect(statistics.adoptionRate).toBeLessThanOrEqual(1);
  });

  it("compute the parts asked for, however they are asked (directly, in fragments, under aliases), and send no statement for the rest", async () => {
    const { statistics: all } = await api.data(STATISTICS, { f: { catalogYear: 2024 } });
    api.database.statements.reset();
    const { statistics: some } = await api.data(
      `query($f: DecisionFilter) { statistics(filter: $f) { decisions ...Shares ... on Statistics { n: comments } } } fragment Shares on Statistics { steps { step decisions share } }`,
      { f: { catalogYear: 2024 } },
    );
    expect(some).toEqual({ decisions: all.decisions, n: all.comments, steps: all.steps });
    const asked = api.database.statements.statements.join("\n");
    // Statistics by body, region, category, stage, status and adoption were not asked for.
    expect(asked).not.toMatch(/deciding_body_id|"region_id"|"category"|"adoption_result"/);
    const { statistics: one } = await api.data(`{ statistics { byStage { key count } } }`);
    expect(one.byStage.reduce((sum: number, c: { count: number }) => sum + c.count, 0)).toBe((await api.data(STATISTICS, { f: null })).statistics.decisions);
  });

  it("reveal nothing withheld: the same numbers once what is withheld whole is gone, and no canary", async () => {
    const ids = await loadCanaryFiles(api.database);
    const responses: GraphQLResponse[] = [];
    const observe = async () => {
      const results = [];
      for (const filter of [null, { catalogYear: 2024 }, { stage: ["POST_EVALUATION"] }]) {
        const response = await api.anonymous(STATISTICS, { f: filter });
        responses.push(response);
        results.push(response.data);
      }
      return results;
    };
    const before = await observe();
    for (const record of recordDisclosures.filter((r) => r.recordType !== "decisions")) {
      await api.database.query(`DELETE FROM ${getTableConfig(record.table).name} WHERE decision_id = $1`, [ids.parts]);
    }
    await api.database.query("DELETE FROM decisions WHERE id = $1", [ids.whole]);
    await api.database.query("DELETE FROM comments WHERE moderation_state <> 'PUBLISHED'");
    expect(await observe()).toEqual(before);
    for (const response of responses) expect(response.raw).not.toContain(CANARY);
  });
});
