// Learners keep their work, in real Chromium against the real server and engine:
// - closing the browser strands nothing: a new window finds the lab in progress in the
//   catalog and continues in the same shell and engine;
// - a paused lab survives a server restart: My labs shows it, Resume brings back its
//   containers, images, volumes and files;
// - a one-time link carries the identity to another browser, which then finds the lab there
//   and opens it; the link works once.
// Screenshots of each stage go to $TMPDIR/slipway-keep-work/.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { ephemeralInstance } from "../../server/src/sessions/reconcile/ephemeral-instance.ts";
import { type TestApp, startTestApp } from "../support/test-app.ts";
import { watchPage } from "./browser-app.ts";
import { type LaunchedBrowser, launchChromium } from "./launch-chromium.ts";
import { SessionPageDriver } from "./session-page-driver.ts";
import { startFromCatalog } from "./start-from-catalog.ts";

const SHOTS = join(tmpdir(), "slipway-keep-work");
mkdirSync(SHOTS, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), "slipway-learner-profile-"));
// One database and instance for both servers: the second adopts what the first left.
const env = {
  SLIPWAY_DB: join(mkdtempSync(join(tmpdir(), "slipway-keep-work-")), "slipway.db"),
  SLIPWAY_INSTANCE: ephemeralInstance("keep-work"),
};
const errors: string[] = [];
const unloadPrompts: string[] = [];
let app: TestApp;
let browser: LaunchedBrowser | undefined;

async function openBrowser(): Promise<Page> {
  browser = await launchChromium(undefined, profile);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  watchPage(page, errors, unloadPrompts);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const card = (page: Page, title: string) =>
  page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title, exact: true }) });

afterAll(async () => {
  await browser?.close();
  await app?.close();
  rmSync(profile, { recursive: true, force: true });
});

it("continues in a new window, after the browser was closed, in the same shell and engine", async () => {
  app = await startTestApp(env);
  let page = await openBrowser();
  const { id, learner } = await startFromCatalog(page, app.url, "Playground");
  await learner.run("export MARK=same-shell-$((40+2)); docker run -d --name keeper busybox sleep 600");
  await learner.waitForScreen(/^[0-9a-f]{64}$/m, 60_000);
  // Leaving a running session asks first; closing the whole browser then strands nothing.
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => unloadPrompts.length).toBe(1);
  await browser?.close();

  page = await openBrowser();
  await page.goto(app.url);
  const playground = card(page, "Playground");
  await expect.poll(() => playground.locator(".standing").textContent()).toBe("In progress: running");
  // And above the tracks, with the labs to pick up again.
  await expect
    .poll(() => page.getByRole("region", { name: "Pick up where you left off" }).innerText())
    .toMatch(/Continue Playground\s+In progress: running/);
  await shot(page, "1-catalog-in-progress");
  await playground.getByRole("link", { name: "Continue" }).click();
  await page.waitForURL(new RegExp(`#/session/${id}$`));
  const again = new SessionPageDriver(page);
  await again.ready();
  await again.run('echo "mark=$MARK"; docker ps --format "ps={{.Names}}"');
  await again.waitForScreen(/^mark=same-shell-42$/m);
  await again.waitForScreen(/^ps=keeper$/m);
  await shot(page, "2-same-shell");
}, 300_000);

it("finds a paused lab after a server restart, and resumes it with everything in it", async () => {
  const page = browser?.context.pages()[0] as Page;
  const learner = new SessionPageDriver(page);
  // Images already in the engine (test 1 pulled busybox): a shared host's pulls can take minutes.
  await learner.run(
    "docker run -d --name web --restart always busybox sleep 3600 >/dev/null; docker volume create data >/dev/null; " +
      "docker tag busybox kept/image:1; echo kept > notes.txt; echo set-up-done",
  );
  await learner.waitForScreen(/^set-up-done$/m, 120_000);
  await page.getByRole("button", { name: "Pause" }).click();
  await expect.poll(() => page.locator("h1").textContent(), { timeout: 60_000 }).toBe("Your lab is paused");
  await expect
    .poll(() => page.locator("main").innerText(), { timeout: 60_000 })
    .toMatch(/You paused it\.[\s\S]*Kept until/);
  await shot(page, "3-paused");

  await app.closeServer();
  app = await startTestApp(env);
  await page.goto(`${app.url}/#/my`);
  const item = page.locator(".my-lab").first();
  await expect.poll(() => item.innerText(), { timeout: 30_000 }).toMatch(/Playground[\s\S]*paused/);
  await shot(page, "4-my-labs-after-restart");
  await item.getByRole("link", { name: "Resume" }).click();
  await page.getByRole("button", { name: "Resume" }).click();
  // A resume on a shared two-core host at load 70 has taken over a minute.
  await learner.ready(240_000);
  // The engine answers first and brings back what has a restart policy just after; the page
  // says so until it is done, and a learner (this test too) waits for that before docker ps.
  await expect
    .poll(() => page.locator(".session-notice").innerText(), { timeout: 120_000 })
    .not.toMatch(/Bringing back/);
  await learner.run(
    'docker ps --format "up={{.Names}}"; docker ps -a --filter name=keeper --format "{{.Names}} {{.State}}"; ' +
      'docker volume ls -q; docker images --format "img={{.Repository}}" | grep kept; cat notes.txt',
  );
  await learner.waitForScreen(/^up=web$/m, 30_000);
  await learner.waitForScreen(/^keeper exited$/m);
  await learner.waitForScreen(/^data$/m);
  await learner.waitForScreen(/^img=kept\/image$/m);
  await learner.waitForScreen(/^kept$/m);
  await shot(page, "5-resumed");
  expect(errors).toEqual([]);
  // A pause, a server start and a resume on a shared two-core machine.
}, 600_000);

it("carries the learner's labs to another browser with a link that works once", async () => {
  const page = browser?.context.pages()[0] as Page;
  await page.goto(`${app.url}/#/my`);
  await page.getByRole("button", { name: "Use my labs in another browser" }).click();
  const link = (await page.locator(".link-code code.copyable").textContent()) ?? "";
  expect(link).toMatch(/#\/link\/[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  await shot(page, "6-link-made");

  const other = await launchChromium();
  try {
    const there = other.context.pages()[0] ?? (await other.context.newPage());
    watchPage(there, errors, unloadPrompts);
    await there.goto(link);
    await there.getByRole("button", { name: "Use these labs in this browser" }).click();
    await there.waitForURL(/#\/my$/);
    const item = there.locator(".my-lab").first();
    await expect.poll(() => item.innerText(), { timeout: 30_000 }).toMatch(/Playground[\s\S]*running/);
    await shot(there, "7-other-browser-my-labs");
    await item.getByRole("link", { name: /Open|Continue/ }).click();
    const learner = new SessionPageDriver(there);
    await learner.ready();
    await learner.run('echo "there=$(cat notes.txt)"');
    await learner.waitForScreen(/^there=kept$/m);
    await shot(there, "8-other-browser-session");

    // Spent: a third browser (here, the same one again) is refused, and says so.
    await there.goto(link);
    await there.getByRole("button", { name: "Use these labs in this browser" }).click();
    await expect
      .poll(() => there.getByRole("status").first().textContent())
      .toMatch(/That did not work: .*unknown, used or expired/);
  } finally {
    await other.close();
  }
  expect(errors).toEqual([]);
}, 300_000);
