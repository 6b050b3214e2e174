import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from "type-graphql";
import { DateTimeISOResolver } from "graphql-scalars";
import { LocalDateScalar } from "../graphql/local-date.scalar.js";
import { type AppContext } from "../context.js";
import { UserError } from "../graphql/user-error.type.js";
import { WithholdingGround } from "./withholding-notice.type.js";

@ObjectType({ description: "A decision to withhold a field or a whole record, as editors see it (with its id, to release it)." })
export class Withholding {
  @Field(() => ID, { description: "Global id of the withholding." })
  id!: string;

  @Field(() => String, { nullable: true, description: "The withheld field; null when the whole record is withheld." })
  field!: string | null;

  @Field(() => WithholdingGround, { description: "Legal ground. Process information and law-enforcement case files (Decree 711 art. 16(2)) cannot cover the published decision, its text or its explanation, which the law requires to be public (Decree 713 art. 32)." })
  ground!: string;

  @Field(() => String, { description: "Article cited: it must name the article of Decree 711 the ground rests on (第十四条, 第十五条, or 第十六条 with 第一款 for internal affairs, 第二款 for process information), in either script or in figures; other laws may be cited beside it." })
  article!: string;

  @Field(() => String, { description: "Plain-language explanation." })
  explanation!: string;

  @Field(() => LocalDateScalar, { description: "Since when." })
  withheldSince!: string;

  @Field(() => LocalDateScalar, { description: "When it is due for re-evaluation (art. 18)." })
  reviewDue!: string;

  @Field(() => DateTimeISOResolver, { nullable: true, description: "When it was released; null while in force." })
  releasedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Why it was released." })
  releaseReason!: string | null;
}

@InputType({ description: "What to withhold, and on which legal ground." })
export class WithholdingCreateInput {
  @Field(() => ID, { description: "The record (any part of a decision's file, or the decision)." })
  recordId!: string;

  @Field(() => String, { nullable: true, description: "The field to withhold; omit to withhold the whole record." })
  field?: string | null;

  @Field(() => WithholdingGround, { description: "Legal ground." })
  ground!: "STATE_SECRET";

  @Field(() => String, { description: "The article of law cited." })
  article!: string;

  @Field(() => String, { description: "Plain-language explanation for the public (art. 37)." })
  explanation!: string;

  @Field(() => ID, { description: "The public body that decided to withhold." })
  decidedByBodyId!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Since when; default today." })
  since?: string | null;

  @Field(() => LocalDateScalar, { description: "When it is to be re-evaluated (art. 18)." })
  reviewDue!: string;
}

@InputType({ description: "The withholding to release." })
export class WithholdingReleaseInput {
  @Field(() => ID, { description: "Global id of the withholding (from `withheld { withholdingId }`)." })
  id!: string;

  @Field(() => String, { description: "Why it is released (recorded with it)." })
  reason!: string;
}

@ObjectType({ description: "Result of a withholding mutation." })
export class WithholdingPayload {
  @Field(() => Withholding, { nullable: true, description: "The withholding; null when refused." })
  withholding!: Withholding | null;

  @Field(() => [UserError], { description: "Why it was refused; empty on success." })
  userErrors!: UserError[];
}

@Resolver()
export class WithholdingResolver {
  @Mutation(() => WithholdingPayload, { description: "Withholds a field or a whole record from the public (editor keys). In force from the next request. Audited." })
  withholdingCreate(@Arg("input", () => WithholdingCreateInput, { description: "What and why." }) input: WithholdingCreateInput, @Ctx() { services }: AppContext) {
    return services.withholdings.create(input);
  }

  @Mutation(() => WithholdingPayload, { description: "Releases a withholding (editor keys): the value is public again; the withholding stays on record with its release. Audited." })
  withholdingRelease(@Arg("input", () => WithholdingReleaseInput, { description: "Which and why." }) input: WithholdingReleaseInput, @Ctx() { services }: AppContext) {
    return services.withholdings.release(input);
  }
}
