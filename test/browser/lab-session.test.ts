// A guided lab in real Chromium: step 1 of first-container done from the instructions'
// "Run in terminal" button turns passed by itself (live checks over the events stream),
// hints come one at a time, and an instructor watches the same shell read-only.
import { expect, it } from "vitest";
import { useBrowserApp } from "./browser-app.ts";
import { type StartedInBrowser, startFromCatalog } from "./start-from-catalog.ts";

const b = useBrowserApp();
let session: StartedInBrowser;

const step = (id: string) => b.page.locator(`.step[data-step="${id}"]`);

it("turns step 1 passed by itself once the learner has run it", async () => {
  session = await startFromCatalog(b.page, b.app.url, "Your first container");
  expect(await step("run-detached").getAttribute("data-status")).not.toBe("passed");
  await expect.poll(() => b.page.locator(".progress-text").textContent()).toBe("0 of 5 done");
  await step("run-detached").getByRole("button", { name: "Run in terminal" }).click();
  await session.learner.waitForScreen(/^[0-9a-f]{64}$/m, 60_000); // docker run -d prints the id
  await expect
    .poll(() => step("run-detached").getAttribute("data-status"), { timeout: 10_000 })
    .toBe("passed");
  await expect.poll(() => b.page.locator(".progress-text").textContent()).toBe("1 of 5 done");
  // The next step opens for the learner.
  expect(await step("list").getAttribute("open")).toBe("");
});

it("reveals hints one at a time, and the solution only after asking", async () => {
  const list = step("logs");
  await list.locator("summary").click();
  await list.getByRole("button", { name: "Show a hint (1 of 1)" }).click();
  await expect
    .poll(() => list.locator(".hints li").allTextContents())
    .toEqual(["docker logs takes the container name."]);
  expect(await list.getByRole("button", { name: /Show a hint/ }).isHidden()).toBe(true);
  await list.getByRole("button", { name: "Show solution" }).click();
  await b.page
    .getByRole("dialog", { name: "Show the solution?" })
    .getByRole("button", { name: "Show solution" })
    .click();
  await expect.poll(() => list.locator(".solution code").textContent()).toContain("docker logs hello");
});

it("shows the instructor the same shell, read-only, with the learner's Docker calls", async () => {
  const viewer = await b.browser.context.newPage();
  await viewer.goto(`${b.app.url}/#/watch/${session.id}/term1?token=${encodeURIComponent(session.token)}`);
  expect(new URL(viewer.url()).hash).toBe(`#/watch/${session.id}/term1`); // the token left the address bar
  const screen = () => viewer.locator(".viewer-terminal .xterm-rows").innerText();
  await session.learner.run("echo seen-by-$((1+1))-people");
  await expect.poll(screen, { timeout: 15_000 }).toMatch(/^seen-by-2-people$/m);
  // Keys typed in the viewer never reach the shell.
  await viewer.locator(".viewer-terminal .xterm").click();
  await viewer.keyboard.type("echo typed-by-viewer\n");
  await b.page.waitForTimeout(500);
  expect(await session.learner.screen()).not.toContain("typed-by-viewer");
  await expect
    .poll(() => viewer.locator(".activity").innerText(), { timeout: 10_000 })
    .toContain("POST /containers/create");
  await viewer.close();
  expect(b.pageErrors).toEqual([]);
});
