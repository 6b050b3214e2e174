/** A comment's receipt number in a status page's path: the commenter's to know, not the log's. */
const RECEIPT_PATH = /^(\/comments\/status\/)[^/]+/;

/** A request's path as logged (and traced): never its query string (a GET's holds the document and variables) nor a receipt number. */
export const loggablePath = (url: string): string => url.split("?")[0]!.replace(RECEIPT_PATH, "$1…");
