import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarYears } from "../src/compliance/working-days.js";
import { toGlobalId } from "../src/graphql/global-id.js";
import { TestApi } from "./support/api.js";
import { CANARY, loadCanaryFiles, loadSampleDecisions } from "./support/canary-file.js";
import { compliantFile, earlyFile, withheldOn } from "./support/compliance-files.js";
import { references } from "./support/fixtures.js";

const QUEUE = /* GraphQL */ `
  query($filter: LegalityQueueFilter, $first: Int, $after: String) {
    legalityQueue(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      nodes {
        state dueOn deadlineOn deadlineSetBy reviewWorkingDays submittedOn decision { id title } reviewingBody { name }
        shortPeriodWarning { kind workingDays article messageZh messageEn }
      }
      byState { key count } byReviewingBody { key label count } byDecidingBody { key label count }
    }
  }
`;

const review = (change: object) => ({ reviewingBody: "桐城市司法局", submittedOn: "2024-05-06", ...change });
const underReview = (scope: string, change: object) => ({ ...earlyFile(scope), stage: "LEGALITY_REVIEW" as const, legalityReviews: [review(change)] });
const { last } = calendarYears;

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
      // A village's own matter is not reviewed for legality under Decree 713 (art. 2, 42): nothing for the office.
      villageNotSubmitted: { ...earlyFile("queue-village"), stage: "LEGALITY_REVIEW" as const, decidingBody: "孔城鎮桐梓村村民委員會" },
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
      // Sent on Thursday 30 May, due 20 June, for the meeting of Wednesday 5 June: 4 working days.
      meetingFirst: underReview("queue-meeting-first", { submittedOn: "2024-05-30", dueOn: "2024-06-20", meetingScheduledOn: "2024-06-05" }),
      // Due 12 June before the meeting of 20 June: 8 working days (Monday 10 June, Dragon Boat Festival, not counted).
      dueFirst: underReview("queue-due-first", { submittedOn: "2024-05-30", dueOn: "2024-06-12", meetingScheduledOn: "2024-06-20" }),
      // Sent on Friday 26 September 2025, due 20 October. National Day and Mid-Autumn: 1–8 October off; Sunday
      // 28 September and Saturday 11 October worked. The 6th working day after is 11 October, the 7th Monday 13 October
      // (a weekday count would have reached its 7th on 7 October, in the holiday).
      sixDays: underReview("queue-six-days", { submittedOn: "2025-09-26", dueOn: "2025-10-20", meetingScheduledOn: "2025-10-11" }),
      sevenDays: underReview("queue-seven-days", { submittedOn: "2025-09-26", dueOn: "2025-10-20", meetingScheduledOn: "2025-10-13" }),
      sixDaysWithReason: underReview("queue-six-days-reason", { submittedOn: "2025-09-26", dueOn: "2025-10-20", meetingScheduledOn: "2025-10-11", shortTimeReason: "汛期前須開工。" }),
      sixDaysReasonLate: underReview("queue-six-days-late", { submittedOn: "2025-09-26", dueOn: "2025-10-20", meetingScheduledOn: "2025-10-11", shortTimeReason: "汛期前須開工。", shortTimeReasonStatedOn: "2025-09-29" }),
      // Past the official calendar: a due date asked for stands, but its working days cannot be counted;
      // a meeting scheduled past it settles nothing; one within it comes before the 7th working day.
      dueBeyondCalendar: underReview("queue-due-beyond", { submittedOn: `${last}-12-28`, dueOn: `${last + 1}-01-08` }),
      meetingBeyondCalendar: underReview("queue-meeting-beyond", { submittedOn: `${last}-12-28`, meetingScheduledOn: `${last + 1}-01-05` }),
      meetingWithinCalendar: underReview("queue-meeting-within", { submittedOn: `${last}-12-28`, meetingScheduledOn: `${last}-12-30` }),
      // Seven working days are reached within the published calendar: not short, whatever follows.
      longBeyondCalendar: underReview("queue-long-beyond", { submittedOn: `${last}-11-30`, dueOn: `${last + 1}-01-08` }),
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
    expect(stateOf(nodes, "villageNotSubmitted")).toBeUndefined();
    // Not assessable past the official calendar: no due date rather than a weekday guess.
    expect(nodes.find((item: { decision: { id: string } }) => item.decision.id === ids.beyondCalendar)).toMatchObject({ state: "UNDER_REVIEW", dueOn: null });
    expect(byState.reduce((sum: number, c: { count: number }) => sum + c.count, 0)).toBe(totalCount);
    const overdue = nodes.find((item: { decision: { id: string } }) => item.decision.id === ids.overdue);
    expect(overdue).toMatchObject({ dueOn: "2024-05-14", deadlineOn: "2024-05-14", deadlineSetBy: "DEFAULT_PERIOD", reviewWorkingDays: 7, shortPeriodWarning: null, submittedOn: "2024-05-06", reviewingBody: { name: "桐城市司法局" } });
  });

  const entry = async (name: string) => (await queue({ first: 100 })).nodes.find((item: { decision: { id: string } }) => item.decision.id === ids[name]);

  it("takes as the reviewer's deadline the scheduled meeting when it comes before the due date, and the due date otherwise", async () => {
    expect(await entry("meetingFirst")).toMatchObject({ state: "UNDER_REVIEW", dueOn: "2024-06-20", deadlineOn: "2024-06-05", deadlineSetBy: "SCHEDULED_MEETING", reviewWorkingDays: 4 });
    expect(await entry("dueFirst")).toMatchObject({ state: "UNDER_REVIEW", dueOn: "2024-06-12", deadlineOn: "2024-06-12", deadlineSetBy: "REQUESTED_DUE_DATE", reviewWorkingDays: 8, shortPeriodWarning: null });
  });

  it("turns a review OVERDUE the day after its meeting, not the day after its due date", async () => {
    try {
      now = new Date("2024-06-05T02:00:00Z");
      expect(await entry("meetingFirst")).toMatchObject({ state: "UNDER_REVIEW" });
      now = new Date("2024-06-06T02:00:00Z");
      expect(await entry("meetingFirst")).toMatchObject({ state: "OVERDUE", deadlineOn: "2024-06-05" });
      // Its due date (12 June) is still to come for the review whose meeting is later.
      expect(await entry("dueFirst")).toMatchObject({ state: "UNDER_REVIEW" });
      const all = (await queue({ first: 100 })).nodes.map((item: { decision: { id: string } }) => item.decision.id);
      expect(all.indexOf(ids.meetingFirst)).toBeLessThan(all.indexOf(ids.underReview));
    } finally {
      now = new Date("2024-06-03T02:00:00Z");
    }
  });

  it("orders by the real deadline: a meeting before the due date moves the review up", async () => {
    const all = (await queue({ first: 100 })).nodes.map((item: { decision: { id: string } }) => item.decision.id);
    // Deadlines 5 June (by its due date, 20 June, it would come after both others), 12 June and 12 June, then 11 October 2025.
    expect(all.indexOf(ids.meetingFirst)).toBeLessThan(all.indexOf(ids.underReview));
    expect(all.indexOf(ids.meetingFirst)).toBeLessThan(all.indexOf(ids.dueFirst));
    expect(all.indexOf(ids.dueFirst)).toBeLessThan(all.indexOf(ids.sixDays));
    // The review whose meeting is on 13 October comes after the one whose meeting is on 11 October.
    expect(all.indexOf(ids.sixDays)).toBeLessThan(all.indexOf(ids.sevenDays));
  });

  it("warns under art. 26(2) at 6 working days and not at 7, counted on the official calendar across National Day", async () => {
    const six = await entry("sixDays");
    expect(six).toMatchObject({ deadlineOn: "2025-10-11", deadlineSetBy: "SCHEDULED_MEETING", reviewWorkingDays: 6 });
    expect(six.shortPeriodWarning).toMatchObject({ kind: "SHORT_PERIOD", workingDays: 6, article: "art. 26(2) (《重大行政决策程序暂行条例》第二十六条第二款)" });
    expect(six.shortPeriodWarning.messageZh).toContain("6个工作日");
    expect(six.shortPeriodWarning.messageEn).toContain("6 working day");
    expect(await entry("sevenDays")).toMatchObject({ deadlineOn: "2025-10-13", deadlineSetBy: "SCHEDULED_MEETING", reviewWorkingDays: 7, shortPeriodWarning: null });
  });

  it("says a reason was stated when it was stated by the day the draft was sent, and warns plainly when it came later", async () => {
    expect((await entry("sixDaysWithReason")).shortPeriodWarning).toMatchObject({ kind: "SHORT_PERIOD_REASON_STATED", workingDays: 6 });
    expect((await entry("sixDaysReasonLate")).shortPeriodWarning).toMatchObject({ kind: "SHORT_PERIOD", workingDays: 6 });
  });

  it("reports a period reaching past the official calendar as not assessable, never a weekday guess", async () => {
    const notAssessable = { kind: "NOT_ASSESSABLE", workingDays: null };
    const due = await entry("dueBeyondCalendar");
    expect(due).toMatchObject({ deadlineOn: `${last + 1}-01-08`, deadlineSetBy: "REQUESTED_DUE_DATE", reviewWorkingDays: null, shortPeriodWarning: notAssessable });
    expect(due.shortPeriodWarning.messageZh).toContain("节假日安排尚未公布");
    expect(due.shortPeriodWarning.messageEn).toContain("calendar not yet published");
    expect(await entry("meetingBeyondCalendar")).toMatchObject({ deadlineOn: null, deadlineSetBy: null, reviewWorkingDays: null, shortPeriodWarning: notAssessable });
    expect(await entry("beyondCalendar")).toMatchObject({ deadlineOn: null, shortPeriodWarning: notAssessable });
    // A meeting within the published calendar comes before a 7th working day past it: counted, and short.
    const within = await entry("meetingWithinCalendar");
    expect(within).toMatchObject({ deadlineOn: `${last}-12-30`, deadlineSetBy: "SCHEDULED_MEETING", shortPeriodWarning: { kind: "SHORT_PERIOD" } });
    expect(within.reviewWorkingDays).toBeLessThan(7);
    expect(await entry("longBeyondCalendar")).toMatchObject({ deadlineOn: `${last + 1}-01-08`, reviewWorkingDays: null, shortPeriodWarning: null });
  });

  it("records the scheduled meeting through the API, and refuses one before submission with a user error, changing nothing", async () => {
    const REVIEW = `query($id: ID!) { decision(id: $id) { legalityReviews { nodes { id version meetingScheduledOn } } } }`;
    const UPDATE = `mutation($input: LegalityReviewUpdateInput!) { legalityReviewUpdate(input: $input) { legalityReview { meetingScheduledOn } userErrors { code field message } } }`;
    const [open] = (await api.dataAs("LEGAL_REVIEWER", REVIEW, { id: ids.dueFirst })).decision.legalityReviews.nodes;
    const refused = await api.dataAs("LEGAL_REVIEWER", UPDATE, { input: { id: open.id, expectedVersion: open.version, meetingScheduledOn: "2024-05-29" } });
    expect(refused.legalityReviewUpdate.userErrors).toEqual([{ code: "INVALID_INPUT", field: ["input", "meetingScheduledOn"], message: expect.stringContaining("must not be before submittedOn") }]);
    expect((await api.dataAs("LEGAL_REVIEWER", REVIEW, { id: ids.dueFirst })).decision.legalityReviews.nodes[0]).toEqual(open);
    expect(await entry("dueFirst")).toMatchObject({ deadlineOn: "2024-06-12", deadlineSetBy: "REQUESTED_DUE_DATE" });
    const created = await api.dataAs("LEGAL_REVIEWER", `mutation($input: LegalityReviewCreateInput!) { legalityReviewCreate(input: $input) { userErrors { code field } } }`, {
      input: { decisionId: ids.notSubmitted, reviewingBodyId: (await references(api)).justiceBureau, submittedOn: "2024-06-03", meetingScheduledOn: "2024-06-01" },
    });
    expect(created.legalityReviewCreate.userErrors).toEqual([{ code: "INVALID_INPUT", field: ["input", "meetingScheduledOn"] }]);
    expect(await entry("notSubmitted")).toMatchObject({ state: "NOT_SUBMITTED" });
    // The meeting moved up to Thursday 6 June (5 working days): the queue follows, and warns.
    const moved = await api.dataAs("LEGAL_REVIEWER", UPDATE, { input: { id: open.id, expectedVersion: open.version, meetingScheduledOn: "2024-06-06" } });
    expect(moved.legalityReviewUpdate).toEqual({ legalityReview: { meetingScheduledOn: "2024-06-06" }, userErrors: [] });
    expect(await entry("dueFirst")).toMatchObject({ deadlineOn: "2024-06-06", deadlineSetBy: "SCHEDULED_MEETING", reviewWorkingDays: 5, shortPeriodWarning: { kind: "SHORT_PERIOD" } });
  });

  it("orders breaches first, then overdue reviews, then by due date, then by submission; pages with cursors; filters and counts by state and body", async () => {
    const all = (await queue({ first: 100 })).nodes as { state: string; deadlineOn: string | null; submittedOn: string | null; decision: { id: string } }[];
    const rank = (state: string) => (state === "DELIBERATED_WITHOUT_LAWFUL_REVIEW" ? 0 : state === "OVERDUE" ? 1 : 2);
    const keys = all.map((item) => `${rank(item.state)}|${item.deadlineOn ?? "9999-12-31"}|${item.submittedOn ?? "9999-12-31"}`);
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
