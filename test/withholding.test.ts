import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { rowsOf } from "../src/db/rows.js";
import { recordDisclosures } from "../src/disclosure/record-types.js";
import { toGlobalId } from "../src/graphql/global-id.js";
import { RecordWriter } from "../src/records/record-writer.js";
import { TestApi, type GraphQLResponse } from "./support/api.js";
import { CANARY, CANARY_BUDGET, loadCanaryFiles } from "./support/canary-file.js";
import { expectPublicSearchKept } from "./support/public-search.js";

const RECORD = /* GraphQL */ `
  id catalogYear catalogNumber title summary category stage status budgetYuan initiatedOn createdAt updatedAt lastActivityAt
  region { id } decidingBody { id } undertakingBody { id }
  basis { totalCount nodes { id kind title citation content } }
  consultations { totalCount nodes { id place participants summary adoptionFeedback comments { totalCount nodes { id text reply adoptionResult } } } }
  expertReviews { totalCount nodes { id reviewerName necessityOpinion feasibilityOpinion soundnessOpinion conclusion } }
  riskAssessments { totalCount nodes { id assessor riskPoints measures contingencyPlan conclusion findings { id level findings } } }
  legalityReviews { totalCount nodes { id result opinion } }
  deliberations { totalCount nodes { id meeting dissent } }
  publication { id documentNumber fullText adoptionExplanation }
  implementationReports { totalCount nodes { id content } }
  villageConsultations { totalCount nodes { id matter result evaluation committee { id names } steps { id list } } }
  postEvaluations { totalCount nodes { id evaluator findings } }
  attachments { totalCount nodes { id title url } }
`;

const COMPLIANCE = /* GraphQL */ `state computedFrom results { rule { id } status findingZh findingEn evidence { recordId field value } withheld { field ground article explanation since } }`;

const NOTICES = /* GraphQL */ `
  withheld { scope field recordKind ground article explanation since reviewDue decidedBy { name } }
  basis { nodes { withheld { field } } }
  consultations { nodes { withheld { field } comments { nodes { withheld { field } } } } }
  expertReviews { nodes { withheld { field } } }
  riskAssessments { nodes { withheld { field } findings { withheld { field } } } }
  legalityReviews { nodes { withheld { field } } }
  deliberations { nodes { withheld { field } } }
  publication { withheld { field } }
  implementationReports { nodes { withheld { field } } }
  villageConsultations { nodes { withheld { field } committee { withheld { field } } steps { withheld { field } } } }
  postEvaluations { nodes { withheld { field } } }
  attachments { nodes { withheld { field } } }
`;

/** Where a canary shows in a response, with a little context; empty when none does. */
function leaks(responses: GraphQLResponse[]): string[] {
  return responses.flatMap((response) =>
    [CANARY, String(CANARY_BUDGET).slice(0, 7)].flatMap((needle) => {
      const at = response.raw.indexOf(needle);
      return at < 0 ? [] : [response.raw.slice(Math.max(0, at - 80), at + 60)];
    }),
  );
}

const orderings = ["CATALOG", "INITIATED_ON", "UPDATED_AT", "TITLE", "LAST_ACTIVITY_AT"].flatMap((field) => ["ASC", "DESC"].map((direction) => ({ field, direction })));

const modes = [
  { role: "ANONYMOUS", cycle: false },
  { role: "RESEARCHER", cycle: false },
  // The same battery after every withholding was released and made again through the API.
  { role: "ANONYMOUS", cycle: true },
] as const;

