import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/global-id.js";
import { TestApi, type GraphQLResponse } from "./support/api.js";

/** No response may carry a stack, SQL, or the server's insides. */
function expectClean(response: GraphQLResponse) {
  expect(response.status).toBeLessThan(500);
  expect(response.raw).not.toMatch(/stacktrace|\bat .+\.(ts|js):\d+|select |from "|disclosure\.|postgres|drizzle|Failed query/i);
}

function expectUserError(response: GraphQLResponse, argument?: string) {
  expectClean(response);
  expect(response.errors?.[0]?.extensions?.code, response.raw).toBe("BAD_USER_INPUT");
  if (argument) expect(response.errors?.[0]?.extensions?.argument).toBe(argument);
  expect(response.errors?.[0]?.message.length).toBeGreaterThan(10);
}

describe("bad input gets a clear error, never a stack trace, SQL or a 500", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it("rejects ids that are not ids, and ids of the wrong type where one type is expected", async () => {
    expectUserError(await api.anonymous(`{ node(id: "not-an-id") { id } }`), "id");
    expectUserError(await api.anonymous(`{ decision(id: "${toGlobalId("Decision", "not-a-uuid")}") { id } }`), "id");
    expectUserError(await api.anonymous(`{ decision(id: "${toGlobalId("Region", "6b1f6f0e-8f9e-4a7e-9c1e-2b3c4d5e6f70")}") { id } }`), "id");
    expectUserError(await api.anonymous(`{ decisions(filter: { regionId: "${toGlobalId("PublicBody", "6b1f6f0e-8f9e-4a7e-9c1e-2b3c4d5e6f70")}" }) { totalCount } }`), "filter.regionId");
    expectUserError(await api.anonymous(`{ nodes(ids: ["x"]) { id } }`), "ids[0]");
  });

  it("answers a well-formed id of nothing with null, not an error", async () => {
    const response = await api.anonymous(`{ node(id: "${toGlobalId("Decision", "6b1f6f0e-8f9e-4a7e-9c1e-2b3c4d5e6f70")}") { id } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ node: null });
  });

  it("rejects cursors that were not issued for this list and ordering", async () => {
    expectUserError(await api.anonymous(`{ decisions(after: "garbage") { totalCount } }`), "after");
    const { decisions } = await api.data(`{ decisions(first: 1, orderBy: { field: TITLE, direction: ASC }) { pageInfo { endCursor } } }`);
    expectUserError(await api.anonymous(`query($c: String) { decisions(after: $c) { totalCount } }`, { c: decisions.pageInfo.endCursor }), "after");
    const forged = Buffer.from(JSON.stringify(["decisions:CATALOG:DESC", "2024'; drop table decisions; --", 1, "x"])).toString("base64url");
    expectUserError(await api.anonymous(`query($c: String) { decisions(after: $c) { totalCount } }`, { c: forged }), "after");
    expectUserError(await api.anonymous(`{ decisions { nodes { basis(after: "nope") { totalCount } } } }`), "after");
    const cursor = (...values: unknown[]) => Buffer.from(JSON.stringify(values)).toString("base64url");
    const uuid = "6b1f6f0e-8f9e-4a7e-9c1e-2b3c4d5e6f70";
    for (const [orderBy, after] of [
      ["{ field: CATALOG, direction: DESC }", cursor("decisions:CATALOG:DESC", 1099511627776, 1, uuid)],
      ["{ field: INITIATED_ON, direction: ASC }", cursor("decisions:INITIATED_ON:ASC", "2024-02-30", uuid)],
      ["{ field: INITIATED_ON, direction: ASC }", cursor("decisions:INITIATED_ON:ASC", "0000-01-01", uuid)],
      ["{ field: UPDATED_AT, direction: ASC }", cursor("decisions:UPDATED_AT:ASC", "2024-02-30T00:00:00.000Z", uuid)],
      ["{ field: TITLE, direction: ASC }", cursor("decisions:TITLE:ASC", "a\u0000b", uuid)],
    ]) {
      expectUserError(await api.anonymous(`query($c: String) { decisions(orderBy: ${orderBy}, after: $c) { totalCount } }`, { c: after }), "after");
    }
    expectUserError(await api.anonymous(`query($c: String) { decisions { nodes { basis(after: $c) { totalCount } } } }`, { c: cursor("basis", 3000000000, uuid) }), "after");
  });

  it("rejects page sizes outside 0–100 and mixed paging directions", async () => {
    expectUserError(await api.anonymous(`{ decisions(first: 101) { totalCount } }`), "first");
    expectUserError(await api.anonymous(`{ decisions(first: -1) { totalCount } }`), "first");
    expectUserError(await api.anonymous(`{ decisions(last: 1000) { totalCount } }`), "last");
    expectUserError(await api.anonymous(`{ decisions(first: 1, last: 1) { totalCount } }`), "last");
    expectUserError(await api.anonymous(`{ decisions { nodes { comments: consultations(first: 500) { totalCount } } } }`), "first");
    expectUserError(await api.anonymous(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array.from({ length: 101 }, () => "x") }), "ids");
  });

  it("rejects filter values of the wrong shape", async () => {
    expectUserError(await api.anonymous(`query($f: DecisionFilter) { decisions(filter: $f) { totalCount } }`, { f: { initiatedOn: { from: "2024-13-45" } } }));
    expectUserError(await api.anonymous(`query($f: DecisionFilter) { decisions(filter: $f) { totalCount } }`, { f: { stage: ["NOT_A_STAGE"] } }));
    expectUserError(await api.anonymous(`query($f: DecisionFilter) { decisions(filter: $f) { totalCount } }`, { f: { initiatedOn: { from: "2024-05-01", to: "2024-01-01" } } }), "filter.initiatedOn");
    expectUserError(await api.anonymous(`query($f: DecisionFilter) { decisions(filter: $f) { totalCount } }`, { f: { search: "   " } }), "filter.search");
    expectUserError(await api.anonymous(`query($f: DecisionFilter) { decisions(filter: $f) { totalCount } }`, { f: { search: "長".repeat(201) } }), "filter.search");
    expectUserError(await api.anonymous(`query($f: DecisionFilter) { decisions(filter: $f) { totalCount } }`, { f: { catalogYear: "2024" } }));
    expectUserError(await api.anonymous(`query($f: DecisionFilter) { decisions(filter: $f) { totalCount } }`, { f: { search: "\u0000" } }));
    expectUserError(await api.anonymous(`query($f: DecisionFilter) { decisions(filter: $f) { totalCount } }`, { f: { search: "\u0007" } }), "filter.search");
    expectUserError(await api.anonymous(`query($f: DecisionFilter) { decisions(filter: $f) { totalCount } }`, { f: { initiatedOn: { from: "0000-01-01" } } }));
    expectUserError(await api.anonymous(`query($f: DecisionFilter) { decisions(filter: $f) { totalCount } }`, { f: { publishedOn: { to: "0000-12-31" } } }));
    expectUserError(await api.anonymous(`query($f: DecisionFilter) { decisions(filter: $f) { totalCount } }`, { f: { updatedSince: "0000-01-01T00:00:00Z" } }));
    for (const list of ["category", "stage", "status"]) {
      expectUserError(await api.anonymous(`query($f: DecisionFilter) { decisions(filter: $f) { totalCount } }`, { f: { [list]: [] } }), `filter.${list}`);
    }
  });

  it("answers malformed requests with a 400 and a code", async () => {
    const syntax = await api.anonymous(`{ decisions( { totalCount } }`);
    expectClean(syntax);
    expect(syntax.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    const unknown = await api.anonymous(`{ decisions { secretField } }`);
    expectClean(unknown);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("answers Apollo's own refusals of a request with a client code, not as an internal error", async () => {
    const response = await api.anonymous(`{ decisions { totalCount } }`, undefined, { persistedQuery: { version: 2, sha256Hash: "x" } });
    expectClean(response);
    expect(response.errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
  });

  it("masks an unexpected failure to a generic message, without the SQL or its parameters", async () => {
    await api.database.query("ALTER VIEW disclosure.public_bodies RENAME TO public_bodies_moved");
    try {
      const response = await api.anonymous(`{ bodies { name } }`);
      expectClean(response);
      expect(response.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Internal server error/), extensions: { code: "INTERNAL_SERVER_ERROR" } });
    } finally {
      await api.database.query("ALTER VIEW disclosure.public_bodies_moved RENAME TO public_bodies");
    }
  });
});
