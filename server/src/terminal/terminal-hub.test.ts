import { describe, expect, it } from "vitest";
import { FakeDriver } from "./fake-tty.test-helper.ts";
import { TerminalHub } from "./terminal-hub.ts";

const ref = { id: "s1", engine: "e", workstation: "w" };
const size = { cols: 100, rows: 30 };

describe("TerminalHub", () => {
  it("shares one tty between concurrent opens and reattaches after exit", async () => {
    const driver = new FakeDriver();
    let now = 1;
    const hub = new TerminalHub({ driver, onError: () => {}, now: () => now });
    const [a, b] = await Promise.all([hub.open(ref, "main", size), hub.open(ref, "main", size)]);
    expect(a).toBe(b);
    expect(driver.ttys).toHaveLength(1);
    await hub.open(ref, "other", size);
    expect(driver.ttys).toHaveLength(2);
    driver.ttys[0]?.exit(0);
    now = 2;
    const c = await hub.open(ref, "main", size);
    expect(c).not.toBe(a);
    expect(driver.ttys).toHaveLength(3);
    await hub.closeAll();
    expect(driver.ttys.map((t) => t.closed)).toEqual([true, true, true]);
  });

  it("forgets a failed open so the next one retries", async () => {
    let fail = true;
    const driver = new FakeDriver();
    const flaky = {
      openTty: async (...args: Parameters<FakeDriver["openTty"]>) => {
        if (fail) throw new Error("engine down");
        return driver.openTty(...args);
      },
    };
    const hub = new TerminalHub({ driver: flaky, onError: () => {} });
    await expect(hub.open(ref, "main", size)).rejects.toThrow("engine down");
    fail = false;
    await expect(hub.open(ref, "main", size)).resolves.toBeDefined();
  });

  it("refuses names that could escape into a path or a command", async () => {
    const driver = new FakeDriver();
    const hub = new TerminalHub({ driver, onError: () => {} });
    await expect(hub.open(ref, "../x", size)).rejects.toThrow(/invalid terminal name/);
    await expect(hub.open(ref, "a;rm -rf /", size)).rejects.toThrow(/invalid terminal name/);
    expect(driver.ttys).toHaveLength(0);
  });
});
