import { describe, expect, it } from "vitest";
import { AsciicastRecorder } from "./asciicast-recorder.ts";

function recorder(maxBytes = 10_000) {
  let now = 1_700_000_000_000;
  const r = new AsciicastRecorder({ maxBytes, clock: () => now, records: (id) => id !== "not-a-task" });
  return { r, advance: (ms: number) => void (now += ms) };
}

describe("AsciicastRecorder", () => {
  it('writes asciicast v2: a header, then [seconds, "o", data] per chunk of the first shell', () => {
    const { r, advance } = recorder();
    r.opened("s1", "main", { cols: 100, rows: 30 });
    r.opened("s1", "second", { cols: 80, rows: 24 });
    r.output("s1", "main", "$ docker ps\r\n");
    advance(1500);
    r.output("s1", "second", "not this one");
    r.output("s1", "main", "CONTAINER ID\r\n");
    const lines = r
      .cast("s1")
      ?.cast.trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual([
      { version: 2, width: 100, height: 30, timestamp: 1_700_000_000, env: { TERM: "xterm-256color" } },
      [0, "o", "$ docker ps\r\n"],
      [1.5, "o", "CONTAINER ID\r\n"],
    ]);
  });

  it("stops at its cap and says so; sessions that are no task are not recorded", () => {
    const { r } = recorder(400);
    r.opened("s1", "main", { cols: 80, rows: 24 });
    for (let i = 0; i < 100; i++) r.output("s1", "main", "y\r\n");
    const c = r.cast("s1");
    expect(c?.truncated).toBe(true);
    expect(Buffer.byteLength(c?.cast ?? "")).toBeLessThanOrEqual(400);
    r.opened("not-a-task", "main", { cols: 80, rows: 24 });
    expect(r.cast("not-a-task")).toBeUndefined();
  });
});
