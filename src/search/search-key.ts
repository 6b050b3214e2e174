import * as OpenCC from "opencc-js";

// Traditional and Simplified text must meet: both sides are folded to Simplified before comparing.
// Character by character, never by phrase: a phrase converter may turn a character one way inside a
// word and another way alone (乾隆 / 乾), and a substring search must fold a part as the whole.
const tsCharacters = OpenCC.Locale.to.cn![0]![1]!;
const toSimplified = OpenCC.ConverterFactory([[tsCharacters]]);

/** Characters that one script writes two ways where the character table keeps the Traditional form. */
const variants: Record<string, string> = { 着: "著" };

/** The normalised form of text for search: NFKC (full-width → half-width), lower case, Simplified. */
export function searchKey(text: string): string {
  return toSimplified(text.normalize("NFKC").toLowerCase())
    .replace(/[着]/g, (c: string) => variants[c] ?? c)
    .replace(/\s+/g, " ")
    .trim();
}

/** A LIKE pattern matching the key anywhere, with LIKE's own characters escaped. */
export function containsPattern(key: string): string {
  return `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const space = /\s/;

/**
 * The grams a document's key must hold to contain `key`: its pairs of characters (a pair implies
 * both its characters) and the characters no pair covers, a subset of what `search_grams()` keeps
 * for the same text. Fewer grams, fewer index lists to intersect: 5 instead of 11 for 农贸市场改造.
 */
export function requiredGrams(key: string): string[] {
  const characters = [...key];
  const grams = new Set<string>();
  const covered = new Set<number>();
  for (let i = 0; i + 1 < characters.length; i += 1) {
    if (space.test(characters[i]!) || space.test(characters[i + 1]!)) continue;
    grams.add(characters[i]! + characters[i + 1]!);
    covered.add(i).add(i + 1);
  }
  characters.forEach((character, i) => {
    if (!covered.has(i) && !space.test(character)) grams.add(character);
  });
  return [...grams];
}
