import { type SampleBody } from "./sample.types.js";

/** The public bodies of the sample city that decide, undertake, review or withhold. */
export const sampleBodies: SampleBody[] = [
  { name: "桐城市人民政府", kind: "PEOPLES_GOVERNMENT", regionCode: "340881000000" },
  { name: "桐城市司法局", kind: "LEGAL_AFFAIRS_OFFICE", regionCode: "340881000000" },

  { name: "桐城市發展和改革委員會", kind: "GOVERNMENT_DEPARTMENT", regionCode: "340881000000" },
  { name: "桐城市自然資源和規劃局", kind: "GOVERNMENT_DEPARTMENT", regionCode: "340881000000" },
  { name: "桐城市住房和城鄉建設局", kind: "GOVERNMENT_DEPARTMENT", regionCode: "340881000000" },
  { name: "安慶市桐城市生態環境分局", kind: "GOVERNMENT_DEPARTMENT", regionCode: "340881000000" },
  { name: "桐城市教育局", kind: "GOVERNMENT_DEPARTMENT", regionCode: "340881000000" },
  { name: "桐城市財政局", kind: "GOVERNMENT_DEPARTMENT", regionCode: "340881000000" },

  { name: "孔城鎮人民政府", kind: "TOWN_GOVERNMENT", regionCode: "340881100000" },
  { name: "范崗鎮人民政府", kind: "TOWN_GOVERNMENT", regionCode: "340881101000" },
  { name: "新渡鎮人民政府", kind: "TOWN_GOVERNMENT", regionCode: "340881102000" },
  { name: "文昌街道辦事處", kind: "SUBDISTRICT_OFFICE", regionCode: "340881103000" },
  { name: "龍眠街道辦事處", kind: "SUBDISTRICT_OFFICE", regionCode: "340881104000" },

  { name: "桐城市司法局孔城司法所", kind: "LEGAL_AFFAIRS_OFFICE", regionCode: "340881100000" },
  { name: "桐城市司法局范崗司法所", kind: "LEGAL_AFFAIRS_OFFICE", regionCode: "340881101000" },

  { name: "孔城鎮孔城社區居民委員會", kind: "COMMUNITY_COMMITTEE", regionCode: "340881100001" },
  { name: "孔城鎮桐梓村村民委員會", kind: "VILLAGE_COMMITTEE", regionCode: "340881100201" },
  { name: "孔城鎮雙鋪村村民委員會", kind: "VILLAGE_COMMITTEE", regionCode: "340881100202" },
  { name: "范崗鎮龍河村村民委員會", kind: "VILLAGE_COMMITTEE", regionCode: "340881101201" },
  { name: "范崗鎮官橋村村民委員會", kind: "VILLAGE_COMMITTEE", regionCode: "340881101202" },
  { name: "文昌街道和平社區居民委員會", kind: "COMMUNITY_COMMITTEE", regionCode: "340881103001" },
  { name: "文昌街道東門社區居民委員會", kind: "COMMUNITY_COMMITTEE", regionCode: "340881103002" },
];
