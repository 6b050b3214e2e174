import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { rowIdOf } from "../src/graphql/global-id.js";
import { recordDisclosures } from "../src/disclosure/record-types.js";
import { type NodeRow } from "../src/store/node.js";
import { SHARED_KINDS, SharedNodeCache } from "../src/store/shared-nodes.js";
import { TestApi } from "./support/api.js";

const LIST = `query($first: Int!) { decisions(first: $first) { nodes { id region { id name } decidingBody { name } undertakingBody { name } } } }`;
type ListData = { decisions: { nodes: { id: string; region: { id: string; name: string }; decidingBody: { name: string }; undertakingBody: { name: string } }[] } };

/** Statements since the last reset that read regions or bodies, in either projection. */
const regionOrBodyReads = (api: TestApi) => api.database.statements.statements.filter((text) => /"(regions|public_bodies)"/.test(text));
const committedEpoch = async (api: TestApi) => Number((await api.database.query<{ epoch: string }>("SELECT epoch::text AS epoch FROM shared_state.disclosure_epoch"))[0]!.epoch);

describe("the public's regions and bodies, kept across requests", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ sharedNodes: true });
  });
  afterAll(() => api.stop());

  it("names a page's region and bodies without a statement once a public request has read them", async () => {
    const first = await api.data<ListData>(LIST, { first: 5 });
    api.database.statements.reset();
    const again = await api.data<ListData>(LIST, { first: 5 });
    expect(again).toEqual(first);
    expect(first.decisions.nodes.length).toBeGreaterThan(0);
    expect(regionOrBodyReads(api)).toEqual([]);
  });

  it("never answers staff from them: an editor's request reads the tables", async () => {
    await api.data<ListData>(LIST, { first: 5 });
    api.database.statements.reset();
    const staff = await api.dataAs<ListData>("EDITOR", LIST, { first: 5 });
    expect(staff.decisions.nodes.length).toBeGreaterThan(0);
    expect(regionOrBodyReads(api).length).toBeGreaterThan(0);
  });

  it("shows a region's new name once the instance knows the epoch the rename committed in", async () => {
    const before = await api.data<ListData>(LIST, { first: 1 });
    const [decision] = before.decisions.nodes;
    const regionId = rowIdOf(decision!.region.id, "Region", "id");
    api.database.statements.reset();
    expect((await api.data<ListData>(LIST, { first: 1 })).decisions.nodes[0]!.region.name).toBe(decision!.region.name);
    expect(regionOrBodyReads(api)).toEqual([]);
    // As an operator's fix would: straight to the table, as its owner.
    await api.database.query("UPDATE regions SET name = '改名之后的镇' WHERE id = $1", [regionId]);
    const epoch = await committedEpoch(api);
    await vi.waitFor(() => expect(api.database.epoch.current(performance.now(), 3_600_000)).toBe(epoch), { timeout: 20_000, interval: 10 });
    const after = await api.data<ListData>(LIST, { first: 1 });
    expect(after.decisions.nodes[0]!.id).toBe(decision!.id);
    expect(after.decisions.nodes[0]!.region.name).toBe("改名之后的镇");
  });
});

describe("what may be kept, and under which epoch", () => {
  const node = (rowId: string, name: string) => ({ __typename: "Region", rowId, id: `R:${rowId}`, name }) as unknown as NodeRow;
  let known: number | null = 7;
  const cache = new SharedNodeCache(() => known);

  it("are kinds that are never withheld", () => {
    const withholdable = new Set(recordDisclosures.map((record) => record.typeName));
    expect(SHARED_KINDS.filter((kind) => withholdable.has(kind))).toEqual([]);
  });

  it("keeps nothing a request read where its reads may be behind the epoch it started under", () => {
    known = 7;
    cache.forRequest(() => false)!.keep("Region", node("a", "old"));
    expect(cache.forRequest(() => true)!.get("Region", "a")).toBeUndefined();
  });

  it("serves a kept node under its epoch only, and keeps nothing read under an epoch that has passed", () => {
    known = 8;
    const reader = cache.forRequest(() => true)!;
    reader.keep("Region", node("a", "eight"));
    expect(cache.forRequest(() => true)!.get("Region", "a")?.name).toBe("eight");
    known = 9;
    // A request that started under 8 and read after 9 was heard of: it may have read 8's state.
    reader.keep("Region", node("b", "eight"));
    const later = cache.forRequest(() => true)!;
    expect(later.get("Region", "a")).toBeUndefined();
    expect(later.get("Region", "b")).toBeUndefined();
    // Nor does the earlier request see what a request under 9 kept.
    later.keep("Region", node("c", "nine"));
    expect(reader.get("Region", "c")).toBeUndefined();
    expect(cache.forRequest(() => true)!.get("Region", "c")?.name).toBe("nine");
  });

  it("keeps nothing, and serves nothing, while the epoch is not confirmed, and no kind but the shared ones", () => {
    known = null;
    expect(cache.forRequest(() => true)).toBeUndefined();
    known = 10;
    const request = cache.forRequest(() => true)!;
    request.keep("Decision", { ...node("d", "x"), __typename: "Decision" } as NodeRow);
    expect(request.get("Decision", "d")).toBeUndefined();
  });

  it("hands out kept nodes that no request can change", () => {
    known = 11;
    cache.forRequest(() => true)!.keep("PublicBody", node("p", "body"));
    const kept = cache.forRequest(() => true)!.get("PublicBody", "p")!;
    expect(() => Object.assign(kept, { name: "changed" })).toThrow(TypeError);
  });
});
