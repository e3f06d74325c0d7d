// A guided lab in real Chromium: step 1 of first-container done from the instructions'
// "Run in terminal" button turns passed by itself (live checks over the events stream),
// hints come one at a time, and an instructor watches the same shell read-only through a
// viewer link the learner can revoke.
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

it("hands an instructor a viewer link that only watches, and cuts it off when revoked", async () => {
  await b.page.getByRole("button", { name: "Viewer links" }).click();
  const dialog = b.page.getByRole("dialog", { name: "Viewer links" });
  await dialog.getByLabel("Who is it for? (optional)").fill("my teacher");
  await dialog.getByRole("button", { name: "Create a viewer link" }).click();
  const link = await dialog.getByRole("textbox", { name: "New viewer link" }).inputValue();
  expect(link).toMatch(new RegExp(`#/watch/${session.id}/term1\\?token=`));
  expect(link).not.toContain(encodeURIComponent(session.token));
  expect(await b.page.evaluate<string>("navigator.clipboard.readText()")).toBe(link);

  const viewer = await b.browser.context.newPage();
  await viewer.goto(link);
  expect(new URL(viewer.url()).hash).toBe(`#/watch/${session.id}/term1`); // the token left the address bar
  const screen = () => viewer.locator(".viewer-terminal .xterm-rows").innerText();
  await dialog.getByRole("button", { name: "Close" }).click();
  await session.learner.run("echo seen-by-$((1+1))-people");
  await expect.poll(screen, { timeout: 15_000 }).toMatch(/^seen-by-2-people$/m);
  // Keys typed in the viewer never reach the shell.
  await viewer.locator(".viewer-terminal .xterm").click();
  await viewer.keyboard.type("echo typed-by-viewer\n");
  await b.page.waitForTimeout(500);
  expect(await session.learner.screen()).not.toContain("typed-by-viewer");
  // The learner's Docker calls, as the command they typed.
  await expect
    .poll(() => viewer.locator(".activity").innerText(), { timeout: 10_000 })
    .toMatch(/docker run .*--name hello nginx/);

  // Revoked from the session page: the viewer's terminal and activity stop at once.
  await b.page.getByRole("button", { name: "Viewer links" }).click();
  await dialog.getByRole("button", { name: /^Revoke the link my teacher/ }).click();
  await expect.poll(() => dialog.getByRole("status").textContent()).toContain("Revoked my teacher");
  await expect
    .poll(() => viewer.locator(".viewer-terminal .terminal-status").textContent(), { timeout: 10_000 })
    .toBe("this token was revoked");
  await expect
    .poll(() => viewer.locator(".activity-panel").innerText(), { timeout: 10_000 })
    .toContain("This viewer link no longer works");
  await dialog.getByRole("button", { name: "Close" }).click();
  await viewer.close();
  expect(b.pageErrors).toEqual([]);
});
