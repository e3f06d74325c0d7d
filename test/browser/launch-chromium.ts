// Debian's Chromium driven by playwright-core: no browser download (the machines cannot
// fetch one), headless, as root, with a throwaway profile per launch.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

export interface LaunchedBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** A throwaway profile unless one is given: a test that closes the browser and opens it
 *  again passes the same one (and removes it itself), as a learner's profile persists. */
export async function launchChromium(
  viewport = { width: 1280, height: 720 },
  keptProfile?: string,
): Promise<LaunchedBrowser> {
  const profile = keptProfile ?? mkdtempSync(join(tmpdir(), "slipway-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    permissions: ["clipboard-read", "clipboard-write"],
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      if (!keptProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
