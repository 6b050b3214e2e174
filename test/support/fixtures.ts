import { expect } from "vitest";
import { type TestApi } from "./api.js";

/** Ids of sample reference data, as global ids (read through the public API like any client). */
export async function references(api: TestApi) {
  const { regions, bodies } = await api.data(`{ regions { id code } bodies { id name kind } }`);
  const body = (name: string) => bodies.find((b: any) => b.name === name).id as string;
  return {
    village: regions.find((r: any) => r.code === "340881100201").id as string,
    town: body("孔城鎮人民政府"),
    department: body("桐城市住房和城鄉建設局"),
    justiceBureau: body("桐城市司法局"),
    cityGovernment: body("桐城市人民政府"),
  };
}

/** Runs an editorial mutation as `role`, fails on errors or user errors, and returns the payload's object. */
export async function write(api: TestApi, role: Parameters<TestApi["as"]>[0], mutation: string, input: Record<string, unknown>, select = "id version") {
  const payloadField = mutation.replace(/(Create|Update|AdvanceStage|Moderate|Answer|Release|Revoke)$/, "");
  const field = payloadFieldOf(mutation, payloadField);
  const response = await api.as(role, `mutation($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { ${field} { ${select} } userErrors { field message code article } } }`, { input });
  expect(response.errors, response.raw).toBeUndefined();
  const payload = response.data![mutation];
  expect(payload.userErrors, response.raw).toEqual([]);
  return payload[field];
}

/** The same mutation, expected to be refused with user errors; returns them. */
export async function refused(api: TestApi, role: Parameters<TestApi["as"]>[0], mutation: string, input: Record<string, unknown>) {
  const response = await api.as(role, `mutation($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { userErrors { field message code article } } }`, { input });
  expect(response.errors, response.raw).toBeUndefined();
  const errors = response.data![mutation].userErrors;
  expect(errors.length, response.raw).toBeGreaterThan(0);
  return errors as { field: string[]; message: string; code: string; article: string | null }[];
}

function payloadFieldOf(mutation: string, fallback: string): string {
  if (mutation === "decisionAdvanceStage") return "decision";
  if (mutation === "recordWithdraw") return "record";
  if (mutation === "commentSubmit") return "receipt";
  if (mutation.startsWith("comment")) return "comment";
  return fallback;
}

export function inputType(mutation: string): string {
  return mutation[0]!.toUpperCase() + mutation.slice(1).replace(/(Create|Update|AdvanceStage|Moderate|Answer|Submit|Withdraw|Release|Revoke)$/, "$1") + "Input";
}

/** A new decision, created by an editor through the API. */
export async function newDecision(api: TestApi, catalogNumber: number, extra: Record<string, unknown> = {}) {
  const refs = await references(api);
  return write(api, "EDITOR", "decisionCreate", {
    catalogYear: 2026,
    catalogNumber,
    title: `測試決策第${catalogNumber}號`,
    summary: "經由編輯介面建立的決策。",
    category: "PUBLIC_CONSTRUCTION",
    regionId: refs.village,
    decidingBodyId: refs.town,
    undertakingBodyId: refs.department,
    initiatedOn: "2026-01-05",
    ...extra,
  });
}

/**
 * Adds empty villages under a sample town. In the sample's tree of ten regions every region is large
 * (src/regions/region-subtree.ts); three hundred villages make the other towns small and every
 * village tiny, so that each way of finding a region's decisions is taken.
 */
export async function addEmptyVillages(api: TestApi, count = 300): Promise<void> {
  await api.database.query(
    `INSERT INTO regions (code, name, level, parent_id, path, depth)
     SELECT v.code, '空村' || v.n, 'VILLAGE', t.id, t.path || v.code || '/', t.depth + 1
     FROM regions t, LATERAL (SELECT n, (t.code::bigint + 500 + n)::text AS code FROM generate_series(1, $1::int) n) v WHERE t.code = '340881102000'`,
    [count],
  );
}
