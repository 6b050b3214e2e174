/**
 * The description of a field that only staff keys read: the disclosure projection has no such
 * column, so for the public and researchers it is always null. The one schema keeps these fields
 * (as GitHub's public schema keeps fields that need a permission) and says so in their descriptions;
 * test/staff-only-fields.test.ts holds every confidential column exposed in the schema to it.
 */
export const STAFF_ONLY = "Staff only (null for the public): ";

export const staffOnly = (what: string) => `${STAFF_ONLY}${what}`;
