// What a browser test does on a session page, in a learner's terms: type into the active
// terminal, read what it shows, switch tabs.
import type { Page } from "playwright-core";
import { expect } from "vitest";

export class SessionPageDriver {
  constructor(readonly page: Page) {}

  /** The visible rows of the terminal in the selected tab (xterm's DOM renderer). */
  screen(): Promise<string> {
    return this.page.locator('[role="tabpanel"]:not([hidden]) .xterm-rows').innerText();
  }

  async waitForScreen(pattern: RegExp, timeout = 30_000): Promise<void> {
    await expect.poll(() => this.screen().catch(() => ""), { timeout, interval: 100 }).toMatch(pattern);
  }

  /** Types a command as a learner would, key by key, and presses Enter. */
  async run(command: string): Promise<void> {
    await this.page.locator('[role="tabpanel"]:not([hidden]) .xterm').click();
    await this.page.keyboard.type(command);
    await this.page.keyboard.press("Enter");
  }

  async tab(name: string): Promise<void> {
    await this.page.getByRole("tab", { name, exact: true }).click();
  }

  /** Waits until the terminal is attached and the shell has drawn its prompt. */
  async ready(timeout = 60_000): Promise<void> {
    await this.waitForStatus("connected", timeout);
    await this.waitForScreen(/[$#] *$/m);
  }

  async waitForStatus(text: string, timeout = 60_000): Promise<void> {
    const status = this.page.locator('[role="tabpanel"]:not([hidden]) .terminal-status');
    await expect.poll(() => status.textContent(), { timeout }).toBe(text);
  }
}
