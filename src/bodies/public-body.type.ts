import { Field, ObjectType } from "type-graphql";
import { graphqlEnum } from "../graphql/enums.js";
import { Node } from "../graphql/node.type.js";
import { publicBodyKind } from "./public-body.table.js";

export const PublicBodyKind = graphqlEnum(publicBodyKind.enumValues, "PublicBodyKind", "Kind of public body.", {
  PEOPLES_GOVERNMENT: "People's government (人民政府).",
  GOVERNMENT_DEPARTMENT: "Department of a people's government (政府工作部门).",
  TOWN_GOVERNMENT: "Town or township people's government (镇/乡人民政府).",
  SUBDISTRICT_OFFICE: "Subdistrict office (街道办事处).",
  VILLAGE_COMMITTEE: "Villagers' committee (村民委员会).",
  COMMUNITY_COMMITTEE: "Residents' (community) committee (社区居民委员会).",
  LEGAL_AFFAIRS_OFFICE: "Body that conducts legality review (司法行政/合法性审查机构).",
  OTHER: "Other public body.",
});

@ObjectType({ implements: Node, description: "A public body that decides, undertakes or reviews decisions (决策机关、承办单位、审查机构)." })
export class PublicBody extends Node {
  @Field(() => String, { description: "Official name." })
  name!: string;

  @Field(() => PublicBodyKind, { description: "Kind of body." })
  kind!: string;

  regionId!: string;
}
