import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fromGlobalId, toGlobalId } from "../src/graphql/global-id.js";

const reference = (typeName: string, rowId: string) => Buffer.from(`${typeName}:${rowId}`, "utf8").toString("base64url");

describe("global ids", () => {
  it("are base64url of Type:uuid, unpadded, and decode back", () => {
    const typeNames = ["Decision", "Comment", "PublicBody", "RiskAssessment", "A"];
    for (let i = 0; i < 1_000; i++)
      for (const typeName of typeNames) {
        const rowId = randomUUID();
        const id = toGlobalId(typeName, rowId);
        expect(id).toBe(reference(typeName, rowId));
        expect(fromGlobalId(id)).toEqual({ typeName, rowId });
      }
  });

  it("encode any ASCII as base64url would, the characters it swaps (+ and /) and every padding included", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const text = Array.from({ length: i % 7 }, (_, j) => String.fromCharCode((i * 31 + j * 17) % 128)).join("");
      const id = toGlobalId("Decision", text);
      expect(id).toBe(reference("Decision", text));
      for (const character of id) if ("-_".includes(character)) seen.add(character);
    }
    expect([...seen].sort()).toEqual(["-", "_"]);
  });

  it("encode text beyond ASCII as UTF-8, as before", () => {
    for (const text of ["é", "決策", "😀", "\u0080"]) expect(toGlobalId("Decision", text)).toBe(reference("Decision", text));
  });
});