describe.each(modes)("withheld means withheld: canary values never reach $role viewers, by any path (withholdings cycled through the API: $cycle)", ({ role, cycle }) => {
  let api: TestApi;
  const responses: GraphQLResponse[] = [];
  const ids = { fields: "", parts: "", whole: "" };
  let withheldRecordIds: string[] = [];
  let references: { village: string; city: string; decidingBody: string; undertakingBody: string };

  /** Every public response of the test passes through here, to be scanned for canaries. */
  const ask = async (query: string, variables?: Record<string, unknown>) => {
    const response = await api.as(role, query, variables);
    responses.push(response);
    expect(response.errors, response.raw).toBeUndefined();
    return response.data!;
  };

  const walk = async (orderBy: object, filter: object | null, direction: "forward" | "backward") => {
    const nodes: unknown[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page: any = await ask(
        direction === "forward"
          ? `query($o: DecisionOrder, $f: DecisionFilter, $c: String) { decisions(orderBy: $o, filter: $f, first: 100, after: $c) { totalCount pageInfo { hasNextPage endCursor } nodes { ${RECORD} } } }`
          : `query($o: DecisionOrder, $f: DecisionFilter, $c: String) { decisions(orderBy: $o, filter: $f, last: 100, before: $c) { totalCount pageInfo { hasPreviousPage startCursor } nodes { ${RECORD} } } }`,
        { o: orderBy, f: filter, c: cursor },
      );
      const { decisions } = page;
      if (direction === "forward") {
        nodes.push(...decisions.nodes);
        if (!decisions.pageInfo.hasNextPage) return { totalCount: decisions.totalCount, nodes };
        cursor = decisions.pageInfo.endCursor;
      } else {
        nodes.unshift(...decisions.nodes);
        if (!decisions.pageInfo.hasPreviousPage) return { totalCount: decisions.totalCount, nodes };
        cursor = decisions.pageInfo.startCursor;
      }
    }
  };

  /** The filters each walked in both title orders (built once the references are known). */
  const filterList = (): object[] => [
    { catalogYear: 2024 },
    { regionId: references.village },
    { regionId: references.city },
    { decidingBodyId: references.decidingBody },
    { undertakingBodyId: references.undertakingBody },
    { category: ["PUBLIC_CONSTRUCTION"] },
    { stage: ["POST_EVALUATION"] },
    { status: ["DECIDED"] },
    { initiatedOn: { from: "2024-01-05", to: "2024-01-05" } },
    { publishedOn: { from: "2024-05-01", to: "2024-05-01" } },
    { updatedSince: "2000-01-01T00:00:00.000Z" },
    { search: CANARY },
    { search: "canary-f-decision" },
    { search: "CANARY-D" },
    { search: "!!" },
    { search: "公開的測試決策" },
    // The budget withheld is in no range, before and after it changes; parts withheld whole are not on record.
    { budgetYuan: { min: CANARY_BUDGET, max: CANARY_BUDGET } },
    { budgetYuan: { max: 1 } },
    { budgetYuan: { min: 0 } },
    { risk: { level: ["LOW", "MEDIUM", "HIGH"] } },
    { risk: { dimension: "SOCIAL_STABILITY" } },
    { hasExpertReview: true },
    { hasRiskAssessment: true },
    { hasRiskAssessment: false },
    { hasLegalityReview: true },
    { lastActivitySince: "2000-01-01T00:00:00.000Z" },
  ];

  /** Everything the public can observe, minus the notices (which name what is withheld, by design). */
  const observe = async () => {
    const lists = [];
    for (const orderBy of orderings) lists.push(await walk(orderBy, null, "forward"));
    lists.push(await walk({ field: "TITLE", direction: "ASC" }, null, "backward"));
    const filters = filterList();
    const filtered = [];
    for (const filter of filters) {
      for (const orderBy of [orderings[6]!, orderings[7]!]) filtered.push(await walk(orderBy, filter, "forward"));
    }
    const lookups = await ask(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: withheldRecordIds });
    const byId = await ask(`query($id: ID!) { decision(id: $id) { id } node(id: $id) { id } }`, { id: toGlobalId("Decision", ids.whole) });
    const feed = await ask(`{ changes(first: 100) { totalCount nodes { recordId recordType decisionId kind } } since: changes(since: "2000-01-01T00:00:00Z", first: 100) { totalCount nodes { recordId kind } } }`);
    const stats = await ask(`{ statistics { decisions comments byYear { key count } steps { step decisions } } }`);
    // The report of the decision whose fields are withheld: computed from the projection, it cannot move when they change.
    const compliance = await ask(`query($id: ID!) { decision(id: $id) { compliance { ${COMPLIANCE} } } }`, { id: toGlobalId("Decision", ids.fields) });
    return { lists, filtered, lookups, byId, feed, stats, compliance };
  };

  beforeAll(async () => {
    api = await TestApi.start();
    const q = api.database.query.bind(api.database);
    const region = async (code: string) => (await q<{ id: string }>("SELECT id FROM regions WHERE code = $1", [code]))[0]!.id;
    const body = async (name: string) => (await q<{ id: string }>("SELECT id FROM public_bodies WHERE name = $1", [name]))[0]!.id;
    Object.assign(ids, await loadCanaryFiles(api.database));
    if (cycle) await cycleWithholdings(api, [ids.fields, ids.parts, ids.whole]);
    const decisionOnly = (typeName: string) => typeName === "Decision";
    for (const record of recordDisclosures) {
      const table = getTableConfig(record.table).name;
      const rows = decisionOnly(record.typeName)
        ? [{ id: ids.whole }]
        : await q<{ id: string }>(`SELECT id FROM ${table} WHERE decision_id IN ($1, $2)`, [ids.parts, ids.whole]);
      withheldRecordIds.push(...rows.map((r) => toGlobalId(record.typeName, r.id)));
    }
    const unpublished = await q<{ id: string }>("SELECT id FROM comments WHERE moderation_state <> 'PUBLISHED' AND decision_id = $1", [ids.fields]);
    expect(unpublished).toHaveLength(2);
    withheldRecordIds.push(...unpublished.map((r) => toGlobalId("Comment", r.id)));
    withheldRecordIds = [...new Set(withheldRecordIds)];
    references = {
      village: toGlobalId("Region", await region("340881100201")),
      city: toGlobalId("Region", await region("340881000000")),
      decidingBody: toGlobalId("PublicBody", await body("孔城鎮人民政府")),
      undertakingBody: toGlobalId("PublicBody", await body("桐城市住房和城鄉建設局")),
    };
  });
  afterAll(() => api.stop());

  it("puts a canary in every field the law lets be withheld, and withholds each of them", async () => {
    const rows = await api.database.query<{ record_type: string; field: string | null }>("SELECT record_type, field FROM withholdings WHERE decision_id = $1", [ids.fields]);
    const withheld = new Set(rows.map((r) => `${r.record_type}.${r.field}`));
    for (const record of recordDisclosures) for (const field of record.withholdable) expect(withheld).toContain(`${record.recordType}.${field}`);
  });

  it("holds no canary in any view of the disclosure projection, each read whole as the public's role", async () => {
    // The search view reads what the triggers kept: first, that they kept what the rules give (withholdings cycled or not).
    await expectPublicSearchKept(api.database);
    const views = (await api.database.query<{ name: string }>("SELECT viewname AS name FROM pg_views WHERE schemaname = 'disclosure' ORDER BY 1")).map((v) => v.name);
    expect(views).toEqual(expect.arrayContaining(["decisions", "decisions_title_public", "decisions_title_withheld", "search_documents", "withholding_notices"]));
    const found: string[] = [];
    for (const view of views) {
      const texts = await api.database.readDisclosed((db) => rowsOf<{ row: string }>(db, sql.raw(`SELECT t::text AS row FROM disclosure.${view} t`)));
      // Search keys are lower case: the needle is compared so.
      for (const { row } of texts) if ([CANARY.toLowerCase(), String(CANARY_BUDGET).slice(0, 7)].some((needle) => row.toLowerCase().includes(needle))) found.push(`${view}: ${row.slice(0, 160)}`);
    }
    expect(found).toEqual([]);
  });

  it("shows no canary in any response through any path, and the same answers once the withheld data is changed or gone", async () => {
    const before = await observe();

    // The public does see the two public canary decisions, with their withheld parts as null / absent.
    const all = before.lists[0]!.nodes as any[];
    const withFields = all.find((d) => d.id === toGlobalId("Decision", ids.fields));
    const withParts = all.find((d) => d.id === toGlobalId("Decision", ids.parts));
    expect(withFields).toMatchObject({ title: null, summary: null, budgetYuan: null, publication: { fullText: null, adoptionExplanation: null } });
    expect(withFields.riskAssessments.nodes[0]).toMatchObject({ assessor: null, riskPoints: null, findings: [{ findings: null }] });
    expect(withParts).toMatchObject({ publication: null, basis: { totalCount: 0 }, consultations: { totalCount: 0 }, attachments: { totalCount: 0 } });
    expect(all.some((d) => d.id === toGlobalId("Decision", ids.whole))).toBe(false);
    expect(before.lookups.nodes.every((n: unknown) => n === null)).toBe(true);
    expect(before.byId).toEqual({ decision: null, node: null });
    // Filters on withheld material find as if it were absent.
    const filteredIds = (i: number) => (before.filtered[i]!.nodes as { id: string }[]).map((d) => d.id);
    const at = (filter: object) => 2 * filterList().findIndex((f) => JSON.stringify(f) === JSON.stringify(filter));
    expect(filteredIds(at({ budgetYuan: { min: CANARY_BUDGET, max: CANARY_BUDGET } }))).toEqual([]);
    expect(filteredIds(at({ budgetYuan: { min: 0 } }))).not.toContain(toGlobalId("Decision", ids.fields));
    expect(filteredIds(at({ hasRiskAssessment: true }))).not.toContain(toGlobalId("Decision", ids.parts));
    expect(filteredIds(at({ hasRiskAssessment: false }))).toContain(toGlobalId("Decision", ids.parts));
    expect(filteredIds(at({ hasRiskAssessment: true }))).toContain(toGlobalId("Decision", ids.fields));

    // Notices: one per withheld field, and one per list of parts withheld whole, none with the value.
    const { a, b } = await ask(`query($a: ID!, $b: ID!) { a: decision(id: $a) { ${NOTICES} } b: decision(id: $b) { ${NOTICES} } }`, {
      a: toGlobalId("Decision", ids.fields),
      b: toGlobalId("Decision", ids.parts),
    });
    expect(a.withheld.map((n: any) => n.field).sort()).toEqual(["budgetYuan", "summary", "title"]);
    expect(a.riskAssessments.nodes[0].findings[0].withheld).toEqual([{ field: "findings" }]);
    expect(a.villageConsultations.nodes[0].committee[0].withheld).toEqual([{ field: "names" }]);
    expect(a.villageConsultations.nodes[0].steps[0].withheld).toEqual([{ field: "list" }]);
    expect(b.withheld.filter((n: any) => n.scope === "RECORD").map((n: any) => n.field).sort()).toEqual(
      ["attachments", "basis", "consultations", "deliberations", "expertReviews", "implementationReports", "legalityReviews", "postEvaluations", "publication", "riskAssessments", "villageConsultations"].sort(),
    );

    // Compliance: reports, filters, statistics, the reviewers' queue (refused), scanned with the rest.
    const parts = await ask(`query($id: ID!) { decision(id: $id) { compliance { ${COMPLIANCE} } } }`, { id: toGlobalId("Decision", ids.parts) });
    expect(parts.decision.compliance.results.filter((r: { status: string }) => r.status === "NOT_ASSESSABLE").length).toBeGreaterThan(0);
    expect(before.compliance.decision.compliance.computedFrom).toBe("DISCLOSED_RECORDS");
    await ask(`{ complianceStatistics { decisions byState { key count } byRule { rule { id } satisfied violated pending notApplicable notAssessable } byYear { key violated } byDecidingBody { key label violated } } }`);
    for (const state of ["COMPLIANT", "PENDING", "NOT_ASSESSABLE", "VIOLATED"]) await walk(orderings[0]!, { compliance: { state: [state] } }, "forward");
    for (const rule of ["DISSENT_RECORDED", "PUBLISHED_WITH_EXPLANATION", "EXPERT_ARGUMENTATION"]) await walk(orderings[7]!, { compliance: { rule, ruleStatus: ["NOT_ASSESSABLE", "VIOLATED", "SATISFIED"] } }, "forward");
    const queue = await api.as(role, `{ legalityQueue(first: 100) { totalCount nodes { state decision { id title } } } }`);
    responses.push(queue);
    expect(queue.errors?.[0]?.extensions?.code).toBe(role === "ANONYMOUS" ? "UNAUTHENTICATED" : "FORBIDDEN");

    // A receipt's status, for every comment of the canary decisions (published, pending, rejected, under
    // withheld decisions and parts): what its holder sees of it holds no canary either.
    const receipts = await api.database.query<{ receipt_number: string }>("SELECT receipt_number FROM comments WHERE decision_id IN ($1, $2, $3)", [ids.fields, ids.parts, ids.whole]);
    expect(receipts.length).toBeGreaterThanOrEqual(3);
    const statuses = await Promise.all(receipts.map(({ receipt_number }) => api.as(role, `query($n: String!) { commentReceipt(number: $n) { number moderationState rejectionReason comment { id text reply adoptionResult withheld { field ground } } } }`, { n: receipt_number })));
    expect(statuses.every((status) => status.data?.commentReceipt)).toBe(true);
    expect(statuses.some((status) => status.data!.commentReceipt.comment?.withheld.length === 2)).toBe(true);
    responses.push(...statuses);

    expect(leaks(responses)).toEqual([]);

    // Now change every withheld value (a leak into an ordering would move it) and delete what is withheld whole.
    const q = api.database.query.bind(api.database);
    for (const record of recordDisclosures) {
      const { name, columns } = getTableConfig(record.table);
      for (const column of columns.filter((c) => c.getSQLType() === "text")) {
        await q(`UPDATE ${name} SET ${column.name} = '~~' || substr(${column.name}, 3) WHERE ${column.name} LIKE '!!${CANARY}%'`);
      }
    }
    await q(`UPDATE search_documents SET key = '~~' || substr(key, 3) WHERE key LIKE '!!canary%'`);
    await q(`UPDATE decisions SET budget_yuan = 1 WHERE id = $1`, [ids.fields]);
    for (const record of recordDisclosures.filter((r) => r.recordType !== "decisions")) {
      await q(`DELETE FROM ${getTableConfig(record.table).name} WHERE decision_id = $1`, [ids.parts]);
    }
    await q(`DELETE FROM decisions WHERE id = $1`, [ids.whole]);
    await q(`DELETE FROM comments WHERE moderation_state <> 'PUBLISHED'`);

    await expectPublicSearchKept(api.database, undefined, "the kept public search documents after the owner's changes");
    const after = await observe();
    expect(after).toEqual(before);
    // Hundreds of queries twice over, the sample's months of change feed among them: 50–110 s on a busy two-core machine.
  }, 300_000);
});

