import { type SampleRegion } from "./sample.types.js";

/**
 * A region tree modelled on a county-level city of Anhui (桐城市, 340881): the city, its towns and
 * subdistricts, some villages and communities, and two villager groups. Parents come before children.
 */
export const sampleRegions: SampleRegion[] = [
  { code: "340881000000", name: "桐城市", level: "CITY", parentCode: null },

  { code: "340881100000", name: "孔城鎮", level: "TOWN", parentCode: "340881000000" },
  { code: "340881101000", name: "范崗鎮", level: "TOWN", parentCode: "340881000000" },
  { code: "340881102000", name: "新渡鎮", level: "TOWN", parentCode: "340881000000" },
  { code: "340881103000", name: "文昌街道", level: "TOWN", parentCode: "340881000000" },
  { code: "340881104000", name: "龍眠街道", level: "TOWN", parentCode: "340881000000" },

  { code: "340881100001", name: "孔城社區", level: "VILLAGE", parentCode: "340881100000" },
  { code: "340881100201", name: "桐梓村", level: "VILLAGE", parentCode: "340881100000" },
  { code: "340881100202", name: "雙鋪村", level: "VILLAGE", parentCode: "340881100000" },

  { code: "340881101201", name: "龍河村", level: "VILLAGE", parentCode: "340881101000" },
  { code: "340881101202", name: "官橋村", level: "VILLAGE", parentCode: "340881101000" },

  { code: "340881103001", name: "和平社區", level: "VILLAGE", parentCode: "340881103000" },
  { code: "340881103002", name: "東門社區", level: "VILLAGE", parentCode: "340881103000" },

  { code: "340881100201001", name: "桐梓村上屋村民組", level: "VILLAGER_GROUP", parentCode: "340881100201" },
  { code: "340881100201002", name: "桐梓村下灣村民組", level: "VILLAGER_GROUP", parentCode: "340881100201" },
];
