// `slipway lab dev` on the real engine: a session on a lab straight from its folder, checks
// re-run after every edit, learner progress printed as it happens, and Ctrl-C stops it all.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runLabCommand } from "../server/src/cli/lab-command.ts";
import { labRuntimeOpener } from "../server/src/cli/lab-runtime.ts";
import { loadConfig } from "../server/src/config.ts";
import { hostFacts } from "./support/test-app.ts";

const config = loadConfig();

async function until(text: () => string, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(text())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output:\n${text()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return text();
}

describe("slipway lab dev", () => {
  it("re-checks the lab on every edit and stops the session on Ctrl-C", { timeout: 180_000 }, async () => {
    hostFacts(); // the integration setup ran
    const dir = join(mkdtempSync(join(tmpdir(), "slipway-dev-")), "live-steps");
    cpSync(resolve(config.repoRoot, "test/fixtures/labs/live-steps"), dir, { recursive: true });
    let out = "";
    const io = { out: (s: string) => void (out += `${s}\n`), err: (s: string) => void (out += `${s}\n`) };
    const interrupt = new AbortController();
    const running = runLabCommand(["lab", "dev", dir], io, {
      labsDir: config.labsDir,
      openRuntime: labRuntimeOpener(config),
      interrupt: interrupt.signal,
    });
    await until(() => out, /FAIL notes.txt says hello/);
    const id = /session (\w+) is ready/.exec(out)?.[1];
    const token = /token: +(\S+)/.exec(out)?.[1];
    const url = /browser: +(http:\/\/\S+)\//.exec(out)?.[1];
    expect(id && token && url).toBeTruthy();

    // The learner works: progress shows up by itself.
    const exec = (cmd: string) =>
      fetch(`${url}/api/sessions/${id}/exec`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ cmd: ["sh", "-c", cmd] }),
      });
    await exec("echo hello > notes.txt");
    await until(() => out, /step write-note: passed/);

    // The author edits a check: the lab is reloaded and re-checked against the same sandbox.
    const yaml = join(dir, "lab.yaml");
    const mark = out.length;
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace("contains: hello", "contains: goodbye"));
    const after = (
      await until(() => out.slice(mark), /reloaded live-steps[\s\S]*FAIL notes.txt says hello/)
    ).toString();
    expect(after).toMatch(/content expected to contain "goodbye"/);

    // A broken edit is reported with its location; the last good version keeps running.
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace("type: file", "type: flie"));
    await until(() => out, /lab.yaml:\d+:\d+: unknown check type "flie"[\s\S]*keeping the last good version/);

    interrupt.abort();
    expect(await running).toBe(0);
    expect(out).toMatch(/stopping the session/);
    const gone = await fetch(`${url}/api/sessions/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    }).catch(() => undefined);
    expect(gone).toBeUndefined(); // the in-process server is closed too
  });
});
