// A candidate takes an assessment in real Chromium on the real engine: starts it from the
// catalog, skips the first task, solves the second (whose variant the page shows), comes back
// to solve the first, finishes, and reads a report with variants, times, the Docker-command
// timeline and a terminal replay; a share link opens that report in a browser with no other
// access.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { useBrowserApp } from "./browser-app.ts";
import { launchChromium } from "./launch-chromium.ts";
import { SessionPageDriver } from "./session-page-driver.ts";

// The fixture labs hold a two-task assessment of small challenges with nothing to pull.
const b = useBrowserApp({ SLIPWAY_LABS_DIR: "test/fixtures/labs" });
const shot = (name: string) => b.page.screenshot({ path: join(tmpdir(), `slipway-assessment-${name}.png`) });

it("takes an assessment end to end, and its report is shared read-only", { timeout: 360_000 }, async () => {
  const page = b.page;
  await page.goto(b.app.url);
  const card = page.locator('[data-assessment="fixture-assessment"]');
  await card.getByRole("button", { name: "Start assessment" }).click();
  await page.waitForURL(/#\/assessment\/[\w-]+$/, { timeout: 180_000 });
  const attempt = new URL(page.url()).hash.split("/")[2] as string;
  const learner = new SessionPageDriver(page);
  await learner.ready(120_000);
  await shot("1-first-task");

  // Skip the first task: the second's sandbox was started ahead.
  await page.getByRole("button", { name: "Next task" }).click();
  await expect
    .poll(() => page.locator(".session-header h1").textContent(), { timeout: 60_000 })
    .toMatch(/Note challenge/);
  await learner.ready(120_000);
  const word = /Put the word (\w+)/.exec(await page.locator(".step").first().innerText())?.[1];
  expect(word).toMatch(/^(alpha|bravo|charlie|delta|echo|foxtrot)$/);
  await learner.run(`echo ${word} > word.txt`);
  await expect
    .poll(() => page.locator(".attempt-tasks").innerText(), { timeout: 30_000 })
    .toMatch(/Task 2 ✓/);

  // Back to the first task: its shell is as it was left.
  await page.getByRole("button", { name: /^Task 1/ }).click();
  await expect
    .poll(() => page.locator(".session-header h1").textContent(), { timeout: 60_000 })
    .toMatch(/Timed challenge/);
  await learner.ready(120_000);
  await learner.run("docker ps");
  await learner.waitForScreen(/CONTAINER ID/);
  await learner.run("echo hello > notes.txt");
  await expect
    .poll(() => page.locator(".attempt-tasks").innerText(), { timeout: 30_000 })
    .toMatch(/Task 1 ✓/);
  await shot("2-both-solved");

  await page.getByRole("button", { name: "Finish assessment" }).click();
  await page
    .getByRole("dialog", { name: "Finish the assessment?" })
    .getByRole("button", { name: "Finish" })
    .click();
  await page.waitForURL(/#\/assessment\/[\w-]+\/report$/, { timeout: 60_000 });
  const report = page.locator(".assessment-report");
  await expect
    .poll(() => report.locator(".verdict").textContent(), { timeout: 30_000 })
    .toMatch(/Score 100 % .* passed/);
  const text = await report.innerText();
  expect(text).toContain(`word = ${word}`);
  expect(text).toMatch(/Time to solve\s+\d+ (min \d+ )?s/);
  expect(text).toMatch(/docker ps/);
  await expect
    .poll(() => report.locator(".cast-screen .xterm-rows").first().innerText())
    .toContain("notes.txt");
  await shot("3-report");

  await page.getByRole("button", { name: "Make a share link" }).click();
  const link = (await page.locator(".share-url").getAttribute("href")) as string;
  expect(link).toContain(`#/assessment/${attempt}/report?share=`);

  // Another browser: no identity cookie, no attempt token in its tab.
  const other = await launchChromium();
  try {
    const p2 = await other.context.newPage();
    await p2.goto(link);
    await expect
      .poll(() => p2.locator(".assessment-report h1").textContent(), { timeout: 30_000 })
      .toBe("Fixture assessment");
    expect(await p2.getByRole("button", { name: "Make a share link" }).count()).toBe(0);
    await p2.emulateMedia({ media: "print" });
    expect(await p2.getByRole("button").filter({ visible: true }).count()).toBe(0);
    await p2.screenshot({ path: join(tmpdir(), "slipway-assessment-4-shared-print.png"), fullPage: true });
    // The share token opens nothing else: not the attempt itself.
    const token = new URLSearchParams(link.split("?")[1]).get("share") as string;
    const status = await p2.evaluate(
      async ([id, t]) =>
        (await fetch(`/api/attempts/${id}`, { headers: { authorization: `Bearer ${t}` } })).status,
      [attempt, token] as const,
    );
    expect(status).toBe(403);
  } finally {
    await other.close();
  }
  expect(b.pageErrors).toEqual([]);
});
