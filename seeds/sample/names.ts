// Names the sample files share: body names (must match sampleBodies), region codes (must match
// sampleRegions), the articles cited for withholding and where the sample's documents are.
export const CITY_GOV = "桐城市人民政府";
export const JUSTICE = "桐城市司法局";
export const DRC = "桐城市發展和改革委員會";
export const NATURAL_RESOURCES = "桐城市自然資源和規劃局";
export const HOUSING = "桐城市住房和城鄉建設局";
export const ECOLOGY = "安慶市桐城市生態環境分局";
export const EDUCATION = "桐城市教育局";
export const KONGCHENG = "孔城鎮人民政府";
export const FANGANG = "范崗鎮人民政府";
export const XINDU = "新渡鎮人民政府";
export const WENCHANG = "文昌街道辦事處";
export const KONGCHENG_LEGAL = "桐城市司法局孔城司法所";
export const FANGANG_LEGAL = "桐城市司法局范崗司法所";
export const TONGZI_VILLAGE = "孔城鎮桐梓村村民委員會";

export const R_CITY = "340881000000";
export const R_FANGANG = "340881101000";
export const R_XINDU = "340881102000";
export const R_TONGZI = "340881100201";
export const R_HEPING = "340881103001";

// Articles of the Regulations on Open Government Information (2019) cited for withholding.
export const ART_14 = "《中華人民共和國政府信息公開條例》第十四條";
export const ART_15 = "《中華人民共和國政府信息公開條例》第十五條";
export const ART_16_1 = "《中華人民共和國政府信息公開條例》第十六條第一款";
export const ART_16_2 = "《中華人民共和國政府信息公開條例》第十六條第二款";

export const FILES = "https://www.example.gov.cn/files";
export const SAMPLE_CITY = "桐城市";
