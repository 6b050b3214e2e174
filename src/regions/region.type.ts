import { Field, Int, ObjectType } from "type-graphql";
import { graphqlEnum } from "../graphql/enums.js";
import { Node } from "../graphql/node.type.js";
import { regionLevel } from "./region.table.js";

export const RegionLevel = graphqlEnum(regionLevel.enumValues, "RegionLevel", "Level in the administrative region tree (行政区划层级).", {
  CITY: "City or county (市/县).",
  TOWN: "Town, township or subdistrict (镇/乡/街道).",
  VILLAGE: "Village or community (村/社区).",
  VILLAGER_GROUP: "Villager group (村民小组).",
});

@ObjectType({ implements: Node, description: "An administrative region (行政区划). Regions form a tree: city → town or subdistrict → village or community → villager group." })
export class Region extends Node {
  @Field(() => String, { description: "Administrative division code (统计用区划代码)." })
  code!: string;

  @Field(() => String, { description: "Name, in the script of the source records." })
  name!: string;

  @Field(() => RegionLevel, { description: "Level in the tree." })
  level!: string;

  @Field(() => Int, { description: "Depth in the tree; the root is 0." })
  depth!: number;

  parentId!: string | null;
  rowId!: string;
}
