// One browser test file's world: a real Slipway app (real engine) and a Chromium page, with
// every uncaught page error collected so a test can insist there were none.
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, onTestFailed, type TestContext } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { type LaunchedBrowser, launchChromium } from "./launch-chromium.ts";

export interface BrowserApp {
  readonly app: TestApp;
  readonly browser: LaunchedBrowser;
  readonly page: Page;
  readonly pageErrors: string[];
  /** How many times the page asked "Leave site?" (each is accepted, so navigation goes on). */
  readonly leavePrompts: number;
  close(): Promise<void>;
}

export async function startBrowserApp(env: Record<string, string> = {}): Promise<BrowserApp> {
  const [app, browser] = await Promise.all([startTestApp(env), launchChromium()]);
  const page = await browser.context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  let leavePrompts = 0;
  // A listener takes over Playwright's auto-dismiss, which would cancel a reload.
  page.on("dialog", (d) => {
    if (d.type() === "beforeunload") leavePrompts++;
    void (d.type() === "beforeunload" ? d.accept() : d.dismiss());
  });
  return {
    app,
    browser,
    page,
    pageErrors,
    get leavePrompts() {
      return leavePrompts;
    },
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

/** Call in beforeEach: a failing test leaves a screenshot of the page, named after it. */
export function screenshotOnFailure(page: Page, ctx: TestContext): void {
  onTestFailed(async () => {
    const path = join(tmpdir(), `slipway-failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, "-")}.png`);
    await page.screenshot({ path }).catch(() => undefined);
    console.error(`screenshot of the failed page: ${path}`);
  });
}

/** A test file's browser app: started before its tests, closed after them, with a
 *  screenshot of any test that fails. Read its fields inside tests and hooks only. */
export function useBrowserApp(env: Record<string, string> = {}): BrowserApp {
  let current: BrowserApp | undefined;
  const get = (): BrowserApp => {
    if (!current) throw new Error("the browser app is started in beforeAll");
    return current;
  };
  beforeAll(async () => {
    current = await startBrowserApp(env);
  });
  beforeEach((ctx) => screenshotOnFailure(get().page, ctx));
  afterAll(async () => {
    await current?.close();
  });
  return {
    get app() {
      return get().app;
    },
    get browser() {
      return get().browser;
    },
    get page() {
      return get().page;
    },
    get pageErrors() {
      return get().pageErrors;
    },
    get leavePrompts() {
      return get().leavePrompts;
    },
    close: () => get().close(),
  };
}
