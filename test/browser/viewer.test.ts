// An instructor watching a learner through a viewer link, in real Chromium, with a window
// smaller than the learner's: the viewer draws at the learner's size (letterboxed), and says
// the session ended when the learner ends it, instead of that the shell died. Beside it, the
// learner's Docker activity as commands.
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { useBrowserApp } from "./browser-app.ts";
import { type StartedInBrowser, startFromCatalog } from "./start-from-catalog.ts";

// Forty minutes at most: the first "Extend 30 min" reaches the cap.
const b = useBrowserApp({ SLIPWAY_SESSION_TTL: "20m", SLIPWAY_SESSION_MAX_TTL: "40m" });
let session: StartedInBrowser;
let viewer: Page;

const viewerScreen = async () =>
  (await viewer.locator(".viewer-terminal .xterm-rows").innerText({ timeout: 5000 })).replace(/\u00a0/g, " ");

// Starting a session takes long on a busy machine.
it(
  "draws the learner's terminal at the learner's size in a smaller viewer",
  { timeout: 300_000 },
  async () => {
    session = await startFromCatalog(b.page, b.app.url, "Playground");
    await b.page.getByRole("button", { name: "Viewer links" }).click();
    const dialog = b.page.getByRole("dialog", { name: "Viewer links" });
    await dialog.getByRole("button", { name: "Create a viewer link" }).click();
    const link = await dialog.getByRole("textbox", { name: "New viewer link" }).inputValue();
    await dialog.getByRole("button", { name: "Close" }).click();
    viewer = await b.browser.context.newPage();
    viewer.on("pageerror", (e) => console.error(`viewer page error: ${e.message}`));
    viewer.on("console", (m) => console.error(`viewer console: ${m.text()}`));
    await viewer.setViewportSize({ width: 900, height: 600 });
    await viewer.goto(link);
    await expect
      .poll(() => viewer.locator(".viewer-terminal .terminal-status").textContent())
      .toBe("connected");

    await session.learner.run('echo "size=$(stty size)"');
    await session.learner.waitForScreen(/^size=\d+ \d+$/m);
    const [, rows, cols] = /^size=(\d+) (\d+)$/m.exec(await session.learner.screen()) ?? [];
    // A line exactly as wide as the learner's terminal: one row there, and one row here too.
    await session.learner.run(`clear; printf 'W%.0s' $(seq ${cols}); echo`);
    await expect.poll(viewerScreen, { timeout: 10_000 }).toMatch(new RegExp(`^W{${cols}}$`, "m"));
    expect(await viewer.locator(".viewer-terminal .xterm-rows > div").count()).toBe(Number(rows));
    // The learner's Docker activity reads as the commands they typed, without the CLI's plumbing.
    await session.learner.run("docker ps -a");
    const activity = viewer.locator(".activity");
    await expect
      .poll(() => activity.innerText().catch(() => ""), { timeout: 15_000 })
      .toMatch(/docker ps -a/);
    expect(await activity.innerText()).not.toMatch(/_ping|\/containers\/json/);
    const shot = join(tmpdir(), "slipway-viewer-letterboxed.png");
    await viewer.screenshot({ path: shot });
    console.log(`screenshot of the viewer: ${shot}`);
  },
);

it("stops offering Extend at the longest a session may run, and says why", async () => {
  const extend = b.page.getByRole("button", { name: "Extend 30 min" });
  await extend.click();
  const notice = b.page.locator(".session-notice");
  await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toMatch(/cannot be extended/);
  expect(await notice.textContent()).not.toMatch(/^Extended:/);
  expect(await extend.isDisabled()).toBe(true);
  // Forty minutes from the start, which was a while ago.
  await expect.poll(() => b.page.locator(".clock").textContent()).toMatch(/^(40:00|[1-3]\d:[0-5]\d) left$/);
});

it("tells the viewer the session ended when the learner ends it", async () => {
  await b.page.getByRole("button", { name: "End session" }).click();
  await b.page
    .getByRole("dialog", { name: "End this session?" })
    .getByRole("button", { name: "End session" })
    .click();
  await expect
    .poll(() => viewer.locator(".viewer-terminal .terminal-status").textContent(), { timeout: 30_000 })
    .toBe("the session has ended");
  await viewer.close();
  expect(b.pageErrors).toEqual([]);
});
