import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { silentProgress } from "./progress.ts";
import { withSetupLock } from "./setup-lock.ts";

describe("withSetupLock", () => {
  it("runs one setup at a time", async () => {
    const dir = mkdtempSync(join(tmpdir(), "slipway-lock-"));
    const log: string[] = [];
    const job = (name: string) => async () => {
      log.push(`${name} in`);
      await new Promise((r) => setTimeout(r, 50));
      log.push(`${name} out`);
    };
    await Promise.all([
      withSetupLock(dir, silentProgress, job("a")),
      withSetupLock(dir, silentProgress, job("b")),
    ]);
    expect(log).toEqual(["a in", "a out", "b in", "b out"]);
  });

  it("takes over a lock whose owner is gone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "slipway-lock-"));
    writeFileSync(join(dir, "setup.lock"), "999999999");
    await expect(withSetupLock(dir, silentProgress, async () => "done")).resolves.toBe("done");
  });
});
