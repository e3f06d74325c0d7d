// A learner starting a lab with files, images and a setup script in real Chromium: the
// session page lists the start's steps and ticks them off as the server reports them,
// instead of a bare "Starting…", then opens the terminal.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { useBrowserApp } from "./browser-app.ts";
import { startFromCatalog } from "./start-from-catalog.ts";

const b = useBrowserApp();

it("shows the start's steps, done and under way, while the lab starts", async () => {
  const steps = b.page.getByRole("list", { name: "Starting" });
  // multi-stage-non-root's setup builds an image: seconds, long enough to be seen under way.
  const atSetup = steps
    .locator('li[aria-current="step"]', { hasText: "The lab's setup script" })
    .waitFor({ timeout: 120_000 })
    .then(async () => {
      const done = await steps.locator("li.done").allInnerTexts();
      await b.page.screenshot({ path: join(tmpdir(), "slipway-start-steps.png") });
      return done.map((t) => t.replace(/^✓\s*/, ""));
    });
  const { learner } = await startFromCatalog(
    b.page,
    b.app.url,
    "Small, non-root images with no secrets inside",
  );
  expect(await atSetup).toEqual([
    expect.stringMatching(/^A (new sandbox with its own disk|sandbox from the warm pool)$/),
    "Its own Docker engine",
    "The lab's files in your workspace",
    "The lab's images: python:3.11, busybox:1.36",
  ]);
  expect(await steps.count()).toBe(0); // gone once the terminal is there
  await learner.run("echo started-$((20+1))");
  await expect.poll(() => learner.screen(), { timeout: 20_000 }).toContain("started-21");
});
