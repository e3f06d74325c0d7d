// A class in real Chromium on the real engine: the instructor makes it from the UI, three
// learners join it from browsers of their own (separate contexts: separate identities) and
// work in `first-container`; the dashboard turns their steps green without a reload and
// flags the one who types but gets nowhere as stuck; the instructor watches a learner's
// terminal read-only and exports the results as CSV.
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/test-app.ts";
import { CHROMIUM } from "./launch-chromium.ts";
import { SessionPageDriver } from "./session-page-driver.ts";

let app: TestApp;
let browser: Browser;
let instructor: Page;
const learners: { name: string; context: BrowserContext; page: Page; driver: SessionPageDriver }[] = [];
const errors: string[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startTestApp(),
    chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu"] }),
  ]);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  instructor = await context.newPage();
  instructor.on("pageerror", (e) => errors.push(`instructor: ${e.message}`));
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const shot = async (page: Page, name: string) => {
  const path = join(tmpdir(), `slipway-class-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot: ${path}`);
};
const row = (name: string) => instructor.locator(`tr[data-learner="${name}"]`);

it(
  "runs a class: join, live steps, a stuck flag, a read-only terminal, a CSV export",
  { timeout: 600_000 },
  async () => {
    await instructor.goto(`${app.url}/#/classes/new`);
    await instructor.getByLabel("Title").fill("Docker 101");
    await instructor.getByLabel("Your first container").check();
    await instructor.getByLabel("Capacity").fill("5");
    // A quarter of a minute, so the test sees a stuck flag in seconds.
    await instructor.getByLabel(/Stuck after/).fill("0.25");
    await instructor.getByRole("button", { name: "Create the class" }).click();
    await instructor.waitForURL(/#\/classes\/\w+$/);
    const facts = instructor.locator(".class-facts");
    await expect.poll(() => facts.textContent()).toMatch(/Join code [A-Z2-9]{4}-[A-Z2-9]{4}/);
    const code = /Join code (\S+)/.exec((await facts.textContent()) ?? "")?.[1] ?? "";
    expect(await instructor.locator(".instructor-key").textContent()).toMatch(/^[\w-]{40,}$/);

    await Promise.all(
      ["Ada", "Brian", "Chen"].map(async (name) => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
        const page = await context.newPage();
        page.on("pageerror", (e) => errors.push(`${name}: ${e.message}`));
        await page.goto(`${app.url}/#/join/${code}`);
        await page.getByLabel(/Your name/).fill(name);
        await page.getByRole("button", { name: "Join" }).click();
        await page.waitForURL(/#\/class$/);
        await page.getByRole("button", { name: "Start" }).click();
        await page.waitForURL(/#\/session\/[\w-]+$/, { timeout: 300_000 });
        const driver = new SessionPageDriver(page);
        await driver.ready(300_000);
        learners.push({ name, context, page, driver });
      }),
    );
    const of = (name: string) => learners.find((l) => l.name === name) as (typeof learners)[number];
    await expect.poll(() => instructor.locator("tr[data-learner]").count()).toBe(3);

    // Ada and Brian do step 1; the dashboard turns it green without a reload.
    await of("Ada").driver.run("docker run -d --name hello nginx");
    await of("Brian").driver.run("docker run -d --name hello nginx && docker ps");
    for (const name of ["Ada", "Brian"])
      await expect
        .poll(() => row(name).locator("td.step-cell").first().getAttribute("class"), { timeout: 60_000 })
        .toContain("passed");
    await expect.poll(() => row("Brian").locator("td.step-cell.passed").count(), { timeout: 30_000 }).toBe(2);

    // Chen keeps typing and passes nothing: flagged stuck once the quarter minute is up.
    const chen = of("Chen").driver;
    await expect
      .poll(
        async () => {
          await chen.run("echo still thinking");
          return row("Chen").locator(".stuck-flag").count();
        },
        { timeout: 60_000, interval: 3_000 },
      )
      .toBe(1);
    expect(await row("Ada").locator(".stuck-flag").count()).toBe(0);
    await shot(instructor, "dashboard");

    // Ada's terminal, read-only, in a tab of its own, with a view token minted for the instructor.
    const [viewer] = await Promise.all([
      instructor.context().waitForEvent("page"),
      row("Ada").getByRole("button", { name: /Ada/ }).click(),
    ]);
    await expect
      .poll(() => viewer.locator(".viewer-terminal .terminal-status").textContent(), { timeout: 30_000 })
      .toBe("connected");
    await expect
      .poll(() => viewer.locator(".viewer-terminal .xterm-rows").innerText(), { timeout: 30_000 })
      .toContain("docker run -d --name hello nginx");
    const ada = learners.find((l) => l.name === "Ada");
    const sessionId = new URL(ada?.page.url() ?? "").hash.split("/")[2] ?? "";
    expect(app.app.access.list(sessionId).map((t) => t.scope)).toEqual(["view"]);
    await shot(viewer, "viewer");
    await viewer.close();

    const [download] = await Promise.all([
      instructor.waitForEvent("download"),
      instructor.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? "", "utf8");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^learner,lab,step,status/);
    expect(lines.filter((l) => l.startsWith('"Ada","first-container","run-detached","passed"'))).toHaveLength(
      1,
    );
    expect(lines.filter((l) => l.startsWith('"Chen","first-container","run-detached"'))).toHaveLength(1);

    // Ending the class stops its sessions (no leftovers for the next test).
    const key = (await instructor.locator(".instructor-key").textContent()) ?? "";
    const classId = new URL(instructor.url()).hash.split("/")[2] ?? "";
    const ended = await app.api<{ stopped: string[] }>(
      "POST",
      `/api/classes/${classId}/end`,
      { then: "stop" },
      key,
    );
    expect(ended.body.stopped).toHaveLength(3);
    for (const l of learners) await l.context.close();
    expect(errors).toEqual([]);
  },
);
