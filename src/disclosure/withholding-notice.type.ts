import { Field, ID, ObjectType } from "type-graphql";
import { LocalDateScalar } from "../graphql/local-date.scalar.js";
import { graphqlEnum } from "../graphql/enums.js";
import { recordType, withholdingGround } from "./withholding.table.js";

export const WithholdingGround = graphqlEnum(
  withholdingGround.enumValues,
  "WithholdingGround",
  "Legal ground for not disclosing (不予公开的理由), from the Regulations on Open Government Information (政府信息公开条例, State Council Decree 711, 2019).",
  {
    STATE_SECRET: "State secret (国家秘密), art. 14: shall not be disclosed.",
    PROHIBITED_BY_LAW: "Disclosure forbidden by law or administrative regulation (法律、行政法规禁止公开), art. 14.",
    ENDANGERS_SECURITY_OR_STABILITY: "Would endanger national, public or economic security or social stability (危及国家安全、公共安全、经济安全、社会稳定), art. 14.",
    COMMERCIAL_SECRET: "Commercial secret whose disclosure would harm a third party (商业秘密), art. 15, unless the third party consents or the public interest overrides.",
    PERSONAL_PRIVACY: "Personal privacy whose disclosure would harm a third party (个人隐私), art. 15, unless the third party consents or the public interest overrides.",
    INTERNAL_AFFAIRS: "Internal affairs information (内部事务信息): personnel, logistics, internal procedures, art. 16 para. 1; may be withheld.",
    PROCESS_INFORMATION: "Process information (过程性信息): discussion records, drafts, consultation letters, requests and reports, art. 16 para. 2; may be withheld.",
    LAW_ENFORCEMENT_CASE_FILE: "Administrative law-enforcement case file (行政执法案卷信息), art. 16 para. 2; may be withheld.",
  },
);

const recordKindOf = (type: string) => type.toUpperCase().replace(/S$/, "");
const recordKinds = recordType.enumValues.map(recordKindOf);

export const RecordKind = graphqlEnum(
  recordKinds,
  "RecordKind",
  "Kinds of record of a decision's file that can be withheld whole.",
  Object.fromEntries(recordKinds.map((kind) => [kind, `A record of kind ${kind.toLowerCase().replaceAll("_", " ")}.`])) as never,
);

export { recordKindOf };

export const WithholdingScope = graphqlEnum(["FIELD", "RECORD"], "WithholdingScope", "What a withholding covers.", {
  FIELD: "One field of a record that is otherwise public; the field reads as null.",
  RECORD: "A whole record; it is absent from every list, count and search, and this notice stands in its place on its parent.",
});

@ObjectType({
  description:
    "Notice that part of a record is withheld (art. 37: separable parts are released and the reason for what is withheld is given). A withheld field reads as null; the notice says which, on which legal ground, since when.",
})
export class WithholdingNotice {
  @Field(() => WithholdingScope, { description: "Whether one field or whole records are withheld." })
  scope!: keyof typeof WithholdingScope;

  @Field(() => String, {
    description: "The GraphQL field of this object that is withheld (scope FIELD) or under which the withheld records would be listed (scope RECORD).",
  })
  field!: string;

  @Field(() => RecordKind, { nullable: true, description: "For scope RECORD, the kind of record withheld; null for scope FIELD." })
  recordKind!: string | null;

  @Field(() => WithholdingGround, { description: "The legal ground." })
  ground!: string;

  @Field(() => String, { description: "The article of law cited, as written in the decision to withhold." })
  article!: string;

  @Field(() => String, { description: "Plain-language explanation of why this is withheld." })
  explanation!: string;

  @Field(() => LocalDateScalar, { description: "Since when it is withheld." })
  since!: string;

  @Field(() => LocalDateScalar, { description: "When the withholding is due to be re-evaluated (art. 18)." })
  reviewDue!: string;

  @Field(() => ID, { description: "Global id of the withholding (editors release it by this id)." })
  withholdingId!: string;

  /** Not a field: the deciding body is resolved by the notice resolver. */
  decidedByBodyId!: string;
}
