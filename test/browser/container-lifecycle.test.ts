// A learner takes container-lifecycle from the catalog to the last step in real Chromium,
// following its text alone: every shell block of a step is sent with its "Run in
// terminal" button, in order, and the step must turn passed by itself (live checks). No
// solution script runs, so a step whose text does not lead to its checks fails here.
import type { Locator } from "playwright-core";
import { expect, it } from "vitest";
import { useBrowserApp } from "./browser-app.ts";
import type { SessionPageDriver } from "./session-page-driver.ts";
import { startFromCatalog } from "./start-from-catalog.ts";

const b = useBrowserApp();

const STEPS = ["create", "pause", "stop-kill", "name-conflict", "pid-1", "restart-policies", "manual-stop"];
const PROMPT = /learner:[^\n]*[$#] *$/;

/** Waits until the shell is back at its prompt and the screen has stopped changing. */
async function settled(learner: SessionPageDriver): Promise<void> {
  let last = "";
  await expect
    .poll(
      async () => {
        const now = (await learner.screen().catch(() => "")).trimEnd();
        const done = now === last && PROMPT.test(now);
        last = now;
        return done;
      },
      { timeout: 90_000, interval: 400 },
    )
    .toBe(true);
}

async function runEveryBlock(step: Locator, learner: SessionPageDriver): Promise<number> {
  const buttons = step.getByRole("button", { name: "Run in terminal" });
  const count = await buttons.count();
  for (let i = 0; i < count; i++) {
    await buttons.nth(i).click();
    await settled(learner);
  }
  return count;
}

it(
  "completes every step of container-lifecycle by running the blocks its text shows",
  async () => {
    const { learner } = await startFromCatalog(b.page, b.app.url, "A container's life, from create to rm");
    await expect.poll(() => b.page.locator(".progress-text").textContent()).toBe(`0 of ${STEPS.length} done`);
    for (const [i, id] of STEPS.entries()) {
      const step = b.page.locator(`.step[data-step="${id}"]`);
      await expect.poll(() => step.getAttribute("open"), { timeout: 30_000 }).toBe(""); // opened for us
      expect(await runEveryBlock(step, learner)).toBeGreaterThan(0);
      await expect.poll(() => step.getAttribute("data-status"), { timeout: 60_000 }).toBe("passed");
      await expect
        .poll(() => b.page.locator(".progress-text").textContent())
        .toBe(`${i + 1} of ${STEPS.length} done`);
    }
    // What the text promised the learner would see, seen in their own terminal.
    await learner.run("docker ps --all --filter name=ticker --format '{{.Names}}: {{.Status}}'");
    await learner.waitForScreen(/^ticker: Exited \(\d+\)/m);
    expect(b.pageErrors).toEqual([]);
  },
  15 * 60_000,
);
