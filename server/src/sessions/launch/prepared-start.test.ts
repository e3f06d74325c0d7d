// A session handed a sandbox the pool prepared for its lab: ready at once, as its own (its id,
// so its variables), and with none of the preparation in the learner's trail.
import { rmSync } from "node:fs";
import { request } from "node:http";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EngineGateway } from "../../gateway/engine-gateway.ts";
import { loadLab } from "../../labs/lab-loader.ts";
import { type MemoryApp, startMemoryApp } from "../../memory-app.test-helper.ts";

let m: MemoryApp | undefined;
afterEach(async () => {
  await m?.close();
  m = undefined;
});

/** What the learner's `docker version` would first ask, through their gateway's socket. */
const ping = (app: MemoryApp, id: string) =>
  new Promise<number | string>((resolve) => {
    const socketPath = EngineGateway.socketPath(app.driver.gatewayDir(id));
    request({ socketPath, path: "/_ping" }, (res) => (res.resume(), resolve(res.statusCode ?? 0)))
      .on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "error"))
      .end();
  });

const prepared = (env: Record<string, string> = {}) =>
  startMemoryApp({ env: { SLIPWAY_POOL_LABS: "variants", SLIPWAY_POOL_MEMORY_MIB: "4096", ...env } });

describe("a sandbox prepared for the lab", () => {
  it("is handed over as it is, under its own id, rendered with that id's variables", async () => {
    m = await prepared();
    await m.app.sessions.pool.refill();
    const [entry] = m.store.listPool();
    expect(entry?.lab).toBe("variants");
    expect([...m.driver.sandbox(entry?.id ?? "").images]).toEqual(["busybox"]); // pulled ahead
    const before = m.driver.calls.length;
    const { session } = await m.app.sessions.start("variants");
    expect(session.state).toBe("ready");
    expect(session.id).toBe(entry?.id);
    expect(m.app.sessions.get(session.id).origin).toBe("prepared");
    // No sandbox was made for it at the start: the prepared one was looked at and handed over.
    const during = m.driver.calls.slice(before).filter((c) => c.id === session.id);
    expect(during.map((c) => c.method)).not.toContain("create");
    expect(during[0]?.method).toBe("waitReady");
    const { lab } = await loadLab(
      resolve(import.meta.dirname, "../../../../test/fixtures/labs/variants"),
      undefined,
      {
        seed: session.id,
      },
    );
    const page = m.driver.sandbox(session.id).files.get("index.html")?.toString();
    expect(page).toBe(`<p>${lab?.variant?.values.motto}</p>\n`);
  });

  it("is never handed to another lab, nor to a lab whose pool is empty", async () => {
    m = await prepared();
    await m.app.sessions.pool.refill();
    const { session } = await m.app.sessions.start("live-steps");
    expect(m.app.sessions.get(session.id).origin).toBe("fresh");
    expect(m.store.listPool().map((p) => p.lab)).toEqual(["variants"]);
  });

  it("keeps the preparation's Docker calls out of the learner's trail, and records theirs", async () => {
    m = await prepared();
    await m.app.sessions.pool.refill();
    const [entry] = m.store.listPool();
    expect(m.app.sessions.learnerHasHad(entry?.id ?? "")).toBe(false);
    const { session } = await m.app.sessions.start("variants");
    expect(m.app.sessions.learnerHasHad(session.id)).toBe(true);
  });

  it("makes none without a memory budget", async () => {
    m = await prepared({ SLIPWAY_POOL_MEMORY_MIB: "0" });
    await m.app.sessions.pool.refill();
    expect(m.store.listPool()).toEqual([]);
  });

  it("prepares for a lab learners start, after their start, without being told to", async () => {
    m = await prepared({ SLIPWAY_POOL_LABS: "" });
    await m.app.sessions.start("variants");
    await m.app.sessions.pool.refill();
    expect(m.store.listPool().map((p) => p.lab)).toEqual(["variants"]);
  });

  it("opens the learner's Docker socket again when the server restarted after preparing it", async () => {
    const first = await prepared();
    await first.app.sessions.pool.refill();
    const [entry] = first.store.listPool();
    first.crash();
    // The dead server's socket answers nobody (in this process its listener lives on).
    rmSync(EngineGateway.socketPath(first.driver.gatewayDir(entry?.id ?? "")));
    m = await startMemoryApp({
      driver: first.driver,
      store: first.store,
      clock: first.clock,
      env: { SLIPWAY_POOL_LABS: "variants", SLIPWAY_POOL_MEMORY_MIB: "4096" },
    });
    const { session } = await m.app.sessions.start("variants");
    expect(session.id).toBe(entry?.id);
    expect(m.app.sessions.get(session.id).origin).toBe("prepared");
    expect(await ping(m, session.id)).toBe(200);
  });
});
