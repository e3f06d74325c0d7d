import { describe, expect, it } from "vitest";
import type { ExecOptions, SandboxDriver } from "../sandbox/sandbox-driver.ts";
import { liveCheckContext } from "./live-check-context.ts";

function context() {
  const calls: Array<{ cmd: readonly string[]; opts: ExecOptions | undefined }> = [];
  const driver: Pick<SandboxDriver, "exec" | "readFile" | "connectEngine" | "portEndpoint"> = {
    exec: async (_ref, cmd, opts) => (
      calls.push({ cmd, opts }),
      { exitCode: 0, stdout: "ok", stderr: "", timedOut: false, truncated: false, durationMs: 1 }
    ),
    readFile: async () => undefined,
    connectEngine: async () => {
      throw new Error("not in this test");
    },
    portEndpoint: async () => {
      throw new Error("not in this test");
    },
  };
  const ref = { id: "s", engine: "e", workstation: "w" };
  const ctx = liveCheckContext({ driver, ref, history: () => [], signal: new AbortController().signal });
  return { ctx, calls };
}

describe("liveCheckContext", () => {
  it("keeps checks off the learner's gateway: docker in the workstation points nowhere", async () => {
    const { ctx, calls } = context();
    await ctx.exec(["docker", "ps"]);
    expect(calls[0]?.opts).toMatchObject({
      target: "workstation",
      env: { DOCKER_HOST: expect.stringContaining("target-engine") },
    });
  });

  it("runs engine-side commands next to the learner's engine, in the workspace", async () => {
    const { ctx, calls } = context();
    expect(await ctx.exec(["docker", "logs", "api"], { target: "engine", stdin: "{}" })).toEqual({
      exitCode: 0,
      stdout: "ok",
      stderr: "",
    });
    expect(calls[0]?.opts).toMatchObject({ target: "engine", workdir: "/home/learner", stdin: "{}" });
    expect(calls[0]?.opts?.env).toBeUndefined();
  });
});
