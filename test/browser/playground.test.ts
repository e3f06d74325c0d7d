// A learner in the playground, in real Chromium against the real server and engine: start
// from the catalog, run a container, reload into the same shell, edit a file in Monaco and
// see it in the terminal, and open nginx through the port proxy.
import { expect, it } from "vitest";
import { useBrowserApp } from "./browser-app.ts";
import type { SessionPageDriver } from "./session-page-driver.ts";
import { startFromCatalog } from "./start-from-catalog.ts";

const b = useBrowserApp();
let learner: SessionPageDriver;

it("starts the playground from the catalog and runs a container in the terminal", async () => {
  ({ learner } = await startFromCatalog(b.page, b.app.url, "Playground"));
  await learner.run("docker run --rm busybox echo hello-from-browser");
  await learner.waitForScreen(/^hello-from-browser$/m);
});

it("opens a second shell with +", async () => {
  await learner.run("export WHERE=first-shell");
  await b.page.getByRole("button", { name: "New terminal" }).click();
  await learner.ready();
  await learner.run('echo "where=${WHERE:-another-shell}"');
  await learner.waitForScreen(/^where=another-shell$/m);
  await learner.tab("term1");
});

it("comes back to the same shell, and the same tabs, after a reload", async () => {
  await learner.run("export SLIPWAY_MARK=still-$((40+2))");
  await b.page.reload();
  await learner.ready();
  expect(await b.page.getByRole("tab").allTextContents()).toEqual(["term1", "term2", "Editor", "Ports"]);
  await learner.run('echo "mark=$SLIPWAY_MARK"');
  await learner.waitForScreen(/^mark=still-42$/m);
  // Tab completes in the shell; Shift+Tab leaves the terminal for the tab bar.
  await b.page.keyboard.press("Shift+Tab");
  expect(await b.page.locator(":focus").getAttribute("aria-label")).toBe("New terminal");
});

it("saves a file from Monaco that cat then shows, and asks before overwriting a newer one", async () => {
  await learner.run("echo original > notes.txt");
  await learner.tab("Editor");
  await b.page.getByRole("button", { name: "notes.txt" }).click();
  const editor = b.page.locator(".monaco-editor .view-lines");
  // Monaco draws spaces as no-break spaces.
  const editorText = async () => (await editor.innerText()).replace(/\u00a0/g, " ");
  await expect.poll(editorText, { timeout: 30_000 }).toContain("original");
  await editor.click();
  await b.page.keyboard.press("Control+A");
  await b.page.keyboard.type("edited in monaco");
  await expect.poll(editorText).toBe("edited in monaco");
  await b.page.keyboard.press("Control+S");
  await expect.poll(() => b.page.locator(".save-state").textContent()).toBe("Saved");
  await learner.tab("term1");
  await learner.run("cat notes.txt");
  await learner.waitForScreen(/^edited in monaco/m);

  // Edited in both places: saving asks instead of overwriting the terminal's version.
  await learner.tab("Editor");
  await editor.click();
  await b.page.keyboard.press("Control+End");
  await b.page.keyboard.type(" again");
  await learner.tab("term1");
  await learner.run("echo from-terminal > notes.txt");
  await learner.tab("Editor");
  await editor.click();
  await b.page.keyboard.press("Control+S");
  const dialog = b.page.getByRole("dialog", { name: "The file changed" });
  await dialog.getByRole("button", { name: "Overwrite it with mine" }).click();
  await expect.poll(() => b.page.locator(".save-state").textContent()).toBe("Saved");
  await learner.tab("term1");
  await learner.run("cat notes.txt");
  await learner.waitForScreen(/^edited in monaco again/m);
});

it("opens nginx through the port proxy in a new tab", async () => {
  await learner.run(
    "docker run -d -p 8080:80 nginx; until curl -sf localhost:8080 >/dev/null; do sleep 0.2; done; echo nginx-up",
  );
  await learner.waitForScreen(/^nginx-up$/m, 60_000);
  await learner.tab("Ports");
  const [popup] = await Promise.all([
    b.browser.context.waitForEvent("page"),
    b.page.getByRole("button", { name: "Open in a new tab" }).click(),
  ]);
  await expect
    .poll(() => popup.textContent("body").catch(() => ""), { timeout: 20_000 })
    .toContain("Welcome to nginx");
  await popup.close();
  expect(b.pageErrors).toEqual([]);
});
