import { Args, type ClassType, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { type KindContext } from "./kind-context.js";
import { ForwardPageArgs } from "../graphql/page-args.js";
import { type ChildListName } from "./child-lists.js";
import { type NodeRow } from "./node.js";

/** The connection field `list` on `parentType`: a page of its child records, with their cursors and count. */
export function childListResolver(parentType: ClassType, list: ChildListName, connectionType: ClassType, description: string) {
  @Resolver(() => parentType)
  class ChildListResolver {
    // The method is named after the list: type-graphql keys field resolvers by method name per type.
    @FieldResolver(() => connectionType, { description })
    [list](@Root() parent: NodeRow, @Args(() => ForwardPageArgs) page: ForwardPageArgs, @Ctx() { services }: KindContext) {
      return services.nodes.childConnection(list, parent.rowId, page);
    }
  }
  return ChildListResolver;
}
