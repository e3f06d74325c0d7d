// The workbench beside a guided lab's instructions, in real Chromium against the real engine
// (issue 15): the editor's file buttons are whole, and a shell that ended comes back with one
// key, the page saying so. On a phone, one view at a time under a header of one row.
import { expect, it } from "vitest";
import { useBrowserApp } from "./browser-app.ts";
import type { SessionPageDriver } from "./session-page-driver.ts";
import { startFromCatalog } from "./start-from-catalog.ts";

const b = useBrowserApp();
let learner: SessionPageDriver;

// Starting a lab with an image to pull takes minutes on a busy machine.
it("shows the editor's file buttons whole, nothing cut off", { timeout: 300_000 }, async () => {
  ({ learner } = await startFromCatalog(b.page, b.app.url, "Your first container"));
  await learner.tab("Editor");
  const pane = b.page.locator(".file-pane");
  const paneBox = await pane.boundingBox();
  if (!paneBox) throw new Error("the file pane is not shown");
  for (const name of ["Refresh", "New file"]) {
    const box = await pane.getByRole("button", { name, exact: true }).boundingBox();
    if (!box) throw new Error(`${name} is not shown`);
    expect(box.x).toBeGreaterThanOrEqual(paneBox.x);
    expect(box.x + box.width, `${name} ends inside the file pane`).toBeLessThanOrEqual(
      paneBox.x + paneBox.width,
    );
  }
  // Nor scrolled: the pane has no sideways scroll hiding part of a button.
  const overflow = await b.page.evaluate<number>(
    `(() => { const p = document.querySelector(".file-pane"); return p.scrollWidth - p.clientWidth; })()`,
  );
  expect(overflow).toBe(0);
});

it("brings an ended shell back with one key, and says so", async () => {
  await learner.tab("term1");
  await learner.run("exit");
  const status = b.page.locator('[role="tabpanel"]:not([hidden]) .terminal-status');
  await expect
    .poll(() => status.textContent(), { timeout: 15_000 })
    .toMatch(/^the shell (ended|exited \(\d+\)): press any key for a new shell$/);
  await learner.waitForScreen(/press any key for a new shell\]/);
  // One key; it is not typed into the new shell (the command below would not run after it).
  await b.page.keyboard.press("x");
  await learner.ready();
  await learner.run("echo back-$((40+2))");
  await learner.waitForScreen(/^back-42$/m);
  expect(b.pageErrors).toEqual([]);
});

it("gives a phone one view at a time, under a header of one row", async () => {
  // The same learner on a phone-sized page (it takes the terminal over, so this comes last).
  const phone = await b.browser.context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(b.page.url());
  const header = phone.locator(".session-header");
  await phone.locator(".instructions").waitFor();
  expect((await header.boundingBox())?.height).toBeLessThan(56);
  const views = phone.getByRole("navigation", { name: "Views" });
  expect(await views.getByRole("button").allTextContents()).toEqual(["Instructions", "Terminal", "Editor"]);
  expect(await phone.locator(".workbench").isVisible()).toBe(false);

  await views.getByRole("button", { name: "Terminal" }).click();
  expect(await phone.locator(".instructions").isVisible()).toBe(false);
  const terminal = phone.locator('[role="tabpanel"]:not([hidden]) .xterm');
  await terminal.waitFor();
  const box = await terminal.boundingBox();
  // At the top of the screen and whole, not 1,100 px down under the instructions.
  expect(box?.y).toBeLessThan(200);
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(844);

  await views.getByRole("button", { name: "Editor" }).click();
  expect(await phone.getByRole("button", { name: "New file" }).isVisible()).toBe(true);
  await phone.close();
  expect(b.pageErrors).toEqual([]);
});
