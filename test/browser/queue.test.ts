// A full server queues the next learner: their page shows the place in line and the wait,
// and turns into their session by itself once a sandbox is free.
import { expect, it } from "vitest";
import { useBrowserApp } from "./browser-app.ts";
import { launchChromium } from "./launch-chromium.ts";
import { startFromCatalog } from "./start-from-catalog.ts";
import { SessionPageDriver } from "./session-page-driver.ts";

const b = useBrowserApp({ SLIPWAY_MAX_SESSIONS: "1" });

it("shows the place in line, then the session once the first learner leaves", async () => {
  await startFromCatalog(b.page, b.app.url, "Playground");
  // Another learner: a browser of their own, so not the first one's identity and labs.
  const other = await launchChromium();
  const second = await other.context.newPage();
  await second.goto(b.app.url);
  const card = second
    .getByRole("listitem")
    .filter({ has: second.getByRole("heading", { name: "Playground" }) });
  await card.getByRole("button", { name: "Start" }).click();
  await expect
    .poll(() => second.locator("main").innerText(), { timeout: 20_000 })
    .toMatch(/You are number 1 in line; the wait is (less than a minute|about \d+ (min|h))/);

  await b.page.getByRole("button", { name: "End session" }).click();
  await b.page
    .getByRole("dialog", { name: "End this session?" })
    .getByRole("button", { name: "End session" })
    .click();
  await expect
    .poll(() => b.page.locator("h1").textContent(), { timeout: 30_000 })
    .toBe("This session has ended");
  await new SessionPageDriver(second).ready();
  await other.close();
});
