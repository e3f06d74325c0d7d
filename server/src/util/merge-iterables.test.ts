import { describe, expect, it } from "vitest";
import { mergeIterables } from "./merge-iterables.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("mergeIterables", () => {
  it("interleaves sources in arrival order; a failing source ends only itself", async () => {
    async function* slow() {
      await sleep(20);
      yield "slow";
    }
    async function* fast() {
      yield "fast";
      throw new Error("broken");
    }
    const out: string[] = [];
    for await (const x of mergeIterables([slow(), fast()], new AbortController().signal)) out.push(x);
    expect(out).toEqual(["fast", "slow"]);
  });

  it("ends when the signal aborts, even if sources never do", async () => {
    async function* forever() {
      for (;;) {
        await sleep(5);
        yield 1;
      }
    }
    const abort = new AbortController();
    let n = 0;
    for await (const _ of mergeIterables([forever()], abort.signal)) if (++n === 3) abort.abort();
    expect(n).toBe(3);
  });
});
