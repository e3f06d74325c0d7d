import { Duplex } from "node:stream";
import { describe, expect, it } from "vitest";
import { resolveEnginePaths } from "./engine-paths.ts";

/** A resolver connection that answers as engine-resolve.sh would. */
function answering(answer: string): Duplex {
  return new Duplex({
    read() {},
    write: (_chunk, _enc, done) => done(),
    final(done) {
      this.push(answer);
      this.push(null);
      done();
    },
  });
}
const busy = () => Promise.reject(Object.assign(new Error("connect EAGAIN"), { code: "EAGAIN" }));

describe("resolveEnginePaths", () => {
  it("asks again when the resolver's backlog is full, instead of refusing the learner's bind", async () => {
    let calls = 0;
    const r = await resolveEnginePaths(
      () => (++calls < 3 ? busy() : Promise.resolve(answering("pinned\0/home/learner/a\0"))),
      ["/home/learner/a"],
    );
    expect(r).toEqual({ paths: ["/home/learner/a"], pinned: true });
    expect(calls).toBe(3);
  });

  it("asks again after an empty answer, but not after a wrong one", async () => {
    let calls = 0;
    const ok = await resolveEnginePaths(
      () => Promise.resolve(answering(++calls < 2 ? "" : "unpinned\0/tmp/x\0")),
      ["/tmp/x"],
    );
    expect(ok.pinned).toBe(false);
    await expect(resolveEnginePaths(() => Promise.resolve(answering("garbage")), ["/tmp/x"])).rejects.toThrow(
      /answered "garbage"/,
    );
  });

  it("gives up on an error that is not transient at once", async () => {
    let calls = 0;
    const gone = () => (calls++, Promise.reject(Object.assign(new Error("no socket"), { code: "ENOENT" })));
    await expect(resolveEnginePaths(gone, ["/tmp/x"])).rejects.toThrow("no socket");
    expect(calls).toBe(1);
  });
});
