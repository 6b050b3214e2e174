import { index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { idColumn, timestampColumns } from "../db/columns.js";
import { regions } from "../regions/region.table.js";

/** Kinds of public body (行政机关及其他主体) that decide, undertake or review decisions. */
export const publicBodyKind = pgEnum("public_body_kind", [
  "PEOPLES_GOVERNMENT",
  "GOVERNMENT_DEPARTMENT",
  "TOWN_GOVERNMENT",
  "SUBDISTRICT_OFFICE",
  "VILLAGE_COMMITTEE",
  "COMMUNITY_COMMITTEE",
  "LEGAL_AFFAIRS_OFFICE",
  "OTHER",
]);

/**
 * Bodies of villagers' and residents' self-government (基层群众性自治组织, 村民委员会组织法 art. 2,
 * 城市居民委员会组织法 art. 2), not administrative organs: what they decide is outside Decree 713.
 */
export const SELF_GOVERNING_BODIES: ReadonlySet<string> = new Set(["VILLAGE_COMMITTEE", "COMMUNITY_COMMITTEE"]);

export const publicBodiesColumns = () => ({
  id: idColumn(),
  name: text("name").notNull().unique(),
  kind: publicBodyKind("kind").notNull(),
  regionId: uuid("region_id")
    .notNull()
    .references(() => regions.id),
  ...timestampColumns(),
});

export const publicBodies = pgTable(
  "public_bodies",
  publicBodiesColumns(),
  (t) => [index("public_bodies_region_idx").on(t.regionId)],
);
