import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { PublicBody } from "../bodies/public-body.type.js";
import { type KindContext } from "../store/kind-context.js";
import { LegalityReview } from "./legality-review.type.js";

@Resolver(() => LegalityReview)
export class LegalityReviewResolver {
  @FieldResolver(() => PublicBody, { description: "The body that reviewed legality (合法性审查机构)." })
  reviewingBody(@Root() review: LegalityReview, @Ctx() { services }: KindContext) {
    return services.nodes.load("PublicBody", review.reviewingBodyId);
  }
}
