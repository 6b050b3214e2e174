import { eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { builtStatement, serialOf } from "../db/built-statements.js";
import { type AppDb } from "../db/database.js";
import { literalPathPrefix } from "../db/literals.js";
import { type disclosed } from "../disclosure/disclosed.tables.js";

type Regions = typeof disclosed.regions;

/**
 * A region whose part of the tree holds at least 1/LARGE_REGION_SHARE of all regions is large: its
 * decisions are many, and reading them is best done by walking an index in the order wanted. The
 * rest share one statement, planned for a region of a few of the tree's decisions, which suits them.
 * Few regions are large, and each is one more text of a statement.
 */
export const LARGE_REGION_SHARE = 16;

/**
 * The counts stop here, so that the look-up costs the same in a national tree of 700,000 regions as
 * in a county's: past 65,536 regions, a region with 4,096 under it counts as large (a province).
 */
const COUNTED_IN_TREE = 65_536;
const COUNTED_IN_REGION = COUNTED_IN_TREE / LARGE_REGION_SHARE;

/**
 * The path of a region whose part of the tree is large, to be written into a statement.
 * A generic plan cannot see which region a parameter names, and plans every region as a few of the
 * tree's: for the whole city it read and sorted every decision on every page of a list but the first
 * (360–460 ms at 100,000 decisions) and read every comment for each page of a file.
 */
export async function largeRegionPath(read: <T>(work: (db: AppDb) => Promise<T>) => Promise<T>, regions: Regions, regionId: string): Promise<string | undefined> {
  // Named apart from the regions it counts, and by that name inside the count: drizzle writes a
  // lone table's columns unqualified, which there would mean the counted region's.
  const region = alias(regions, "region");
  const [found] = await read((db) =>
    builtStatement(db, `regions:large:${serialOf(regions)}`, (db) =>
      db
        .select({
          path: region.path,
          large: sql<boolean>`(SELECT count(*) FROM (SELECT 1 FROM ${regions} s WHERE s.path LIKE region.path || '%' LIMIT ${sql.raw(String(COUNTED_IN_REGION))}) s) * ${sql.raw(String(LARGE_REGION_SHARE))}
            >= (SELECT count(*) FROM (SELECT 1 FROM ${regions} LIMIT ${sql.raw(String(COUNTED_IN_TREE))}) t)`,
        })
        .from(region)
        .where(eq(region.id, sql.placeholder("id"))),
    ).execute({ id: regionId }),
  );
  return found?.large ? found.path : undefined;
}

/**
 * `regionColumn` names the region or a region under it: a large region by its path (see
 * `largeRegionPath`), any other by its id, a value bound as the caller binds values.
 */
export function inRegionSubtree(regionColumn: SQLWrapper, regions: Regions, region: { largePath: string } | { id: SQLWrapper }): SQL {
  const pattern = "largePath" in region ? literalPathPrefix(region.largePath) : sql`(SELECT r.path FROM ${regions} r WHERE r.id = ${region.id}) || '%'`;
  return sql`${regionColumn} IN (SELECT ${regions.id} FROM ${regions} WHERE ${regions.path} LIKE ${pattern})`;
}
