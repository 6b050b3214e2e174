import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestApi } from "./support/api.js";

const LIST = /* GraphQL */ `
  query List($first: Int, $after: String, $last: Int, $before: String, $orderBy: DecisionOrder) {
    decisions(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
      totalCount
      edges { cursor node { id } }
      nodes { id catalogYear catalogNumber initiatedOn updatedAt title }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

const orderings = ["CATALOG", "INITIATED_ON", "UPDATED_AT", "TITLE"].flatMap((field) => ["ASC", "DESC"].map((direction) => ({ field, direction })));

describe("paging through decisions", () => {
  let api: TestApi;
  let publicCount: number;
  beforeAll(async () => {
    api = await TestApi.start();
    const [row] = await api.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM decisions d WHERE NOT EXISTS (SELECT 1 FROM withholdings w WHERE w.record_id = d.id AND w.field IS NULL AND w.released_at IS NULL)",
    );
    publicCount = row!.n;
  });
  afterAll(() => api.stop());

  const list = (variables: Record<string, unknown>) => api.data(LIST, variables).then((d) => d.decisions);

  it("gives 20 by default, counts every public decision, and pairs edges with nodes", async () => {
    const page = await list({});
    expect(page.nodes).toHaveLength(20);
    expect(page.totalCount).toBe(publicCount);
    expect(page.edges.map((e: any) => e.node.id)).toEqual(page.nodes.map((n: any) => n.id));
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: page.edges[0].cursor, endCursor: page.edges[19].cursor });
  });

  for (const orderBy of orderings) {
    it(`walks forwards and backwards through the same stable order (${orderBy.field} ${orderBy.direction})`, async () => {
      const all = await list({ first: 100, orderBy }).then(async (first) => {
        const second = await list({ first: 100, after: first.pageInfo.endCursor, orderBy });
        return [...first.nodes, ...second.nodes];
      });
      expect(all).toHaveLength(publicCount);
      expect(new Set(all.map((n: any) => n.id)).size).toBe(publicCount);

      const key = (n: any) => ({ CATALOG: [n.catalogYear, n.catalogNumber], INITIATED_ON: [n.initiatedOn], UPDATED_AT: [n.updatedAt], TITLE: [n.title ?? ""] })[orderBy.field as "CATALOG"];
      for (let i = 1; i < all.length; i++) {
        const [a, b] = [key(all[i - 1]), key(all[i])];
        const cmp = compareKeys(a, b);
        if (JSON.stringify(a) !== JSON.stringify(b)) expect(orderBy.direction === "ASC" ? cmp : -cmp, `${a} then ${b}`).toBe(-1);
      }

      const forward: string[] = [];
      for (let after: string | null = null, more = true; more; ) {
        const page: any = await list({ first: 17, after, orderBy });
        forward.push(...page.nodes.map((n: any) => n.id));
        more = page.pageInfo.hasNextPage;
        after = page.pageInfo.endCursor;
      }
      const backward: string[] = [];
      for (let before: string | null = null, more = true; more; ) {
        const page: any = await list({ last: 23, before, orderBy });
        backward.unshift(...page.nodes.map((n: any) => n.id));
        more = page.pageInfo.hasPreviousPage;
        before = page.pageInfo.startCursor;
      }
      expect(forward).toEqual(all.map((n: any) => n.id));
      expect(backward).toEqual(forward);
    });
  }

  it("answers first: 0 with an empty page that still says more follow", async () => {
    const page = await list({ first: 0 });
    expect(page.nodes).toEqual([]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null });
    expect(page.totalCount).toBe(publicCount);
  });

  it("ends with an empty page after the last item", async () => {
    const last = await list({ last: 1 });
    const after = await list({ first: 10, after: last.pageInfo.endCursor });
    expect(after.nodes).toEqual([]);
    expect(after.pageInfo.hasNextPage).toBe(false);
    expect(after.pageInfo.hasPreviousPage).toBe(true);
  });

  it("pages a search in every order, both ways, as the ordered list of every decision with only the matches kept", async () => {
    // A search alone ranks on the kept public search documents and their copies of each decision's
    // sort keys; its pages must follow the decisions' own order exactly, cursor after cursor.
    const SEARCH = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: DecisionOrder, $q: String!) {
      decisions(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, filter: { search: $q }) { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const walk = async (query: string, variables: Record<string, unknown>, backward = false, size = 10) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      let total: number | undefined;
      for (;;) {
        const page: any = (await api.data(query, { ...variables, ...(backward ? { last: size, before: cursor } : { first: size, after: cursor }) })).decisions;
        total ??= page.totalCount;
        const pageIds = page.nodes.map((n: { id: string }) => n.id);
        if (backward) ids.unshift(...pageIds);
        else ids.push(...pageIds);
        if (!(backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage)) return { ids, total };
        cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
      }
    };
    for (const orderBy of [...orderings, { field: "LAST_ACTIVITY_AT", direction: "ASC" }, { field: "LAST_ACTIVITY_AT", direction: "DESC" }]) {
      const all = (await walk(LIST, { orderBy }, false, 100)).ids;
      const found = await walk(SEARCH, { orderBy, q: "市" });
      const matching = new Set(found.ids);
      expect(found.ids.length, JSON.stringify(orderBy)).toBeGreaterThan(20);
      expect(found.total).toBe(found.ids.length);
      expect(found.ids, JSON.stringify(orderBy)).toEqual(all.filter((id) => matching.has(id)));
      expect((await walk(SEARCH, { orderBy, q: "市" }, true)).ids, `${JSON.stringify(orderBy)} backward`).toEqual(found.ids);
    }
  }, 300_000);

  it("pages through a decision's comments with their own cursors", async () => {
    const { decisions } = await api.data(`{ decisions(first: 1, filter: { search: "光伏發電" }) { nodes { consultations { nodes { comments(first: 100) { totalCount nodes { id } } } } } } }`);
    const consultation = decisions.nodes[0].consultations.nodes[0];
    const everything = consultation.comments.nodes.map((c: any) => c.id);
    expect(everything.length).toBeGreaterThan(1);
    const seen: string[] = [];
    for (let after: string | null = null, more = true; more; ) {
      const result: any = await api.data(
        `query($s: String!, $after: String) { decisions(first: 1, filter: { search: $s }) { nodes { consultations(first: 1) { nodes { comments(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } } } } }`,
        { s: "光伏發電", after },
      );
      const comments = result.decisions.nodes[0].consultations.nodes[0].comments;
      expect(comments.totalCount).toBe(everything.length);
      seen.push(...comments.nodes.map((c: any) => c.id));
      more = comments.pageInfo.hasNextPage;
      after = comments.pageInfo.endCursor;
    }
    expect(seen).toEqual(everything);
  });
});
