import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { type KindContext } from "../store/kind-context.js";
import { type RegionService } from "./region.service.js";
import { RegionLevel, Region } from "./region.type.js";

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], { description: "Regions, in code order; all of them, or those of one level." })
  regions(
    @Arg("level", () => RegionLevel, { nullable: true, description: "Only regions of this level." }) level: string | null,
    @Ctx() { services }: KindContext<{ regions: RegionService }>,
  ) {
    return services.regions.list(level);
  }

  @FieldResolver(() => Region, { nullable: true, description: "The region this one belongs to; null for the root." })
  parent(@Root() region: Region, @Ctx() { services }: KindContext<{ regions: RegionService }>) {
    return services.nodes.load("Region", region.parentId);
  }

  @FieldResolver(() => [Region], { description: "The regions directly under this one, in code order." })
  children(@Root() region: Region, @Ctx() { services }: KindContext<{ regions: RegionService }>) {
    return services.regions.children(region.rowId);
  }
}
