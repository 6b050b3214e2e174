import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../src/graphql/global-id.js";
import { TestApi } from "./support/api.js";

/**
 * The bad-input battery: every request below is refused with its own code, before any SQL statement
 * is sent, and changes no row. Requests are anonymous (a key's check is itself a statement).
 */
interface BadRequest {
  name: string;
  status: number;
  code: string;
  request: () => Promise<{ status: number; body: string }>;
}

describe("bad input: a clear, coded refusal, no statement run, nothing changed", () => {
  let api: TestApi;
  let decisionId = "";
  let regionId = "";
  let cursorOfAnotherOrdering = "";
  let before: Record<string, string>;

  const post = (payload: unknown, headers: Record<string, string> = {}) => api.inject({ method: "POST", headers: { "content-type": "application/json", ...headers }, payload: typeof payload === "string" ? payload : JSON.stringify(payload) });
  const query = (text: string, variables?: Record<string, unknown>) => post({ query: text, variables });
  const get = (params: Record<string, string>, headers: Record<string, string> = { "apollo-require-preflight": "true" }) =>
    api.inject({ method: "GET", url: `/graphql?${new URLSearchParams(params).toString()}`, headers });
  const nested = (levels: number) => `{ regions { ${"children { ".repeat(levels)}name${" }".repeat(levels)} } }`;

  const battery = (): BadRequest[] => [
    // The request itself
    { name: "malformed JSON", status: 400, code: "BAD_REQUEST", request: () => post('{"query": "{ regions { name } }"') },
    { name: "wrong content type", status: 415, code: "UNSUPPORTED_MEDIA_TYPE", request: () => api.inject({ method: "POST", headers: { "content-type": "text/plain" }, payload: "{ regions { name } }" }) },
    { name: "a mutation over GET", status: 405, code: "BAD_REQUEST", request: () => get({ query: 'mutation { commentSubmit(input: { consultationId: "x", stakeholderCategory: INDIVIDUAL, text: "t" }) { userErrors { code } } }' }) },
    { name: "a GET without a CSRF-preventing header", status: 400, code: "BAD_REQUEST", request: () => get({ query: "{ regions { name } }" }, {}) },
    { name: "an oversized body", status: 413, code: "PAYLOAD_TOO_LARGE", request: () => query(`{ regions { name } } # ${"x".repeat(200_000)}`) },
    { name: "an empty body", status: 400, code: "BAD_REQUEST", request: () => post("") },
    { name: "no query", status: 400, code: "BAD_REQUEST", request: () => post({ variables: {} }) },
    { name: "a query that is not a string", status: 400, code: "BAD_REQUEST", request: () => post({ query: 42 }) },
    { name: "variables that are not an object", status: 400, code: "BAD_REQUEST", request: () => post({ query: "{ regions { name } }", variables: [1] }) },
    { name: "a batched array of operations", status: 400, code: "BAD_REQUEST", request: () => post([{ query: "{ regions { name } }" }, { query: "{ bodies { name } }" }]) },
    { name: "an unknown persisted-query hash", status: 200, code: "PERSISTED_QUERY_NOT_FOUND", request: () => post({ extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }) },
    // The document
    { name: "a syntax error", status: 400, code: "GRAPHQL_PARSE_FAILED", request: () => query("{ regions { name ") },
    { name: "too many tokens", status: 400, code: "TOO_MANY_TOKENS", request: () => query(`{ regions { ${"name ".repeat(6_000)} } }`) },
    { name: "an unknown field (and no suggestion)", status: 400, code: "GRAPHQL_VALIDATION_FAILED", request: () => query("{ decisionz { id } }") },
    { name: "deep nesting", status: 400, code: "QUERY_TOO_DEEP", request: () => query(nested(20)) },
    {
      name: "deep nesting hidden in fragments",
      status: 400,
      code: "QUERY_TOO_DEEP",
      request: () =>
        query(`{ regions { ...A } } ${Array.from({ length: 18 }, (_, i) => `fragment ${String.fromCharCode(65 + i)} on Region { children { ${i === 17 ? "name" : `...${String.fromCharCode(66 + i)}`} } }`).join(" ")}`),
    },
    { name: "a fragment cycle", status: 400, code: "GRAPHQL_VALIDATION_FAILED", request: () => query("{ regions { ...A } } fragment A on Region { children { ...B } } fragment B on Region { parent { ...A } }") },
    {
      name: "exponential fragment fan-out",
      status: 400,
      code: "QUERY_TOO_COSTLY",
      request: () => query(`{ ...F0 } ${Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { complianceRules { id } ${i < 29 ? `...F${i + 1} ...F${i + 1}` : ""} }`).join(" ")}`),
    },
    { name: "an alias flood", status: 400, code: "TOO_MANY_ALIASES", request: () => query(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: complianceRules { id }`).join(" ")} }`) },
    { name: "a directive flood", status: 400, code: "TOO_MANY_DIRECTIVES", request: () => query(`{ complianceRules { ${Array.from({ length: 60 }, () => "id @include(if: true)").join(" ")} } }`) },
    { name: "nested pages past the cost limit", status: 400, code: "QUERY_TOO_COSTLY", request: () => query("{ decisions(first: 100) { nodes { consultations(first: 100) { nodes { comments(first: 100) { nodes { text } } } } } } }") },
    {
      name: "nested pages whose sizes hide in variables' defaults",
      status: 400,
      code: "QUERY_TOO_COSTLY",
      request: () => query("query($n: Int = 100) { decisions(first: $n) { nodes { consultations(first: $n) { nodes { comments(first: $n) { nodes { text } } } } } } }"),
    },
    { name: "variables nested thousands deep", status: 400, code: "BAD_REQUEST", request: () => post(`{"query":"{ __typename }","variables":{"a":${"[".repeat(5000)}${"]".repeat(5000)}}}`) },
    { name: "an introspection query nested past the depth limit", status: 400, code: "QUERY_TOO_DEEP", request: () => query(`{ __schema { types { ${"ofType { ".repeat(16)}name${" }".repeat(16)} } } }`) },
    { name: "an unknown operation name", status: 400, code: "OPERATION_RESOLUTION_FAILURE", request: () => post({ query: "query A { regions { name } }", operationName: "B" }) },
    { name: "several operations and no name", status: 400, code: "OPERATION_RESOLUTION_FAILURE", request: () => query("query A { regions { name } } query B { bodies { name } }") },
    { name: "a subscription (there are none)", status: 400, code: "BAD_REQUEST", request: () => query("subscription { changes { id } }") },
    // Arguments
    { name: "first: 1000", status: 200, code: "BAD_USER_INPUT", request: () => query("{ decisions(first: 1000) { totalCount } }") },
    { name: "a negative page size", status: 200, code: "BAD_USER_INPUT", request: () => query("{ decisions(first: -1) { totalCount } }") },
    { name: "a non-integer page size", status: 400, code: "GRAPHQL_VALIDATION_FAILED", request: () => query("{ decisions(first: 1.5) { totalCount } }") },
    { name: "a page size past 32 bits", status: 400, code: "GRAPHQL_VALIDATION_FAILED", request: () => query("{ decisions(first: 2147483648) { totalCount } }") },
    { name: "a page size of the wrong type in a variable", status: 400, code: "BAD_USER_INPUT", request: () => query("query($n: Int) { decisions(first: $n) { totalCount } }", { n: "ten" }) },
    { name: "a required variable missing", status: 400, code: "BAD_USER_INPUT", request: () => query("query($id: ID!) { decision(id: $id) { id } }", {}) },
    { name: "first and last together", status: 200, code: "BAD_USER_INPUT", request: () => query("{ decisions(first: 1, last: 1) { totalCount } }") },
    { name: "a forged cursor", status: 200, code: "BAD_USER_INPUT", request: () => query('{ decisions(after: "not-a-cursor") { totalCount } }') },
    { name: "a cursor of another ordering", status: 200, code: "BAD_USER_INPUT", request: () => query(`{ decisions(after: "${cursorOfAnotherOrdering}", orderBy: { field: TITLE, direction: ASC }) { totalCount } }`) },
    { name: "a malformed id", status: 200, code: "BAD_USER_INPUT", request: () => query('{ node(id: "garbage") { id } }') },
    { name: "an id of the wrong type", status: 200, code: "BAD_USER_INPUT", request: () => query(`{ decision(id: "${regionId}") { id } }`) },
    { name: "a filter id of the wrong type", status: 200, code: "BAD_USER_INPUT", request: () => query(`{ decisions(filter: { regionId: "${decisionId}" }) { totalCount } }`) },
    { name: "more than 100 ids", status: 200, code: "BAD_USER_INPUT", request: () => query("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids: Array.from({ length: 101 }, () => decisionId) }) },
    { name: "an unknown enum value", status: 400, code: "GRAPHQL_VALIDATION_FAILED", request: () => query("{ decisions(orderBy: { field: POPULARITY, direction: ASC }) { totalCount } }") },
    { name: "an unknown enum value in a variable", status: 400, code: "BAD_USER_INPUT", request: () => query("query($s: [DecisionStage!]) { decisions(filter: { stage: $s }) { totalCount } }", { s: ["ANYTHING"] }) },
    // Close enough to a real value that graphql-js would suggest it.
    { name: "an enum value in a variable one letter off", status: 400, code: "BAD_USER_INPUT", request: () => query("query($c: [DecisionCategory!]) { decisions(filter: { category: $c }) { totalCount } }", { c: ["PUBLIC_POLICE"] }) },
    { name: "30 February", status: 400, code: "BAD_USER_INPUT", request: () => query("query($d: LocalDate) { decisions(filter: { initiatedOn: { from: $d } }) { totalCount } }", { d: "2024-02-30" }) },
    { name: "year 0", status: 400, code: "BAD_USER_INPUT", request: () => query("query($d: LocalDate) { decisions(filter: { initiatedOn: { from: $d } }) { totalCount } }", { d: "0000-01-01" }) },
    { name: "a date range the wrong way round", status: 200, code: "BAD_USER_INPUT", request: () => query('{ decisions(filter: { initiatedOn: { from: "2024-02-01", to: "2024-01-01" } }) { totalCount } }') },
    { name: "an empty list of stages", status: 200, code: "BAD_USER_INPUT", request: () => query("{ decisions(filter: { stage: [] }) { totalCount } }") },
    { name: "a search of spaces only", status: 200, code: "BAD_USER_INPUT", request: () => query('{ decisions(filter: { search: "   " }) { totalCount } }') },
    { name: "an over-long search", status: 200, code: "BAD_USER_INPUT", request: () => query("query($s: String) { decisions(filter: { search: $s }) { totalCount } }", { s: "決".repeat(201) }) },
    { name: "control characters in a search", status: 200, code: "BAD_USER_INPUT", request: () => query("query($s: String) { decisions(filter: { search: $s }) { totalCount } }", { s: "a\u0007b" }) },
    { name: "NUL in a text", status: 400, code: "BAD_USER_INPUT", request: () => query("query($s: String) { decisions(filter: { search: $s }) { totalCount } }", { s: "a\u0000b" }) },
    { name: "an unpaired surrogate in a text", status: 400, code: "BAD_USER_INPUT", request: () => post(`{"query":"query($s: String) { decisions(filter: { search: $s }) { totalCount } }","variables":{"s":"a\\ud800b"}}`) },
    { name: "a compliance status without its rule", status: 200, code: "BAD_USER_INPUT", request: () => query("{ decisions(filter: { compliance: { ruleStatus: [VIOLATED] } }) { totalCount } }") },
    // Writes, refused before they touch anything
    { name: "a staff mutation without a key", status: 200, code: "UNAUTHENTICATED", request: () => query('mutation { withholdingRelease(input: { id: "x", reason: "r" }) { userErrors { code } } }') },
    { name: "the legality queue without a key", status: 200, code: "UNAUTHENTICATED", request: () => query("{ legalityQueue { totalCount } }") },
  ];

  beforeAll(async () => {
    api = await TestApi.start();
    const { decisions } = await api.data(`{ decisions(first: 1, orderBy: { field: CATALOG, direction: ASC }) { nodes { id region { id } } pageInfo { endCursor } } }`);
    decisionId = decisions.nodes[0].id;
    regionId = decisions.nodes[0].region.id;
    cursorOfAnotherOrdering = decisions.pageInfo.endCursor;
    before = await api.fingerprint();
  });
  afterAll(() => api.stop());

  it("holds at least forty cases", () => {
    expect(battery().length).toBeGreaterThanOrEqual(40);
  });

  for (const { name, status, code, request } of battery()) {
    it(`${name} → ${status} ${code}`, async () => {
      api.database.statements.reset();
      const response = await request();
      // None but the one that spends the caller's budget (a refusal costs a point, on every instance).
      const sent = api.database.statements.statements;
      expect(sent.filter((text) => !text.includes("shared_state.rate_budgets")), "SQL statements run").toEqual([]);
      expect(sent.length).toBeLessThanOrEqual(1);
      expect(response.status).toBe(status);
      const body = JSON.parse(response.body) as { errors?: { message: string; extensions?: { code?: string } }[] };
      expect(body.errors?.[0]?.extensions?.code).toBe(code);
      // Never the server's insides, never a "did you mean".
      expect(response.body).not.toMatch(/stack|select |insert |postgres|drizzle|did you mean/i);
    });
  }

  it("accepts the standard introspection query (the schema is public documentation), within the limits", async () => {
    const response = await api.anonymous(getIntrospectionQuery());
    expect(response.status).toBe(200);
    expect(response.data?.__schema.types.length).toBeGreaterThan(50);
    expect(JSON.parse(response.raw).extensions.cost.requested).toBeGreaterThan(0);
  });

  it("says which limit a refused query passed, with the limit, what it found and its cost", async () => {
    const response = await api.anonymous("{ decisions(first: 100) { nodes { consultations(first: 100) { nodes { comments(first: 100) { nodes { text } } } } } } }");
    const [error] = response.errors!;
    expect(error!.message).toContain("500000");
    const extensions = error!.extensions as { limit: number; found: number; cost: { requested: number; limit: number } };
    expect(extensions.limit).toBe(500_000);
    expect(extensions.found).toBeGreaterThan(500_000);
    expect(extensions.cost).toEqual({ requested: extensions.found, limit: 500_000 });
  });

  it("measures one query text with each set of variables for what it asks (measures are kept per document and variables)", async () => {
    const query = "query($first: Int, $inner: Int) { decisions(first: $first) { nodes { consultations(first: $inner) { nodes { comments(first: $inner) { nodes { text } } } } } } }";
    const costOf = async (variables: Record<string, unknown>, text = query) => {
      const response = await api.send({}, text, variables);
      return JSON.parse(response.raw).extensions.cost.requested as number;
    };
    const small = await costOf({ first: 2, inner: 2 });
    const large = await costOf({ first: 100, inner: 100 });
    expect(large).toBeGreaterThan(500_000);
    expect(small).toBeLessThan(100);
    // Again, in another order, past the number kept: each answer is its own variables' measure.
    // (A comment makes another document, measured for the first time.)
    for (let first = 1; first <= 20; first++) expect(await costOf({ first, inner: 1 })).toBe(await costOf({ first, inner: 1 }, `${query}\n# ${first}`));
    expect(await costOf({ first: 20, inner: 1 })).toBeGreaterThan(await costOf({ first: 1, inner: 1 }));
    expect(await costOf({ first: 2, inner: 2 })).toBe(small);
    expect((await api.send({}, query, { first: 100, inner: 100 })).errors![0]!.extensions!.code).toBe("QUERY_TOO_COSTLY");
    expect((await api.send({}, query, { first: 2, inner: 2 })).errors).toBeUndefined();
  });

  it("counts a list's own default page size (the change feed's is 100)", async () => {
    const response = await api.anonymous("{ changes { nodes { kind } } }");
    expect(JSON.parse(response.raw).extensions.cost.requested).toBeGreaterThanOrEqual(100);
  });

  it("changed no row of any table", async () => {
    expect(await api.fingerprint()).toEqual(before);
  });

  it("takes SQL metacharacters and LIKE wildcards in a search as plain text", async () => {
    for (const search of ["'; DROP TABLE decisions; --", "%", "_", "\\", "100%_done", "90%"]) {
      const { decisions } = await api.data("query($s: String) { decisions(filter: { search: $s }) { totalCount } }", { s: search });
      // As many as hold the text literally (strpos knows no wildcards).
      const [expected] = await api.database.query<{ n: number }>("SELECT count(DISTINCT decision_id)::int AS n FROM disclosure.search_documents WHERE strpos(key, $1) > 0", [search]);
      expect(decisions.totalCount, search).toBe(expected!.n);
    }
    expect(await api.fingerprint()).toEqual(before);
  });

  it("refuses an over-long comment as a user error on the field, storing nothing", async () => {
    const { decision } = await api.data(`query($id: ID!) { decision(id: $id) { id } }`, { id: decisionId });
    expect(decision.id).toBe(decisionId);
    const { commentSubmit } = await api.data(`mutation($input: CommentSubmitInput!) { commentSubmit(input: $input) { userErrors { code field } } }`, {
      input: { consultationId: toGlobalId("Consultation", "00000000-0000-4000-8000-000000000000"), stakeholderCategory: "INDIVIDUAL", text: "長".repeat(5001) },
    });
    expect(commentSubmit.userErrors).toContainEqual({ code: "INVALID_INPUT", field: ["input", "text"] });
    expect(await api.fingerprint()).toEqual(before);
  });
});
