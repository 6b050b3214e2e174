import * as OpenCC from "opencc-js";

// Traditional and Simplified text must meet: both sides are folded to Simplified before comparing.
const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });

/** The normalised form of text for search: NFKC (full-width → half-width), lower case, Simplified. */
export function searchKey(text: string): string {
  return toSimplified(text.normalize("NFKC").toLowerCase()).replace(/\s+/g, " ").trim();
}

/** A LIKE pattern matching the key anywhere, with LIKE's own characters escaped. */
export function containsPattern(key: string): string {
  return `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
