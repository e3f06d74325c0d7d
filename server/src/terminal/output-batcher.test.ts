import { describe, expect, it } from "vitest";
import { OutputBatcher } from "./output-batcher.ts";

const turn = () => new Promise((r) => setImmediate(r));

describe("OutputBatcher", () => {
  it("sends the pieces of one event-loop turn as one message, in order", async () => {
    const sent: string[] = [];
    const b = new OutputBatcher((d) => sent.push(d));
    b.push("a");
    b.push("b");
    expect(sent).toEqual([]);
    await turn();
    b.push("c");
    await turn();
    expect(sent).toEqual(["ab", "c"]);
  });

  it("sends at once when a batch is full", () => {
    const sent: string[] = [];
    const b = new OutputBatcher((d) => sent.push(d), 4);
    b.push("abc");
    b.push("de");
    expect(sent).toEqual(["abcde"]);
  });
});
