// Starting a lab the way a learner does: its card in the catalog, "Start", and the session
// page with its terminal attached.
import type { Page } from "playwright-core";
import { SessionPageDriver } from "./session-page-driver.ts";

export interface StartedInBrowser {
  readonly id: string;
  readonly token: string;
  readonly learner: SessionPageDriver;
}

/** The session's token as the page's identity gets it (no tab keeps it). */
export async function learnerToken(page: Page, id: string): Promise<string> {
  const answer = await page.evaluate(async (sessionId) => {
    const res = await fetch(`/api/me/sessions/${sessionId}/token`, {
      method: "POST",
      headers: { "x-slipway-client": "1" },
    });
    return (await res.json()) as { token?: string };
  }, id);
  if (!answer.token) throw new Error(`the learner's identity gives no token for ${id}`);
  return answer.token;
}

export async function startFromCatalog(
  page: Page,
  url: string,
  title: string,
  button = "Start",
): Promise<StartedInBrowser> {
  await page.goto(url);
  const card = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: title, exact: true }) });
  await card.getByRole("button", { name: button, exact: true }).click();
  await page.waitForURL(/#\/session\/[\w-]+$/, { timeout: 120_000 });
  const id = new URL(page.url()).hash.split("/")[2] as string;
  const token = await learnerToken(page, id);
  const learner = new SessionPageDriver(page);
  await learner.ready();
  return { id, token, learner };
}
