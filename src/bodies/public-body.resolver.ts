import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { type KindContext } from "../store/kind-context.js";
import { type PublicBodyService } from "./public-body.service.js";
import { Region } from "../regions/region.type.js";
import { PublicBodyKind, PublicBody } from "./public-body.type.js";

@Resolver(() => PublicBody)
export class PublicBodyResolver {
  @Query(() => [PublicBody], { description: "Public bodies, by name; all of them, or those of one kind." })
  bodies(
    @Arg("kind", () => PublicBodyKind, { nullable: true, description: "Only bodies of this kind." }) kind: string | null,
    @Ctx() { services }: KindContext<{ bodies: PublicBodyService }>,
  ) {
    return services.bodies.list(kind);
  }

  @FieldResolver(() => Region, { description: "The region the body serves." })
  region(@Root() body: PublicBody, @Ctx() { services }: KindContext<{ bodies: PublicBodyService }>) {
    return services.nodes.load("Region", body.regionId);
  }
}
