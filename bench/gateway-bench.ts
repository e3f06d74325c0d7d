// npm run bench -- gateway: `docker run --rm busybox true` and a small `docker build`, timed
// through a session's gateway and straight to its engine, in the same run, with the same
// (host) docker CLI, alternating the two so drift hits both alike. Target: gateway overhead
// ≤ 15%, printed next to the ratio, not asserted.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { EngineGateway } from "../server/src/gateway/engine-gateway.ts";
import { startTestApp } from "../test/support/test-app.ts";
import { percentile, report } from "./stats.ts";

const RUNS = 12;
const run = promisify(execFile);

function smallContext(): string {
  const dir = mkdtempSync(join(tmpdir(), "slipway-bench-build-"));
  writeFileSync(
    join(dir, "Dockerfile"),
    "FROM busybox\nCOPY notes.txt /notes.txt\nRUN wc -c /notes.txt > /size\n",
  );
  writeFileSync(join(dir, "notes.txt"), "a line of the learner's notes\n".repeat(2000));
  return dir;
}

export async function gatewayBench(): Promise<void> {
  const t = await startTestApp();
  try {
    const s = await t.startSession();
    const sockets = {
      gateway: EngineGateway.socketPath(t.app.sessions.gatewayDir(s.id)),
      // The driver's host-side socket of the same engine, beside the gateway's folder on the
      // sandbox's disk (SERVER_DIRS in session-disk.ts).
      direct: join(dirname(t.app.sessions.gatewayDir(s.id)), "engine", "docker.sock"),
    };
    // Asynchronous: the gateway being measured serves from this very process.
    const docker = async (via: keyof typeof sockets, args: readonly string[]) => {
      const t0 = performance.now();
      const env = { ...process.env, DOCKER_HOST: `unix://${sockets[via]}`, DOCKER_BUILDKIT: "0" };
      await run("docker", args, { env });
      return performance.now() - t0;
    };
    const tasks = [
      { label: "docker run --rm busybox true", args: ["run", "--rm", "busybox", "true"] },
      {
        label: "docker build, 60 KiB context",
        args: ["build", "--no-cache", "-q", "-t", "b", smallContext()],
      },
      // A bind source is first resolved in the engine (one exec there): the dearest policy check.
      {
        label: "docker run -v /tmp:/t (bind check)",
        args: ["run", "--rm", "-v", "/tmp:/t", "busybox", "true"],
      },
    ];
    await docker("direct", ["pull", "-q", "busybox"]);
    console.log(
      "gateway: the same host docker CLI, through the session's gateway and straight to its engine",
    );
    for (const task of tasks) {
      const samples = { gateway: [] as number[], direct: [] as number[] };
      for (const via of ["gateway", "direct"] as const) await docker(via, task.args); // warm both paths
      for (let i = 0; i < RUNS; i++) {
        const order = i % 2 === 0 ? (["gateway", "direct"] as const) : (["direct", "gateway"] as const);
        for (const via of order) samples[via].push(await docker(via, task.args));
      }
      const ratio = percentile(samples.gateway, 50) / percentile(samples.direct, 50);
      console.log(report(`${task.label} via gateway`, samples.gateway));
      console.log(report(`${task.label} direct`, samples.direct));
      console.log(
        `  p50 ratio ${ratio.toFixed(3)} (overhead ${((ratio - 1) * 100).toFixed(1)}%, target ≤ 15%)`,
      );
    }
  } finally {
    await t.close();
  }
}
