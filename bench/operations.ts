import { type Database } from "../src/db/database.js";
import { toGlobalId } from "../src/graphql/global-id.js";

/**
 * The benchmark's representative operations, as a resident's site, a journalist's script and a
 * bulk downloader send them. Shared by `npm run bench` and the query-plan test, so that the plans
 * the test checks are the plans the benchmark measures.
 */
export interface BenchOperation {
  name: string;
  method: "POST" | "GET";
  path: string;
  body?: { query: string; variables?: Record<string, unknown> };
}

export const LIST_PAGE = `{ decisions(first: 20) { nodes { id title stage catalogYear region { name } decidingBody { name } undertakingBody { name } } pageInfo { endCursor hasNextPage } } }`;

export const DECISION_PAGE = `query($id: ID!) { decision(id: $id) { id title summary stage budgetYuan withheld { field ground }
  basis { nodes { title } } consultations { nodes { method opensOn closesOn comments(first: 20) { nodes { text reply adoptionResult } } } }
  expertReviews { nodes { conclusion } } riskAssessments { nodes { overallLevel findings { dimension level } } } legalityReviews { nodes { result } }
  deliberations { nodes { outcome } } publication { documentNumber fullText } implementationReports { nodes { kind } } postEvaluations { nodes { recommendation } } attachments { nodes { title } } } }`;

/** Picks, from the public projection, a consulted decision and a town to run the operations on. */
export async function benchmarkOperations(database: Database): Promise<BenchOperation[]> {
  const [sample] = await database.query<{ id: string; year: number }>(
    "SELECT d.id, d.catalog_year AS year FROM disclosure.decisions d JOIN disclosure.consultations c ON c.decision_id = d.id ORDER BY d.id LIMIT 1",
  );
  const [town] = await database.query<{ id: string }>("SELECT id FROM disclosure.regions WHERE level = 'TOWN' ORDER BY code DESC LIMIT 1");
  if (!sample || !town) throw new Error("No consulted public decision or town to benchmark: load the data with npm run seed:scale first.");
  const graphql = (name: string, query: string, variables?: Record<string, unknown>): BenchOperation => ({ name, method: "POST", path: "/graphql", body: { query, variables } });
  return [
    graphql("list page", LIST_PAGE),
    graphql("decision page", DECISION_PAGE, { id: toGlobalId("Decision", sample.id) }),
    graphql("search (Chinese)", `{ decisions(first: 20, filter: { search: "农贸市场改造" }) { totalCount nodes { id title stage } } }`),
    graphql("region subtree + year", `query($r: ID!, $y: Int!) { decisions(first: 20, filter: { regionId: $r, catalogYear: $y }) { totalCount nodes { id title stage } } }`, {
      r: toGlobalId("Region", town.id),
      y: sample.year,
    }),
    graphql("statistics", `query($y: Int!) { statistics(filter: { catalogYear: $y }) { decisions byCategory { key count } byStage { key count } } }`, { y: sample.year }),
    graphql("change-feed page", `{ changes(first: 100) { nodes { kind recordId } pageInfo { endCursor } } }`),
    { name: "bulk CSV export", method: "GET", path: "/open-data/comments.csv" },
    { name: "CSV export of a year", method: "GET", path: `/open-data/decisions.csv?catalogYear=${sample.year}` },
    { name: "CSV export of a year's comments", method: "GET", path: `/open-data/comments.csv?catalogYear=${sample.year}` },
    { name: "CSV export of a town's comments", method: "GET", path: `/open-data/comments.csv?regionId=${toGlobalId("Region", town.id)}` },
  ];
}

/** The region with the most regions under it: in generated data, the generated city (the sample's is small beside it). */
export async function largestRegion(database: Database): Promise<string | undefined> {
  const [region] = await database.query<{ id: string }>(
    "SELECT r.id FROM disclosure.regions r WHERE r.parent_id IS NULL ORDER BY (SELECT count(*) FROM disclosure.regions s WHERE s.path LIKE r.path || '%') DESC LIMIT 1",
  );
  return region?.id;
}
