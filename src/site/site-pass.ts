import { randomBytes, timingSafeEqual } from "node:crypto";
import { type IncomingHttpHeaders } from "node:http";

export const SITE_PASS_HEADER = "x-site-page";

/**
 * Marks the site's own reads of the API for a page it serves (their page view is charged to the
 * page budget, not to the address's API budget). A secret of this process: the site's requests are
 * injected into the same process, never sent over the network, so no client can carry it.
 */
export class SitePass {
  private readonly secret = randomBytes(32);
  readonly value = this.secret.toString("base64url");

  carriedBy(headers: IncomingHttpHeaders): boolean {
    const carried = headers[SITE_PASS_HEADER];
    if (typeof carried !== "string") return false;
    const given = Buffer.from(carried);
    return given.length === Buffer.byteLength(this.value) && timingSafeEqual(given, Buffer.from(this.value));
  }
}
