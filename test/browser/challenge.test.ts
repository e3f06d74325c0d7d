// An interview candidate in real Chromium: a timed task with no hints or solutions, a
// visible countdown, and after "Submit" the score report.
import { expect, it } from "vitest";
import { useBrowserApp } from "./browser-app.ts";
import { startFromCatalog } from "./start-from-catalog.ts";

// The fixture labs include a ten-minute, one-task challenge with nothing to pull.
const b = useBrowserApp({ SLIPWAY_LABS_DIR: "test/fixtures/labs" });

it("counts down, offers no help, and scores the work on submit", async () => {
  const { learner } = await startFromCatalog(b.page, b.app.url, "Timed challenge", "Start challenge");
  await expect.poll(() => b.page.locator(".clock").textContent()).toMatch(/^(10:00|9:[0-5]\d) left$/);
  const task = b.page.locator('.step[data-step="write-note"]');
  expect(await task.getByRole("button", { name: /hint|solution/i }).count()).toBe(0);
  expect(await b.page.getByRole("button", { name: /Extend/ }).count()).toBe(0);

  await learner.run("echo hello > notes.txt");
  await expect.poll(() => task.getAttribute("data-status"), { timeout: 10_000 }).toBe("passed");
  await b.page.getByRole("button", { name: "Submit" }).click();
  await b.page
    .getByRole("dialog", { name: "Submit your work?" })
    .getByRole("button", { name: "Submit" })
    .click();
  await b.page.waitForURL(/#\/session\/[\w-]+\/report$/);
  await expect.poll(() => b.page.locator(".score").textContent(), { timeout: 20_000 }).toBe("1 / 1");
  await expect
    .poll(() => b.page.locator(".report-steps tbody").innerText())
    .toMatch(/Write a note\s+✓ passed/);
  // Short times read in seconds, not rounded up to "1 min"; a challenge has no hints column.
  const facts = await b.page.locator(".report .facts").innerText();
  expect(facts).toMatch(/Time used\s+(\d+ min )?\d+ s of 10 min/);
  expect(facts).not.toContain("Hints");
  expect(await b.page.locator(".report-steps thead").innerText()).not.toContain("Hints");
  expect(await b.page.locator(".report .notice").count()).toBe(0); // final: the session has ended
});
