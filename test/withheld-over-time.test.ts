import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordDisclosures } from "../src/disclosure/record-types.js";
import { TestApi } from "./support/api.js";
import { logHolds, type Operation, PropertyWorld } from "./support/property-world.js";

/**
 * Random sequences of editors' and residents' operations on a decision's file with a record of every
 * kind, each value a canary; after every operation the decision as the public reads it, and at the end
 * everything else the public can read (files, feed, look-ups, search, counts, statistics, the log), are
 * compared with the reference model (test/support/public-model.ts). PROPERTY_RUNS sets how many random
 * sequences run after the examples (CI: a few; more to hunt); PROPERTY_SEED replays one.
 */
// fast-check counts the examples among its runs.
const runs = Number(process.env.PROPERTY_RUNS ?? 6);
const seed = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined;
/** PROPERTY_EXAMPLES=0 leaves out the fixed sequences (fast-check shrinks only what it generated). */
const withExamples = process.env.PROPERTY_EXAMPLES !== "0";

/** Slots of the world in the order they are made: the decision, then one record of each kind, then the comment. */
const SLOTS = ["decision", "basis", "consultation", "expert", "risk", "finding", "legality", "deliberation", "publication", "implementation", "village", "villageMember", "villageStep", "postEvaluation", "attachment", "comment0"];

/**
 * Operations aim at two records of the world (the run's focus), so that a short sequence often
 * withholds, edits and releases the same field: the sequences that found the defects.
 */
const operation = (focus: [number, number]): fc.Arbitrary<Operation> => {
  const slot = fc.constantFrom(...focus);
  const field = fc.nat({ max: 1 });
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant("update" as const), slot, field }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant("withholdField" as const), slot, field }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("withholdWhole" as const), slot }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant("release" as const), slot, field }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("withdraw" as const), slot }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("submit" as const) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("createBasis" as const) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("moderate" as const), comment: fc.nat({ max: 3 }), publish: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("answer" as const), comment: fc.nat({ max: 3 }), result: fc.nat({ max: 2 }) }) },
  );
};

// Half the runs focus on the decision, whose fields have a revision history, and one other record.
const scenario = fc
  .tuple(fc.oneof(fc.constant(0), fc.nat({ max: SLOTS.length - 1 })), fc.nat({ max: SLOTS.length - 1 }))
  .chain((focus) => fc.tuple(fc.constant(focus), fc.array(operation(focus), { minLength: 1, maxLength: 12 })));

/**
 * Every kind of record goes through the sequence that brought a withheld value back (set, withhold,
 * change, release), a whole withholding and its release, an answer to a comment whose reply is
 * withheld, and a withdrawal: run first, whatever the random runs draw.
 */
const COMMENT = SLOTS.indexOf("comment0");
const everyKind: [[number, number], Operation[]][] = SLOTS.map((_, index) => [
  [index, COMMENT],
  [
    { op: "update", slot: index, field: 0 },
    { op: "withholdField", slot: index, field: 0 },
    { op: "update", slot: index, field: 0 },
    { op: "release", slot: index, field: 0 },
    { op: "withholdWhole", slot: index },
    { op: "update", slot: index, field: 1 },
    { op: "release", slot: index, field: 0 },
    { op: "withholdField", slot: COMMENT, field: 1 },
    { op: "answer", comment: 0, result: 0 },
    { op: "submit" },
    { op: "moderate", comment: 1, publish: true },
    { op: "withdraw", slot: index },
  ],
]);

describe("what the public sees of a decision's file over time is what the reference model says", () => {
  let api: TestApi;
  const log: string[] = [];
  let run = 0;
  beforeAll(async () => {
    // With the response cache on: every read after a write the public cannot see may be a kept answer, and must still be the model's.
    api = await TestApi.start({ clock: () => new Date("2026-03-10T04:00:00Z"), log: { write: (line) => void log.push(line) }, responseCacheMb: 64, sharedNodes: true });
  });
  afterAll(() => api.stop());

  it("holds for every kind of record and random sequences of operations", { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ([focus, operations]) => {
        const world = await PropertyWorld.create(api, ++run, log);
        for (const step of operations) {
          const target = "slot" in step ? { ...step, slot: focus.includes(step.slot) ? step.slot : focus[0] } : step;
          await world.execute(target);
          await world.observeGraph();
        }
        await world.observeEverything();
      }),
      { numRuns: (withExamples ? everyKind.length : 0) + runs, examples: withExamples ? everyKind.map((example) => [example] as [typeof example]) : [], seed },
    );
  });

  it("finds a budget's canary in a log line as a number of its own, not inside a response time's digits", () => {
    for (const line of ['{"budgetYuan":900001003}', '{"budgetYuan":"900001003.00"}', "budget 900001003 yuan"]) expect(logHolds(line, "900001003"), line).toBe(true);
    for (const line of ['{"responseTime":12.345679000010030}', '{"bytes":1900001003}']) expect(logHolds(line, "900001003"), line).toBe(false);
    expect(logHolds('{"path":"/x/canary1x2q"}', "canary1x2q")).toBe(true);
  });

  it("covers every kind of record the registry declares", () => {
    // A kind added to the registry without a slot here would go untested.
    expect(SLOTS.length).toBe(recordDisclosures.length); // one slot a kind, the comment last
  });
});
