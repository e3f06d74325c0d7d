import { describe, expect, it } from "vitest";
import { ReplayBuffer } from "./replay-buffer.ts";

const datas = (b: ReplayBuffer, lastSeq: number) => b.since(lastSeq).chunks.map((c) => c.data);

describe("ReplayBuffer", () => {
  it("returns exactly the chunks after lastSeq", () => {
    const b = new ReplayBuffer(1000, 11);
    for (const d of ["a", "b", "c", "d"]) b.push(d);
    expect(b.seq).toBe(14);
    expect(datas(b, 12)).toEqual(["c", "d"]);
    expect(datas(b, 14)).toEqual([]);
    expect(b.since(12).truncated).toBe(false);
    expect(datas(b, 0)).toEqual(["a", "b", "c", "d"]);
  });

  it("trims whole chunks and says when the client missed some", () => {
    const b = new ReplayBuffer(10);
    for (const d of ["aaaa", "bbbb", "cccc", "dddd"]) b.push(d);
    expect(b.size).toBeLessThanOrEqual(10);
    expect(datas(b, 0)).toEqual(["cccc", "dddd"]);
    expect(b.since(1)).toMatchObject({ truncated: true });
    expect(datas(b, 1)).toEqual(["cccc", "dddd"]);
    expect(b.since(2)).toMatchObject({ truncated: false });
    expect(datas(b, 3)).toEqual(["dddd"]);
  });

  it("treats a seq from another incarnation as missed", () => {
    const b = new ReplayBuffer(100, 5000);
    b.push("x");
    expect(b.since(42)).toMatchObject({ truncated: true });
    expect(b.since(999_999)).toMatchObject({ truncated: true });
    expect(datas(b, 999_999)).toEqual(["x"]);
  });

  it("stays bounded and gap-free under a long flood", () => {
    const b = new ReplayBuffer(64 * 1024);
    for (let i = 0; i < 50_000; i++) b.push(`line ${i}\n`);
    expect(b.size).toBeLessThanOrEqual(64 * 1024);
    const seqs = b.since(b.seq - 100).chunks.map((c) => c.seq);
    expect(seqs).toEqual(Array.from({ length: 100 }, (_, i) => b.seq - 99 + i));
  });
});
