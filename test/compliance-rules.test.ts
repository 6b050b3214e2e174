import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { article, chineseNumber } from "../src/compliance/rule.js";
import { complianceRules } from "../src/compliance/rules.js";
import { recordDisclosures } from "../src/disclosure/record-types.js";
import { toGlobalId } from "../src/graphql/global-id.js";

const rowIdOf = (globalId: string) => Buffer.from(globalId, "base64url").toString().split(":")[1]!;
import { TestApi } from "./support/api.js";
import { CANARY, loadSampleDecisions } from "./support/canary-file.js";
import { COMPLIANCE_YEAR, compliantFile, ruleCases, villageFile, withheldOn } from "./support/compliance-files.js";

const REPORTS = /* GraphQL */ `
  query($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Decision {
        id
        compliance {
          state computedFrom assessedOn
          results { rule { id article } status findingZh findingEn evidence { recordId field value hiddenFromPublic } withheld { ground article scope } }
        }
      }
    }
  }
`;

type Report = { state: string; computedFrom: string; results: { rule: { id: string }; status: string; withheld: { ground: string; article: string }[]; evidence: { recordId: string }[] }[] };

describe("the compliance report, rule by rule", () => {
  let api: TestApi;
  const ids = new Map<string, string>();
  const reports: Record<"ANONYMOUS" | "LEGAL_REVIEWER", Map<string, Report>> = { ANONYMOUS: new Map(), LEGAL_REVIEWER: new Map() };
  const all = ruleCases.flatMap(([rule, cases]) => cases.map((c) => ({ rule, ...c, key: `${rule}/${c.name}` })));

  beforeAll(async () => {
    api = await TestApi.start();
    const loaded = await loadSampleDecisions(api.database, all.map((c) => c.file));
    all.forEach((c, i) => ids.set(c.key, toGlobalId("Decision", loaded[i]!)));
    // `nodes` takes at most 100 ids a request.
    const batches = [...ids.values()].reduce<string[][]>((list, id, i) => (i % 100 ? list.at(-1)!.push(id) : list.push([id]), list), []);
    for (const role of ["ANONYMOUS", "LEGAL_REVIEWER"] as const) {
      const nodes = (await Promise.all(batches.map((batch) => api.dataAs<{ nodes: ({ id: string; compliance: Report } | null)[] }>(role, REPORTS, { ids: batch })))).flatMap((page) => page.nodes);
      for (const c of all) reports[role].set(c.key, nodes.find((n) => n?.id === ids.get(c.key))!.compliance);
    }
  });
  afterAll(() => api.stop());

  it("has, for every rule, a case that satisfies it, one that violates it (none for an ADVISORY rule), one pending or not applicable, and one withheld where anything it reads can be withheld", () => {
    const withholdable = new Set(recordDisclosures.flatMap((r) => r.withholdable.map((f) => `${r.typeName}.${f}`)));
    expect(ruleCases.map(([rule]) => rule).sort()).toEqual(complianceRules.map((r) => r.id).sort());
    for (const [rule, cases] of ruleCases) {
      const statuses = new Set(cases.map((c) => c.staff));
      expect(statuses, rule).toContain("SATISFIED");
      const advisory = complianceRules.find((r) => r.id === rule)!.force === "ADVISORY";
      if (advisory) expect(statuses, rule).not.toContain("VIOLATED");
      else expect(statuses, rule).toContain("VIOLATED");
      expect(cases.some((c) => c.public === "PENDING" || c.public === "NOT_APPLICABLE"), rule).toBe(true);
      // A rule reading only always-public fields of the decision itself has nothing that could be withheld.
      const onlyDecision = complianceRules.find((r) => r.id === rule)!.reads.every((field) => field.startsWith("Decision.") && !withholdable.has(field));
      if (!onlyDecision) expect(cases.some((c) => c.public === "NOT_ASSESSABLE" && c.staff !== "NOT_ASSESSABLE"), rule).toBe(true);
    }
  });

  for (const [rule, cases] of ruleCases) {
    for (const c of cases) {
      it(`${rule}: ${c.name} → public ${c.public}, legal reviewer ${c.staff}`, () => {
        const result = (role: "ANONYMOUS" | "LEGAL_REVIEWER") => reports[role].get(`${rule}/${c.name}`)!.results.find((r) => r.rule.id === rule)!;
        expect(result("ANONYMOUS").status).toBe(c.public);
        expect(result("LEGAL_REVIEWER").status).toBe(c.staff);
        // Withheld (what makes the public's report differ from staff's), not merely unrecorded.
        if (c.public === "NOT_ASSESSABLE" && c.staff !== "NOT_ASSESSABLE") {
          // Not "missing": the public is told on which legal ground the step is withheld.
          expect(result("ANONYMOUS").withheld.map((w) => w.ground)).toContain("COMMERCIAL_SECRET");
          expect(result("ANONYMOUS").withheld[0]!.article).toContain("第十五條");
        }
        expect(result("LEGAL_REVIEWER").withheld).toEqual([]);
      });
    }
  }

  it("is computed from the disclosed records for the public and from the full records for reviewers, and shows the public no withheld value", async () => {
    for (const report of reports.ANONYMOUS.values()) expect(report.computedFrom).toBe("DISCLOSED_RECORDS");
    for (const report of reports.LEGAL_REVIEWER.values()) expect(report.computedFrom).toBe("FULL_RECORDS");
    const raw = (await api.anonymous(REPORTS, { ids: [...ids.values()] })).raw;
    expect(raw).not.toContain(CANARY);
    // The withheld dates of the withheld legality review (due 2024-05-08) appear in no public evidence.
    const withheldReview = reports.ANONYMOUS.get("LEGALITY_REVIEW_TIME/withheld")!;
    expect(JSON.stringify(withheldReview)).not.toContain("2024-05-08");
    expect(JSON.stringify(reports.LEGAL_REVIEWER.get("LEGALITY_REVIEW_TIME/withheld"))).toContain("2024-05-08");
  });

  it("marks, in staff's evidence, the values the public may not see, and logs their reading like any read of a withheld field", async () => {
    const evidence = reports.LEGAL_REVIEWER.get("DISSENT_RECORDED/withheld")!.results.find((r) => r.rule.id === "DISSENT_RECORDED")!.evidence as unknown as { recordId: string; field: string; hiddenFromPublic: boolean }[];
    const dissent = evidence.find((e) => e.field === "dissent")!;
    expect(dissent.hiddenFromPublic).toBe(true);
    expect(evidence.find((e) => e.field === "heldOn")!.hiddenFromPublic).toBe(false);
    const [{ rowId } = { rowId: "" }] = await api.database.query<{ rowId: string }>("SELECT id AS \"rowId\" FROM deliberations WHERE decision_id = $1", [rowIdOf(ids.get("DISSENT_RECORDED/withheld")!)]);
    const logged = await api.database.query<{ n: number }>("SELECT count(*)::int AS n FROM access_log WHERE record_id = $1 AND field = 'dissent'", [rowId]);
    expect(logged[0]!.n).toBeGreaterThan(0);
    for (const report of reports.ANONYMOUS.values()) for (const result of report.results) for (const e of result.evidence as unknown as { hiddenFromPublic: boolean }[]) expect(e.hiddenFromPublic).toBe(false);
  });

  it("sums up to the worst result: a compliant file is COMPLIANT, one violation makes it VIOLATED, a withheld step NOT_ASSESSABLE", () => {
    expect(reports.ANONYMOUS.get("CATALOG_LISTED/satisfied")!.state).toBe("COMPLIANT");
    expect(reports.ANONYMOUS.get("DISSENT_RECORDED/violated")!.state).toBe("VIOLATED");
    expect(reports.ANONYMOUS.get("DISSENT_RECORDED/withheld")!.state).toBe("NOT_ASSESSABLE");
    expect(reports.LEGAL_REVIEWER.get("DISSENT_RECORDED/withheld")!.state).toBe("COMPLIANT");
    expect(reports.ANONYMOUS.get("DISSENT_RECORDED/pending")!.state).toBe("PENDING");
  });

  it("excepts from public participation a matter withheld by law (art. 14(1)), in staff's report; the public sees no such decision", async () => {
    // Another year, so that the counts of the cases' year below stay theirs.
    const file = { ...compliantFile("withheld-matter"), catalogYear: COMPLIANCE_YEAR + 1, consultations: [], speciallyAffectedGroups: [], withheld: withheldOn() };
    const [rowId] = await loadSampleDecisions(api.database, [file]);
    const id = toGlobalId("Decision", rowId!);
    const { nodes } = await api.dataAs<{ nodes: ({ compliance: Report } | null)[] }>("LEGAL_REVIEWER", REPORTS, { ids: [id] });
    expect(nodes[0]!.compliance.results.find((r) => r.rule.id === "PUBLIC_HEARD")!.status).toBe("NOT_APPLICABLE");
    expect((await api.data<{ nodes: unknown[] }>(REPORTS, { ids: [id] })).nodes).toEqual([null]);
  });

  it("judges a village's own matter by the Organic Law, not by Decree 713 (art. 2): every Decree 713 rule is NOT_APPLICABLE and says why", async () => {
    // A file that breaks most of Decree 713 (no public participation, no legality review): decided by the villagers, it breaks none.
    const bare = (decidingBody: string) => ({ ...villageFile(`scope-${decidingBody}`), catalogYear: COMPLIANCE_YEAR + 2, decidingBody, consultations: [], legalityReviews: [], speciallyAffectedGroups: [] });
    const [village, town] = await loadSampleDecisions(api.database, [bare("孔城鎮桐梓村村民委員會"), { ...bare("孔城鎮人民政府"), catalogNumber: 9_999 }]);
    const { nodes } = await api.dataAs<{ nodes: { compliance: Report & { results: { findingZh: string }[] } }[] }>("LEGAL_REVIEWER", REPORTS, { ids: [toGlobalId("Decision", village!), toGlobalId("Decision", town!)] });
    const [villageReport, townReport] = nodes.map((n) => n.compliance);
    for (const result of villageReport!.results) {
      if (result.rule.id === "DECIDED_BY_VILLAGERS_MEETING") expect(result.status).toBe("SATISFIED");
      else {
        expect(result.status, result.rule.id).toBe("NOT_APPLICABLE");
        expect((result as unknown as { findingZh: string }).findingZh, result.rule.id).toContain("第二条");
      }
    }
    expect(villageReport!.state).toBe("COMPLIANT");
    // The same file decided by the town government breaks Decree 713, and the villagers' rule does not apply to it.
    const status = (id: string) => townReport!.results.find((r) => r.rule.id === id)!.status;
    expect([status("PUBLIC_HEARD"), status("LAWFUL_REVIEW_BEFORE_DELIBERATION"), status("DELIBERATED_BY_EXECUTIVE_MEETING")]).toEqual(["VIOLATED", "VIOLATED", "VIOLATED"]);
    expect(status("DECIDED_BY_VILLAGERS_MEETING")).toBe("NOT_APPLICABLE");
  });

  it("counts no ADVISORY rule in the overall state: a compliant file in no published catalogue stays COMPLIANT", () => {
    for (const role of ["ANONYMOUS", "LEGAL_REVIEWER"] as const) {
      const report = reports[role].get("CATALOG_LISTED/not listed")!;
      expect(report.results.find((r) => r.rule.id === "CATALOG_LISTED")!.status).toBe("NOT_APPLICABLE");
      expect(report.state).toBe("COMPLIANT");
    }
    // No ADVISORY rule gives VIOLATED on any file.
    const advisory = complianceRules.filter((rule) => rule.force === "ADVISORY").map((rule) => rule.id);
    expect(advisory).toEqual(["CATALOG_LISTED"]);
    for (const role of ["ANONYMOUS", "LEGAL_REVIEWER"] as const)
      for (const report of reports[role].values()) for (const result of report.results) if (advisory.includes(result.rule.id)) expect(result.status).not.toBe("VIOLATED");
  });

  it("filters decisions by a rule's status and by overall state, each viewer on their own reports", async () => {
    const query = `query($f: DecisionFilter, $after: String) { decisions(filter: $f, first: 100, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;
    // Every page of the filtered list (the cases outnumber one page).
    const everyPage = async (role: "ANONYMOUS" | "LEGAL_REVIEWER", variables: Record<string, unknown>) => {
      const first = (await api.dataAs(role, query, variables)).decisions;
      for (let page = first; page.pageInfo.hasNextPage; ) {
        page = (await api.dataAs(role, query, { ...variables, after: page.pageInfo.endCursor })).decisions;
        first.nodes.push(...page.nodes);
      }
      return first;
    };
    for (const role of ["ANONYMOUS", "LEGAL_REVIEWER"] as const) {
      for (const [rule] of ruleCases) {
        for (const status of ["VIOLATED", "NOT_ASSESSABLE", "SATISFIED"]) {
          const expected = all.filter((c) => reports[role].get(c.key)!.results.find((r) => r.rule.id === rule)!.status === status).map((c) => ids.get(c.key));
          const decisions = await everyPage(role, { f: { catalogYear: COMPLIANCE_YEAR, compliance: { rule, ruleStatus: [status] } } });
          expect(decisions.nodes.map((n: { id: string }) => n.id).sort(), `${role} ${rule} ${status}`).toEqual(expected.sort());
          expect(decisions.totalCount).toBe(expected.length);
        }
      }
      const violated = all.filter((c) => reports[role].get(c.key)!.state === "VIOLATED").map((c) => ids.get(c.key));
      const decisions = await everyPage(role, { f: { catalogYear: COMPLIANCE_YEAR, compliance: { state: ["VIOLATED"] } } });
      expect(decisions.nodes.map((n: { id: string }) => n.id).sort()).toEqual(violated.sort());
    }
  });

  it("counts compliance by rule, year and body exactly as the reports say", async () => {
    const query = `query($f: DecisionFilter) { complianceStatistics(filter: $f) { decisions computedFrom byState { key count } byRule { rule { id } satisfied violated pending notApplicable notAssessable } byYear { key compliant pending notAssessable violated } byDecidingBody { key label violated compliant pending notAssessable } } }`;
    for (const role of ["ANONYMOUS", "LEGAL_REVIEWER"] as const) {
      const { complianceStatistics: stats } = await api.dataAs(role, query, { f: { catalogYear: COMPLIANCE_YEAR } });
      expect(stats.decisions).toBe(all.length);
      for (const rule of complianceRules) {
        const counted = stats.byRule.find((r: { rule: { id: string } }) => r.rule.id === rule.id);
        const statuses = all.map((c) => reports[role].get(c.key)!.results.find((r) => r.rule.id === rule.id)!.status);
        expect(counted.violated, `${role} ${rule.id}`).toBe(statuses.filter((s) => s === "VIOLATED").length);
        expect(counted.notAssessable, `${role} ${rule.id}`).toBe(statuses.filter((s) => s === "NOT_ASSESSABLE").length);
        expect(counted.satisfied + counted.violated + counted.pending + counted.notApplicable + counted.notAssessable).toBe(all.length);
      }
      const violated = all.filter((c) => reports[role].get(c.key)!.state === "VIOLATED").length;
      expect(stats.byYear).toEqual([expect.objectContaining({ key: String(COMPLIANCE_YEAR), violated })]);
      const bodies = (label: string) => all.filter((c) => c.file.decidingBody === label).length;
      const counted = (label: string) => stats.byDecidingBody.filter((b: { label: string }) => b.label === label).map((b: { violated: number; compliant: number; pending: number; notAssessable: number }) => b.violated + b.compliant + b.pending + b.notAssessable)[0];
      for (const label of ["孔城鎮人民政府", "孔城鎮桐梓村村民委員會", "孔城鎮孔城社區居民委員會"]) expect(counted(label), label).toBe(bodies(label));
    }
  });

  it("refuses a rule status without a rule, and an unknown rule, changing nothing", async () => {
    const noRule = await api.anonymous(`{ decisions(filter: { compliance: { ruleStatus: [VIOLATED] } }) { totalCount } }`);
    expect(noRule.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const unknown = await api.anonymous(`{ decisions(filter: { compliance: { rule: NO_SUCH_RULE } }) { totalCount } }`);
    expect(unknown.status).toBe(400);
    expect(unknown.raw).not.toMatch(/select|from "|stack/i);
  });

  it("lists every rule with its article, force, statements and the fields it reads", async () => {
    const { complianceRules: listed } = await api.data(`{ complianceRules { id article statementZh statementEn force severity appliesWhen reads } }`);
    expect(listed).toHaveLength(complianceRules.length);
    for (const rule of listed) {
      expect(rule.article).toMatch(/^art\. \d/);
      expect(rule.statementZh.length).toBeGreaterThan(5);
      expect(rule.reads.length).toBeGreaterThan(0);
      expect(rule.severity, "the deprecated name answers the same").toBe(rule.force);
    }
    expect(Object.fromEntries(listed.map((rule: { id: string; force: string }) => [rule.id, rule.force]))).toMatchObject({ CATALOG_LISTED: "ADVISORY", COMMENT_PERIOD: "GENERAL", LEGALITY_REVIEW_TIME: "GENERAL", LAWFUL_REVIEW_BEFORE_DELIBERATION: "MANDATORY" });
  });

  it("gives each rule the force its quoted words give it: 一般 GENERAL, 可以 alone ADVISORY, 应当 or 不得 MANDATORY", () => {
    for (const rule of complianceRules) {
      const words = rule.statement.zh.replace(/（本服务[^）]*）/, "");
      // Art. 24 grants the power to decide on an uncontrollable risk only after it is made controllable: a restriction.
      const expected = words.includes("一般") ? "GENERAL" : /应当|不得/.test(words) ? "MANDATORY" : /后，可以/.test(words) ? "MANDATORY" : "ADVISORY";
      expect(rule.force, rule.id).toBe(expected);
    }
  });

  it("cites the paragraph wherever the article has more than one", () => {
    // Paragraphs of the cited articles, counted in each statute's text.
    const paragraphs: Record<string, Record<number, number>> = {
      重大行政决策程序暂行条例: { 3: 3, 14: 3, 15: 2, 16: 3, 18: 1, 19: 2, 22: 2, 23: 3, 24: 1, 25: 2, 26: 2, 29: 1, 30: 3, 32: 1, 35: 2, 37: 1 },
      中华人民共和国村民委员会组织法: { 22: 2, 24: 3, 26: 2 },
      中华人民共和国城市居民委员会组织法: { 9: 3 },
    };
    for (const rule of complianceRules) {
      const citations = [...rule.article.matchAll(/art\. ((?:\d+(?:\(\d\))?(?:, )?)+) \(《([^》]+)》/g)];
      expect(citations.length, rule.id).toBeGreaterThan(0);
      for (const [, list, statute] of citations) {
        const table = paragraphs[statute!];
        expect(table, `${rule.id}: ${statute} is in the table`).toBeDefined();
        for (const place of list!.split(", ")) {
          const [, n, paragraph] = place.match(/^(\d+)(?:\((\d)\))?$/)!.map((part) => (part === undefined ? undefined : Number(part)));
          expect(table![n!], `${rule.id}: art. ${n} of ${statute} is in the table`).toBeDefined();
          if (table![n!]! > 1) expect(paragraph, `${rule.id}: art. ${n} has ${table![n!]} paragraphs`).toBeDefined();
          if (paragraph) expect(paragraph).toBeLessThanOrEqual(table![n!]!);
        }
      }
    }
    expect(article([19, 1], [19, 2])).toBe("art. 19(1), 19(2) (《重大行政决策程序暂行条例》第十九条第一款、第十九条第二款)");
    expect([1, 10, 14, 20, 32, 44].map(chineseNumber)).toEqual(["一", "十", "十四", "二十", "三十二", "四十四"]);
  });
});

describe("the rules' documentation", () => {
  it("lists every rule with its article and what it reads, in step with the code (npm run docs:rules)", async () => {
    const { readFile } = await import("node:fs/promises");
    const { rulesFile, rulesMarkdown } = await import("../src/compliance/rules.markdown.js");
    const written = await readFile(rulesFile, "utf8");
    expect(written).toBe(rulesMarkdown());
    for (const rule of complianceRules) expect(written).toContain(`| \`${rule.id}\` | ${rule.article}`);
  });
});
