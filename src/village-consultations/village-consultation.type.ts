import { Field, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../graphql/enums.js";
import { LocalDateScalar } from "../graphql/local-date.scalar.js";
import { Node } from "../graphql/node.type.js";
import { villageCommitteeRole, villageConsultationLevel, villageConsultationRating, villageConsultationStep } from "./village-consultation.table.js";

export const VillageConsultationLevel = graphqlEnum(villageConsultationLevel.enumValues, "VillageConsultationLevel", "The level at which a matter is consulted on (三级协商).", {
  TOWN: "Town or subdistrict (镇、街道).",
  VILLAGE: "Administrative village or community (村、社区).",
  VILLAGER_GROUP: "Natural village or villager group (自然村、村民小组).",
});

export const VillageConsultationRating = graphqlEnum(villageConsultationRating.enumValues, "VillageConsultationRating", "How the residents judged the result (成果评议).", {
  SATISFIED: "Satisfied (满意).",
  BASICALLY_SATISFIED: "Basically satisfied (基本满意).",
  DISSATISFIED: "Dissatisfied (不满意).",
});

export const VillageCommitteeRole = graphqlEnum(villageCommitteeRole.enumValues, "VillageCommitteeRole", 'Who sits on a consultation committee, formed for each consultation as "1+N+X" (协商委员会).', {
  SECRETARY: 'The "1": the village or community Party secretary (村（社区）书记).',
  TWO_COMMITTEES_MEMBER: 'One of the "N": a member of the village Party committee or villagers\' committee other than the secretary (“两委”成员).',
  SUPERVISORY_COMMITTEE_MEMBER: 'One of the "N": a member of the village affairs supervisory committee (监督委员会成员).',
  PARTY_CONGRESS_DEPUTY: 'One of the "N": a Party congress deputy (党代表).',
  PEOPLES_CONGRESS_DEPUTY: 'One of the "N": a people\'s congress deputy (人大代表).',
  CPPCC_MEMBER: 'One of the "N": a member of the political consultative conference (政协委员).',
  RESIDENT_REPRESENTATIVE: 'One of the "N": a villagers\' or residents\' representative (村（居）民代表).',
  PROFESSIONAL: 'One of the "N": a professional (专业人士).',
  INTERESTED_PARTY: 'The "X": the parties whose interests the matter touches, who attend (相关利益方, 列席).',
});

export const VillageConsultationStepKind = graphqlEnum(villageConsultationStep.enumValues, "VillageConsultationStepKind", "The five steps of a consultation, each with its list (五步五单).", {
  COLLECTION: "Collection of the matter (事项采集), with its collection list.",
  ASSIGNMENT: "Assignment (交办), with its assignment list.",
  HANDLING: "Handling (办理): the consultation meetings, with the handling list.",
  RESULT_PUBLICATION: "Publication of the result (结果公示), with its publication list.",
  EVALUATION: "Evaluation of the outcome by the residents (成果评议), with its evaluation list.",
});

@ObjectType({
  implements: Node,
  description:
    'A village consultation (村级协商) under the "11355" mechanism: a matter consulted on by a committee formed for it, through five steps, at one of three levels. Published in the file of the decision it led to, or of the village matter it settled.',
})
export class VillageConsultation extends Node {
  @Field(() => VillageConsultationLevel, { description: "The level at which the matter is consulted on." })
  level!: string;

  @Field(() => String, { nullable: true, description: "The consultation committee's charter and rules of procedure (章程和议事流程): their title, or where they are published. Null when not recorded." })
  charter!: string | null;

  @Field(() => String, { nullable: true, description: "The entry of the village's consultation catalogue (协商共治目录) the matter falls under. Null when none was recorded." })
  catalogueItem!: string | null;

  @Field(() => String, { nullable: true, description: "The matter consulted on (协商事项). Null when withheld." })
  matter!: string | null;

  @Field(() => LocalDateScalar, { description: "The day the matter was taken up (collected)." })
  startedOn!: string;

  @Field(() => Int, { nullable: true, description: "How many consultation meetings were held (协商会议). Null when not recorded." })
  meetingCount!: number | null;

  @Field(() => String, { nullable: true, description: "What the consultation settled (协商结果). Null while open, or when withheld." })
  result!: string | null;

  @Field(() => VillageConsultationRating, { nullable: true, description: "How the residents judged the result (成果评议). Null until evaluated." })
  rating!: string | null;

  @Field(() => String, { nullable: true, description: "The residents' evaluation in words. Null when absent or withheld." })
  evaluation!: string | null;

  regionId!: string | null;
  decisionId!: string;
}

@ObjectType({ implements: Node, description: 'One kind of member of a consultation committee ("1+N+X"), with how many sat.' })
export class VillageCommitteeMember extends Node {
  @Field(() => VillageCommitteeRole, { description: "The kind of member." })
  role!: string;

  @Field(() => Int, { description: "How many of this kind sat on the committee (or attended, for interested parties)." })
  memberCount!: number;

  @Field(() => String, { nullable: true, description: "Their names. Null when absent or withheld (often on the ground of personal privacy)." })
  names!: string | null;

  villageConsultationId!: string;
  decisionId!: string;
}

@ObjectType({ implements: Node, description: "One step of a village consultation, with its date and its list (五步五单)." })
export class VillageConsultationStep extends Node {
  @Field(() => VillageConsultationStepKind, { description: "Which of the five steps." })
  step!: string;

  @Field(() => LocalDateScalar, { description: "The day the step was taken (for handling, the day of a meeting)." })
  takenOn!: string;

  @Field(() => String, { nullable: true, description: "The step's list (清单): what was collected, assigned, done, published or judged. Null when absent or withheld." })
  list!: string | null;

  villageConsultationId!: string;
  decisionId!: string;
}