describe("releasing a withholding", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it("publishes the field again and drops its notice, keeping the withholding on record", async () => {
    const [withholding] = await api.database.query<{ id: string; record_id: string }>(
      "SELECT id, record_id FROM withholdings WHERE record_type = 'deliberations' AND field = 'dissent' AND released_at IS NULL LIMIT 1",
    );
    const [{ dissent } = { dissent: "" }] = await api.database.query<{ dissent: string }>("SELECT dissent FROM deliberations WHERE id = $1", [withholding!.record_id]);
    const read = () => api.data(`query($id: ID!) { node(id: $id) { ... on Deliberation { dissent withheld { field ground } } } }`, { id: toGlobalId("Deliberation", withholding!.record_id) });

    expect((await read()).node).toEqual({ dissent: null, withheld: [{ field: "dissent", ground: "PROCESS_INFORMATION" }] });
    await new RecordWriter(api.database.db).release(withholding!.id, "復核後認為可以公開。");
    expect((await read()).node).toEqual({ dissent, withheld: [] });
    const [kept] = await api.database.query<{ release_reason: string }>("SELECT release_reason FROM withholdings WHERE id = $1", [withholding!.id]);
    expect(kept!.release_reason).toBe("復核後認為可以公開。");
  });
});

/** Releases every withholding of the given decisions and makes it again, as an editor through the API. */
async function cycleWithholdings(api: TestApi, decisionIds: string[]) {
  const rows = await api.database.query<{ id: string; record_type: string; record_id: string; field: string | null; ground: string; article: string; explanation: string; decided_by_body_id: string; review_due: string; withheld_since: string }>(
    "SELECT id, record_type::text, record_id, field, ground::text, article, explanation, decided_by_body_id, review_due::text, withheld_since::text FROM withholdings WHERE decision_id = ANY($1::uuid[]) AND released_at IS NULL",
    [decisionIds],
  );
  expect(rows.length).toBeGreaterThan(20);
  const typeOf = (table: string) => recordDisclosures.find((r) => r.recordType === table)!.typeName;
  for (const row of rows) {
    const released = await api.dataAs("EDITOR", `mutation($id: ID!) { withholdingRelease(input: { id: $id, reason: "復核" }) { userErrors { message } } }`, { id: toGlobalId("Withholding", row.id) });
    expect(released.withholdingRelease.userErrors).toEqual([]);
    const made = await api.dataAs("EDITOR", `mutation($input: WithholdingCreateInput!) { withholdingCreate(input: $input) { userErrors { message } } }`, {
      input: {
        recordId: toGlobalId(typeOf(row.record_type), row.record_id),
        field: row.field,
        ground: row.ground,
        article: row.article,
        explanation: row.explanation,
        decidedByBodyId: toGlobalId("PublicBody", row.decided_by_body_id),
        since: row.withheld_since,
        reviewDue: row.review_due,
      },
    });
    expect(made.withholdingCreate.userErrors, JSON.stringify(row)).toEqual([]);
  }
}
