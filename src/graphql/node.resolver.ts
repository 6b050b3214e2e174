import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { type AppContext } from "../context.js";
import { MAX_PAGE_SIZE } from "./page-args.js";
import { Node } from "./node.type.js";
import { UserInputError } from "./user-input.error.js";

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any object by its global id; null if there is none the viewer may see." })
  node(@Arg("id", () => ID, { description: "A global id." }) id: string, @Ctx() { services }: AppContext) {
    return services.nodes.byGlobalId(id);
  }

  @Query(() => [Node], { nullable: "items", description: `Objects by global ids (at most ${MAX_PAGE_SIZE}), in the order asked; null for each the viewer may not see.` })
  nodes(@Arg("ids", () => [ID], { description: "Global ids." }) ids: string[], @Ctx() { services }: AppContext) {
    if (ids.length > MAX_PAGE_SIZE) throw new UserInputError(`"ids" may hold at most ${MAX_PAGE_SIZE} ids, got ${ids.length}.`, "ids");
    return Promise.all(ids.map((id, i) => services.nodes.byGlobalId(id, `ids[${i}]`)));
  }
}
