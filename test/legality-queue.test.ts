import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarYears } from "../src/compliance/working-days.js";
import { toGlobalId } from "../src/graphql/global-id.js";
import { TestApi } from "./support/api.js";
import { CANARY, loadCanaryFiles, loadSampleDecisions } from "./support/canary-file.js";
import { compliantFile, earlyFile, withheldOn } from "./support/compliance-files.js";

const QUEUE = /* GraphQL */ `
  query($filter: LegalityQueueFilter, $first: Int, $after: String) {
    legalityQueue(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes { state dueOn submittedOn decision { id title } reviewingBody { name } }
      byState { key count } byReviewingBody { key label count } byDecidingBody { key label count }
    }
  }
`;

const review = (change: object) => ({ reviewingBody: "桐城市司法局", submittedOn: "2024-05-06", ...change });

describe("the legality review queue", () => {
  let api: TestApi;
  // Monday 3 June 2024, 10:00 in China; moved forward by the tests.
  let now = new Date("2024-06-03T02:00:00Z");
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await TestApi.start({ clock: () => now });
    await loadCanaryFiles(api.database);
    const files = {
      notSubmitted: { ...earlyFile("queue-not-submitted"), stage: "LEGALITY_REVIEW" as const },
      // Submitted 6 May without a due date: due on the 7th working day after (14 May: Saturday 11 May was a make-up working day), overdue by 3 June.
      overdue: { ...earlyFile("queue-overdue"), stage: "LEGALITY_REVIEW" as const, legalityReviews: [review({})] },
      underReview: { ...earlyFile("queue-under-review"), stage: "LEGALITY_REVIEW" as const, legalityReviews: [review({ submittedOn: "2024-05-30", dueOn: "2024-06-12" })] },
      unlawful: { ...earlyFile("queue-unlawful"), stage: "LEGALITY_REVIEW" as const, legalityReviews: [review({ completedOn: "2024-05-20", result: "UNLAWFUL" as const })] },
      deliberatedWithout: { ...compliantFile("queue-deliberated"), legalityReviews: [] },
      // The reviewer's queue is computed from the full records: a withheld review still counts.
      withheldReturned: { ...earlyFile("queue-withheld"), stage: "LEGALITY_REVIEW" as const, legalityReviews: [review({ submittedOn: "2024-05-02", completedOn: "2024-05-20", result: "RETURNED" as const, withheld: withheldOn() })] },
      compliant: compliantFile("queue-compliant"),
      // Its 7th working day falls in a year whose official calendar is not published yet.
      beyondCalendar: { ...earlyFile("queue-beyond-calendar"), stage: "LEGALITY_REVIEW" as const, legalityReviews: [review({ submittedOn: `${calendarYears.last}-12-28` })] },
      // Taking comments on 3 June; its one comment answered.
      openForComment: { ...earlyFile("queue-open"), consultations: [{ ...earlyFile("queue-open").consultations![0]!, opensOn: "2024-05-20", closesOn: "2024-06-30" }] },
    };
    const loaded = await loadSampleDecisions(api.database, Object.values(files));
    Object.keys(files).forEach((name, i) => (ids[name] = toGlobalId("Decision", loaded[i]!)));
  });
  afterAll(() => api.stop());

  const queue = async (variables: Record<string, unknown> = {}) => (await api.dataAs("LEGAL_REVIEWER", QUEUE, variables)).legalityQueue;
  const stateOf = (list: { state: string; decision: { id: string } }[], name: string) => list.find((item) => item.decision.id === ids[name])?.state;

  it("holds decisions not submitted, under review, overdue, found unlawful, returned for materials or deliberated without a lawful review", async () => {
    const { nodes, totalCount, byState } = await queue({ first: 100 });
    expect(stateOf(nodes, "notSubmitted")).toBe("NOT_SUBMITTED");
    expect(stateOf(nodes, "overdue")).toBe("OVERDUE");
    expect(stateOf(nodes, "underReview")).toBe("UNDER_REVIEW");
    expect(stateOf(nodes, "unlawful")).toBe("FOUND_UNLAWFUL");
    // Art. 26(1): returned for insufficient materials is its own state, not a finding of unlawfulness.
    expect(stateOf(nodes, "withheldReturned")).toBe("RETURNED_FOR_MATERIALS");
    expect(stateOf(nodes, "deliberatedWithout")).toBe("DELIBERATED_WITHOUT_LAWFUL_REVIEW");
    expect(stateOf(nodes, "compliant")).toBeUndefined();
    // Not assessable past the official calendar: no due date rather than a weekday guess.
    expect(nodes.find((item: { decision: { id: string } }) => item.decision.id === ids.beyondCalendar)).toMatchObject({ state: "UNDER_REVIEW", dueOn: null });
    expect(byState.reduce((sum: number, c: { count: number }) => sum + c.count, 0)).toBe(totalCount);
    const overdue = nodes.find((item: { decision: { id: string } }) => item.decision.id === ids.overdue);
    expect(overdue).toMatchObject({ dueOn: "2024-05-14", submittedOn: "2024-05-06", reviewingBody: { name: "桐城市司法局" } });
  });

  it("orders breaches first, then overdue reviews, then by due date, then by submission; pages with cursors; filters and counts by state and body", async () => {
    const all = (await queue({ first: 100 })).nodes as { state: string; dueOn: string | null; submittedOn: string | null; decision: { id: string } }[];
    const rank = (state: string) => (state === "DELIBERATED_WITHOUT_LAWFUL_REVIEW" ? 0 : state === "OVERDUE" ? 1 : 2);
    const keys = all.map((item) => `${rank(item.state)}|${item.dueOn ?? "9999-12-31"}|${item.submittedOn ?? "9999-12-31"}`);
    expect(keys).toEqual([...keys].sort());
    expect(all[0]!.state).toBe("DELIBERATED_WITHOUT_LAWFUL_REVIEW");
    // The overdue review (due 14 May) comes before the review under way (due 12 June) and everything after.
    const position = (name: string) => all.findIndex((item) => item.decision.id === ids[name]);
    expect(position("overdue")).toBeLessThan(position("underReview"));
    expect(position("underReview")).toBeLessThan(position("withheldReturned"));
    // Neither has a due date: the one submitted on 2 May comes before the one submitted on 6 May.
    expect(position("withheldReturned")).toBeLessThan(position("unlawful"));
    const first = await queue({ first: 2 });
    const second = await queue({ first: 100, after: first.pageInfo.endCursor });
    expect([...first.nodes, ...second.nodes].map((item: { decision: { id: string } }) => item.decision.id)).toEqual(all.map((item: { decision: { id: string } }) => item.decision.id));
    const unlawful = await queue({ filter: { state: ["FOUND_UNLAWFUL"] }, first: 100 });
    expect(unlawful.nodes.every((item: { state: string }) => item.state === "FOUND_UNLAWFUL")).toBe(true);
    expect(unlawful.byState).toEqual([{ key: "FOUND_UNLAWFUL", count: unlawful.totalCount }]);
    const { byReviewingBody, byDecidingBody } = await queue();
    expect(byReviewingBody.find((c: { label: string | null }) => c.label === "桐城市司法局")?.count).toBeGreaterThanOrEqual(3);
    expect(byDecidingBody.find((c: { label: string | null }) => c.label === "孔城鎮人民政府")?.count).toBeGreaterThanOrEqual(6);
  });

  it("moves a review past its due date to OVERDUE as time passes, with no change to the records", async () => {
    expect(stateOf((await queue({ first: 100 })).nodes, "underReview")).toBe("UNDER_REVIEW");
    now = new Date("2024-06-13T02:00:00Z");
    expect(stateOf((await queue({ first: 100 })).nodes, "underReview")).toBe("OVERDUE");
    now = new Date("2024-06-03T02:00:00Z");
    expect(stateOf((await queue({ first: 100 })).nodes, "underReview")).toBe("UNDER_REVIEW");
  });

  it("follows the records as they change through the API", async () => {
    const { decision } = await api.dataAs("LEGAL_REVIEWER", `query($id: ID!) { decision(id: $id) { legalityReviews { nodes { id version } } } }`, { id: ids.overdue });
    const [open] = decision.legalityReviews.nodes;
    const done = await api.dataAs("LEGAL_REVIEWER", `mutation($input: LegalityReviewUpdateInput!) { legalityReviewUpdate(input: $input) { userErrors { message } } }`, {
      input: { id: open.id, expectedVersion: open.version, completedOn: "2024-05-31", result: "LAWFUL" },
    });
    expect(done.legalityReviewUpdate.userErrors).toEqual([]);
    expect(stateOf((await queue({ first: 100 })).nodes, "overdue")).toBeUndefined();
  });

  it("keeps staff's kept reports current when a resident's comment (not in the change feed) arrives", async () => {
    const filtered = async (status: string) =>
      (await api.dataAs("LEGAL_REVIEWER", `query($f: DecisionFilter) { decisions(filter: $f, first: 100) { nodes { id } } }`, { f: { compliance: { rule: "COMMENTS_ANSWERED", ruleStatus: [status] } } })).decisions.nodes.map((n: { id: string }) => n.id);
    expect(await filtered("SATISFIED")).toContain(ids.openForComment);
    const { decision } = await api.data(`query($id: ID!) { decision(id: $id) { consultations { nodes { id } } } }`, { id: ids.openForComment });
    const submitted = await api.data(`mutation($input: CommentSubmitInput!) { commentSubmit(input: $input) { userErrors { code } } }`, {
      input: { consultationId: decision.consultations.nodes[0].id, stakeholderCategory: "INDIVIDUAL", text: "請公開停車位的分配辦法。" },
    });
    expect(submitted.commentSubmit.userErrors).toEqual([]);
    expect(await filtered("PENDING")).toContain(ids.openForComment);
    expect(await filtered("SATISFIED")).not.toContain(ids.openForComment);
  });

  it("is refused to the public and to researchers, and shows them nothing", async () => {
    const anonymous = await api.anonymous(QUEUE);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(anonymous.data ?? null).toBeNull();
    const researcher = await api.as("RESEARCHER", QUEUE);
    expect(researcher.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    for (const response of [anonymous, researcher]) {
      expect(response.raw).not.toContain(CANARY);
      expect(response.raw).not.toContain("queue-");
    }
  });
});
