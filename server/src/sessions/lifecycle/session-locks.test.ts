import { expect, it } from "vitest";
import { SessionLocks } from "./session-locks.ts";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

it("runs one operation per session at a time, in order, and others alongside", async () => {
  const locks = new SessionLocks();
  const log: string[] = [];
  const op = (id: string, name: string, ms: number) =>
    locks.run(id, async () => {
      log.push(`${name} begins`);
      await tick(ms);
      log.push(`${name} ends`);
    });
  await Promise.all([op("a", "a1", 20), op("a", "a2", 1), op("b", "b1", 5)]);
  expect(log).toEqual(["a1 begins", "b1 begins", "b1 ends", "a1 ends", "a2 begins", "a2 ends"]);
});

it("goes on after a failed operation, and is idle once all are done", async () => {
  const locks = new SessionLocks();
  await expect(locks.run("a", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  expect(await locks.run("a", async () => "next")).toBe("next");
  await locks.idle();
});
