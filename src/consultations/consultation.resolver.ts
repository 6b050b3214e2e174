import { connectionOf } from "../graphql/connection.js";
import { childListResolver } from "../store/child-list.resolver.js";
import { Comment } from "./comment.type.js";
import { Consultation } from "./consultation.type.js";

export const ConsultationCommentsResolver = childListResolver(
  Consultation,
  "comments",
  connectionOf(Comment, "Comment", "published comment"),
  "Published comments and the answers to them, in order of submission.",
);
