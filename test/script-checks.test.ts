// TypeScript checkers on the real engine: each runs in a process of its own, and every call
// it makes on its CheckContext (engine API, engine-side and in-container commands, workspace
// files, the learner's Docker calls) is answered from the live sandbox. A checker that ends
// its own process fails its step and the server carries on; `lab dev` runs an edited checker.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckReport } from "../common/lab-events.ts";
import { runLabCommand } from "../server/src/cli/lab-command.ts";
import { labRuntimeOpener } from "../server/src/cli/lab-runtime.ts";
import { loadConfig } from "../server/src/config.ts";
import { hostFacts, startTestApp, type TestApp } from "./support/test-app.ts";

const LABS = resolve(import.meta.dirname, "fixtures/script-labs");
const config = loadConfig();

async function until(text: () => string, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(text())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output:\n${text()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return text();
}

describe("script checks on a live sandbox", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SLIPWAY_LABS_DIR: LABS });
  });
  afterAll(() => t?.close());

  it(
    "answer a checker's context calls from the sandbox; a crashing one fails alone",
    { timeout: 180_000 },
    async () => {
      const s = await t.startSession("script-checks");
      const check = async () =>
        (await t.api<CheckReport>("POST", `/api/sessions/${s.id}/check`, {}, s.token)).body.steps;
      const step = (steps: CheckReport["steps"], id: string) => steps.find((x) => x.stepId === id);

      const before = await check();
      expect(step(before, "web")?.results.flatMap((r) => r.errors)).toEqual([
        "script checks/web.ts: container web: expected to be running (engine answered 404)",
        "script checks/web.ts: docker ps on the engine: expected web",
        "script checks/web.ts: notes.txt: expected to say hello",
        "script checks/web.ts: history: expected a docker run",
        "script port-reachable: localhost:8080 expected to accept TCP connections, but it did not",
      ]);
      expect(step(before, "crash")?.results[0]?.errors).toEqual([
        "script checks/exits.ts: exited (code 3) before returning a result",
      ]);

      const work = await t.exec(
        s,
        `docker run -d --name web -p 8080:80 nginx >/dev/null && echo hello > notes.txt &&
       for i in $(seq 50); do curl -sf localhost:8080 >/dev/null && exit 0; sleep 0.2; done; exit 1`,
        60_000,
      );
      expect(work.exitCode).toBe(0);
      const after = await check();
      expect(step(after, "web")?.results.flatMap((r) => r.errors)).toEqual([]);
      expect(step(after, "web")?.pass).toBe(true);
      expect(step(after, "crash")?.pass).toBe(false);
      expect((await t.api("GET", "/api/health")).status).toBe(200);
    },
  );
});

describe("slipway lab dev with a TypeScript checker", () => {
  it("runs the edited checker after an edit, not the first version", { timeout: 300_000 }, async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "slipway-dev-")), "script-checks");
    cpSync(join(LABS, "script-checks"), dir, { recursive: true });
    let out = "";
    const io = { out: (s: string) => void (out += `${s}\n`), err: (s: string) => void (out += `${s}\n`) };
    const interrupt = new AbortController();
    const running = runLabCommand(["lab", "dev", dir], io, {
      labsDir: config.labsDir,
      openRuntime: labRuntimeOpener(config, hostFacts()),
      interrupt: interrupt.signal,
    });
    try {
      // The session starts first (sandbox, nginx pulled): slow on a busy machine.
      await until(() => out, /notes\.txt: expected to say hello/, 150_000);
      const checker = join(dir, "checks/web.ts");
      const mark = out.length;
      writeFileSync(checker, readFileSync(checker, "utf8").replace("expected to say", "must say"));
      await until(() => out.slice(mark), /reloaded script-checks[\s\S]*notes\.txt: must say hello/);
      expect(out.slice(mark)).not.toMatch(/expected to say/);
    } finally {
      interrupt.abort();
      expect(await running).toBe(0);
    }
  });
});
