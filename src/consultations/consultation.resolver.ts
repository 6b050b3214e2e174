import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { type AppContext } from "../context.js";
import { connectionOf } from "../graphql/connection.js";
import { ForwardPageArgs } from "../graphql/page-args.js";
import { Comment } from "./comment.type.js";
import { Consultation } from "./consultation.type.js";

const CommentConnection = connectionOf(Comment, "Comment", "published comment");

@Resolver(() => Consultation)
export class ConsultationResolver {
  @FieldResolver(() => CommentConnection, { description: "Published comments and the answers to them, in order of submission." })
  comments(@Root() consultation: Consultation & { rowId: string }, @Args(() => ForwardPageArgs) page: ForwardPageArgs, @Ctx() { services }: AppContext) {
    return services.nodes.childConnection("comments", consultation.rowId, page);
  }
}
