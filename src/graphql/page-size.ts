/** Page sizes of every list (kept apart from the decorated argument types, so configuration can read them). */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
