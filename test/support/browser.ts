import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import sparticuz from "@sparticuz/chromium";
import { type Browser, chromium, type Page } from "playwright-core";

/**
 * Headless Chromium for the site's browser tests, from the `@sparticuz/chromium` dev dependency: the
 * npm registry carries the binary (brotli-compressed, unpacked into the temporary folder on first
 * use), so `npm ci && npm test` needs no browser installed by hand. Its own flag list is not used:
 * `--single-process` suits a serverless function, not a test that opens many pages.
 * Text renders with the machine's fonts: Chinese needs a CJK font (Debian's `fonts-noto-cjk`) for
 * the screenshots to be legible; the tests read text and roles, not pixels, and pass without one.
 */
export async function launchChromium(): Promise<Browser> {
  // The package unpacks into the temporary folder (os.tmpdir()): kept with the project's other caches
  // instead, so that a test run leaves nothing in /tmp and a fresh clone unpacks its own.
  const unpacked = fileURLToPath(new URL("../../node_modules/.cache/chromium/", import.meta.url));
  mkdirSync(unpacked, { recursive: true });
  process.env.TMPDIR = unpacked;
  try {
    const executablePath = await sparticuz.executablePath();
    return await chromium.launch({ executablePath, args: ["--no-sandbox", "--no-zygote", "--font-render-hinting=none"] });
  } catch (error) {
    const first = String((error as Error).message ?? error).split("\n")[0];
    throw new Error(`Headless Chromium (@sparticuz/chromium, installed by npm ci) did not start: ${first}. Run npm ci again; see docs/site.md#tests.`);
  }
}

/**
 * A full-page screenshot for a person to look at (the tests assert on text and roles, not on these).
 * The headless shell now and then answers "Unable to capture screenshot" on a busy machine when no
 * frame is ready; one more request, once the page has drawn a frame, takes it.
 */
export async function saveScreenshot(page: Page, path: string): Promise<void> {
  try {
    await page.screenshot({ path, fullPage: true });
  } catch (error) {
    if (!String((error as Error).message).includes("Unable to capture screenshot")) throw error;
    await page.evaluate("new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)))");
    await page.screenshot({ path, fullPage: true });
  }
}
