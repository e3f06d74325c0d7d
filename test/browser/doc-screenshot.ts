// The README's screenshots are taken by the browser tests, at the moments they already reach
// (the catalog, a lab mid-way, a completed lab), when SLIPWAY_SCREENSHOTS names a folder:
// `npm run screenshots` (scripts/screenshots.ts) refreshes docs/screenshots/ this way.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";

const dir = process.env.SLIPWAY_SCREENSHOTS;

export async function docScreenshot(page: Page, name: string): Promise<void> {
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  // Settled: no blinking caret or half-drawn transition in the picture.
  await page.evaluate("document.activeElement instanceof HTMLElement && document.activeElement.blur()");
  await page.screenshot({ path: join(dir, `${name}.png`), animations: "disabled", caret: "hide" });
}
