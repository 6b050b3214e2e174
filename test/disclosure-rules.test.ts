import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assertClassified } from "../src/disclosure/projection.sql.js";
import { recordDisclosures } from "../src/disclosure/record-types.js";

describe("the rules of what may be disclosed", () => {
  it("classify every column of every record table exactly once", () => {
    for (const record of recordDisclosures) expect(() => assertClassified(record)).not.toThrow();
  });

  it("refuse to build the projection when a column is not classified, so nothing new is published by default", () => {
    const table = pgTable("probe", { id: uuid("id"), secret: text("secret") });
    const record = { ...recordDisclosures[0]!, table, published: ["id"], withholdable: [], confidential: [] };
    expect(() => assertClassified(record)).toThrow(/secret/);
    expect(() => assertClassified({ ...record, published: ["id", "secret"], withholdable: ["secret"] })).toThrow(/secret/);
  });

  it("keep commenters' names and contact details out of the projection", () => {
    const comments = recordDisclosures.find((r) => r.recordType === "comments")!;
    expect(comments.confidential).toEqual(expect.arrayContaining(["commenterName", "commenterContact"]));
    expect(Object.keys(getTableColumns(comments.table))).toContain("commenterContact");
  });
});
