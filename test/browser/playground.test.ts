// A learner in the playground, in real Chromium against the real server and engine: start
// from the catalog, run a container, reload into the same shell, edit a file in Monaco and
// see it in the terminal, and open a web app on its own origin from the Ports tab.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { useBrowserApp } from "./browser-app.ts";
import type { SessionPageDriver } from "./session-page-driver.ts";
import { startFromCatalog } from "./start-from-catalog.ts";

const b = useBrowserApp();
let learner: SessionPageDriver;

it("starts the playground from the catalog and runs a container in the terminal", async () => {
  await b.page.goto(b.app.url);
  // A favicon, and a playground that does not call itself guided.
  expect(await b.page.locator('link[rel="icon"]').getAttribute("href")).toMatch(/^data:image\/svg\+xml,/);
  const card = b.page
    .getByRole("listitem")
    .filter({ has: b.page.getByRole("heading", { name: "Playground" }) });
  expect(await card.locator(".facts").innerText()).toMatch(/Mode\s+free/);
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
  await expect.poll(() => b.page.locator(".save-state").textContent(), { timeout: 15_000 }).toBe("Saved");
  await learner.tab("term1");
  await learner.run("cat notes.txt; tail -c 1 notes.txt | od -An -c");
  await learner.waitForScreen(/^edited in monaco/m);
  await learner.waitForScreen(/^\s+\\n$/m); // saved with a final newline

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
  await expect.poll(() => b.page.locator(".save-state").textContent(), { timeout: 15_000 }).toBe("Saved");
  await learner.tab("term1");
  await learner.run("cat notes.txt");
  await learner.waitForScreen(/^edited in monaco again/m);
});

it("opens a web app from the Ports tab on its own origin, styled by its root-relative stylesheet", async () => {
  await learner.run(
    `mkdir -p site && printf '%s' '<link rel="stylesheet" href="/style.css"><h1 id="greeting">Styled</h1>' > site/index.html && printf '%s' 'body{background:rgb(255,200,0)} #greeting{color:rgb(0,0,160)}' > site/style.css`,
  );
  await learner.run(
    "docker run -d -p 8080:80 -v $PWD/site:/usr/share/nginx/html:ro nginx; until curl -sf localhost:8080/style.css >/dev/null; do sleep 0.2; done; echo nginx-up",
  );
  await learner.waitForScreen(/^nginx-up$/m, 60_000);
  await learner.tab("Ports");
  const open = b.page.getByRole("button", { name: "Open port 8080" });
  await open.waitFor({ timeout: 15_000 });
  const [popup] = await Promise.all([b.browser.context.waitForEvent("page"), open.click()]);
  await popup.waitForURL(/^http:\/\/p8080-[0-9a-f]{24}\.localhost:\d+\/$/, { timeout: 20_000 });
  // Strings: these run in the page, which this (Node) file has no types for.
  const styles = () =>
    popup.evaluate<string[]>(
      `[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.getElementById("greeting")).color]`,
    );
  await expect.poll(styles, { timeout: 10_000 }).toEqual(["rgb(255, 200, 0)", "rgb(0, 0, 160)"]);
  // The app's page is on another origin: it cannot reach back into Slipway's tab.
  expect(await popup.evaluate<boolean>("window.opener === null")).toBe(true);
  expect(new URL(popup.url()).origin).not.toBe(new URL(b.page.url()).origin);
  const shot = join(tmpdir(), "slipway-preview-styled.png");
  await popup.screenshot({ path: shot });
  console.log(`screenshot of the preview: ${shot}`);
  await popup.close();
  expect(b.pageErrors).toEqual([]);
});
