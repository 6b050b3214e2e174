import { basename } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that take a minute or more on PGlite, longest first (CI on 2 cores, 2026-12-08: 129, 121,
 * 103, 89, 79, 70 and 59 s). On a clean checkout Vitest starts the largest files first, and three of
 * these are small: started near the end, one of them ran alone while the other core sat idle.
 */
const LONG_FILES = ["withholding", "withheld-over-time", "startup", "seed", "site-browser", "keys", "batching"];

/** Vitest's order (failed first, then longest by its cache or largest), with the long files before all others. */
export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const known = LONG_FILES.indexOf(basename(file.moduleId, ".test.ts"));
      return known === -1 ? LONG_FILES.length : known;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
