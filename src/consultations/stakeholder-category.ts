import { pgEnum } from "drizzle-orm/pg-core";

/** Who a commenter speaks for, and which groups a decision specially affects (art. 14 and the local practice). */
export const stakeholderCategory = pgEnum("stakeholder_category", [
  "ENTERPRISE",
  "INDUSTRY_ASSOCIATION_OR_CHAMBER",
  "PEOPLES_ORGANISATION",
  "SOCIAL_ORGANISATION",
  "RESIDENT_REPRESENTATIVE",
  "DEPUTY_OR_CPPCC_MEMBER",
  "EXPERT",
  "INDIVIDUAL",
]);
