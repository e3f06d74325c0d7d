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
  /** Pages that asked "leave this page?" (beforeunload) when the test left them. */
  readonly unloadPrompts: string[];
  close(): Promise<void>;
}

/** Collects a page's uncaught errors, and answers "leave this page?" with yes, noting it. */
export function watchPage(page: Page, errors: string[], unloadPrompts: string[]): void {
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => {
    if (d.type() !== "beforeunload") return void d.dismiss();
    unloadPrompts.push(page.url());
    void d.accept();
  });
}

export async function startBrowserApp(env: Record<string, string> = {}): Promise<BrowserApp> {
  const [app, browser] = await Promise.all([startTestApp(env), launchChromium()]);
  const page = await browser.context.newPage();
  const pageErrors: string[] = [];
  const unloadPrompts: string[] = [];
  watchPage(page, pageErrors, unloadPrompts);
  return {
    app,
    browser,
    page,
    pageErrors,
    unloadPrompts,
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
    get unloadPrompts() {
      return get().unloadPrompts;
    },
    close: () => get().close(),
  };
}
