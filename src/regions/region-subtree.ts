import { eq, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { builtStatement, serialOf } from "../db/built-statements.js";
import { type AppDb } from "../db/database.js";
import { literalPathPrefix } from "../db/literals.js";
import { type disclosed } from "../disclosure/disclosed.tables.js";

type Regions = typeof disclosed.regions;

/**
 * How much of the tree a region is, which decides how a statement best finds its decisions:
 * - large, at least 1/LARGE_SHARE of the regions: many decisions, best found walking an index in the
 *   order wanted; the region is written into the statement by its path, so that a generic plan sees
 *   it (each large region is one more text of a statement, and few regions are large); `wholeTree`
 *   when every region is under it;
 * - tiny, under 1/TINY_SHARE (a village): best found first and sorted;
 * - any other (a town): one statement for all, planned for a region of a few of the tree's decisions.
 * A generic plan cannot see which region a parameter names and plans every region alike: for the
 * whole city it read and sorted every decision on every page of a list but the first (360–460 ms at
 * 100,000 decisions) and read every comment for each page of a file; for a village its first page
 * walked the order's index past the rest of the tree (18–49 ms).
 */
export type RegionSize = { large: true; path: string; wholeTree: boolean } | { large: false; tiny: boolean };

const LARGE_SHARE = 16;
const TINY_SHARE = 256;

/**
 * The counts stop here, so that the look-up costs the same in a national tree of 700,000 regions as
 * in a county's: past 65,536 regions, a region with 4,096 under it counts as large (a province).
 */
const COUNTED_IN_TREE = 65_536;
const COUNTED_IN_REGION = COUNTED_IN_TREE / LARGE_SHARE;

export async function regionSize(read: <T>(work: (db: AppDb) => Promise<T>) => Promise<T>, regions: Regions, regionId: string): Promise<RegionSize> {
  // Named apart from the regions it counts, and by that name inside the count: drizzle writes a
  // lone table's columns unqualified, which there would mean the counted region's.
  const region = alias(regions, "region");
  const [found] = await read((db) =>
    builtStatement(db, `regions:size:${serialOf(regions)}`, (db) =>
      db
        .select({
          path: region.path,
          inRegion: sql<number>`(SELECT count(*) FROM (SELECT 1 FROM ${regions} s WHERE s.path LIKE region.path || '%' LIMIT ${sql.raw(String(COUNTED_IN_REGION))}) s)`.mapWith(Number),
          inTree: sql<number>`(SELECT count(*) FROM (SELECT 1 FROM ${regions} LIMIT ${sql.raw(String(COUNTED_IN_TREE))}) t)`.mapWith(Number),
        })
        .from(region)
        .where(eq(region.id, sql.placeholder("id"))),
    ).execute({ id: regionId }),
  );
  if (!found) return { large: false, tiny: true };
  if (found.inRegion * LARGE_SHARE < found.inTree) return { large: false, tiny: found.inRegion * TINY_SHARE < found.inTree };
  // Every region of the tree is under it (both counts below their limits, so both exact): the root
  // of a city's tree, whose decisions are every decision.
  return { large: true, path: found.path, wholeTree: found.inRegion === found.inTree && found.inTree < COUNTED_IN_REGION };
}

/**
 * `regionColumn` names the region or a region under it: a large region by its path (see
 * `regionSize`), any other by its id, a value bound as the caller binds values.
 */
export function inRegionSubtree(regionColumn: SQLWrapper, regions: Regions, region: { largePath: string } | { id: SQLWrapper }): SQL {
  const pattern = "largePath" in region ? literalPathPrefix(region.largePath) : sql`(SELECT r.path FROM ${regions} r WHERE r.id = ${region.id}) || '%'`;
  return sql`${regionColumn} IN (SELECT ${regions.id} FROM ${regions} WHERE ${regions.path} LIKE ${pattern})`;
}
