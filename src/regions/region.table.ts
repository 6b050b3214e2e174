import { index, integer, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { idColumn, timestampColumns } from "../db/columns.js";

/** 行政区划层级: city → town or subdistrict → village or community → villager group. */
export const regionLevel = pgEnum("region_level", ["CITY", "TOWN", "VILLAGE", "VILLAGER_GROUP"]);

export const regionsColumns = () => ({
  id: idColumn(),
  /** Administrative division code (统计用区划代码). */
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  level: regionLevel("level").notNull(),
  parentId: uuid("parent_id"),
  /** Materialised path of ancestor codes, "/340881000000/340881100000/", so a subtree is one prefix match. */
  path: text("path").notNull(),
  depth: integer("depth").notNull(),
  ...timestampColumns(),
});

export const regions = pgTable(
  "regions",
  regionsColumns(),
  (t) => [index("regions_path_idx").using("btree", t.path.op("text_pattern_ops")), index("regions_parent_idx").on(t.parentId)],
);
