import { type keyRole } from "./api-key.table.js";

export type KeyRole = (typeof keyRole.enumValues)[number];
export type ViewerRole = "ANONYMOUS" | KeyRole;

/** Who is asking: the role comes only from a verified API key, never from a header or an argument. */
export interface Viewer {
  role: ViewerRole;
  keyId: string | null;
  keyName: string | null;
  /** The client's network address, for throttling anonymous writes. */
  clientAddress: string;
}

export const anonymousViewer = (clientAddress = "unknown"): Viewer => ({ role: "ANONYMOUS", keyId: null, keyName: null, clientAddress });

/** Roles that read everything, withheld material included (each such read is logged). */
export const seesWithheld = (viewer: Pick<Viewer, "role">): boolean => viewer.role === "LEGAL_REVIEWER" || viewer.role === "EDITOR" || viewer.role === "ADMIN";
