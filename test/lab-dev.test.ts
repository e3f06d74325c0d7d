// `slipway lab dev` on the real engine: a session on a lab straight from its folder, checks
// re-run after every edit (sticky passes kept), learner progress printed as it happens, a
// change the sandbox cannot reflect named and restarted on a keypress or a flag, and Ctrl-C
// stops it all.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runLabCommand } from "../server/src/cli/lab-command.ts";
import { labRuntimeOpener } from "../server/src/cli/lab-runtime.ts";
import { loadConfig } from "../server/src/config.ts";
import { hostFacts } from "./support/test-app.ts";

const config = loadConfig();
// Bounds, not sleeps: lab dev sets up the host (seconds when warm) and starts a sandbox,
// which on a busy 2-core machine can take a minute or two.
const SESSION_MS = 180_000;

async function until(text: () => string, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(text())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output:\n${text()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return text();
}

/** A copy of the live-steps fixture to edit. */
function labCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "slipway-dev-")), "live-steps");
  cpSync(resolve(config.repoRoot, "test/fixtures/labs/live-steps"), dir, { recursive: true });
  return dir;
}

/** Keypresses a test sends, as a terminal would. */
function keyboard() {
  const pending: string[] = [];
  let wake: (() => void) | undefined;
  const keys: AsyncIterable<string> = {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const key = pending.shift();
        if (key !== undefined) yield key;
        else await new Promise<void>((r) => (wake = r));
      }
    },
  };
  return { keys, press: (key: string) => (pending.push(key), wake?.()) };
}

interface Dev {
  text(): string;
  /** The latest session lab dev printed. */
  session(): { id?: string; token?: string; url?: string };
  /** Runs a command in the latest session, as the learner. */
  exec(cmd: string): Promise<string>;
}

/** Runs lab dev on dir until its first report, hands it to the test, then Ctrl-C: lab dev
 *  must exit 0, also when the test failed half-way (no session is left behind). */
async function withDev(
  dir: string,
  args: string[],
  keys: AsyncIterable<string> | undefined,
  test: (d: Dev) => Promise<void>,
) {
  hostFacts(); // the integration setup ran
  let out = "";
  const io = { out: (s: string) => void (out += `${s}\n`), err: (s: string) => void (out += `${s}\n`) };
  const interrupt = new AbortController();
  const running = runLabCommand(["lab", "dev", dir, ...args], io, {
    labsDir: config.labsDir,
    openRuntime: labRuntimeOpener(config, hostFacts()),
    interrupt: interrupt.signal,
    ...(keys ? { keys } : {}),
  });
  const last = (re: RegExp) => [...out.matchAll(new RegExp(re, "g"))].at(-1)?.[1];
  const session = () => ({
    id: last(/session (\w+) is ready/),
    token: last(/token: +(\S+)/),
    url: last(/browser: +(http:\/\/[^/\s]+)\//),
  });
  const dev: Dev = {
    text: () => out,
    session,
    async exec(cmd) {
      const { id, token, url } = session();
      const r = await fetch(`${url}/api/sessions/${id}/exec`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ cmd: ["sh", "-c", cmd] }),
      });
      return ((await r.json()) as { stdout: string }).stdout;
    },
  };
  try {
    await until(dev.text, /FAIL notes.txt says hello/, SESSION_MS);
    await test(dev);
  } finally {
    interrupt.abort();
    expect(await running).toBe(0);
  }
  expect(out).toMatch(/stopping the session/);
}

describe("slipway lab dev", () => {
  it("re-checks the lab on every edit and stops the session on Ctrl-C", { timeout: 300_000 }, async () => {
    const dir = labCopy();
    let url: string | undefined;
    let id: string | undefined;
    let token: string | undefined;
    await withDev(dir, [], undefined, async (dev) => {
      ({ id, token, url } = dev.session());
      expect(id && token && url).toBeTruthy();

      // The author's browser takes the session with the printed one-time link, as the link
      // page does, and its session page then gets the session's token from that identity.
      const code = /#\/link\/([A-Z0-9-]+)/i.exec(dev.text())?.[1];
      expect(dev.text()).toContain(`browser:  ${url}/#/session/${id}`);
      const ours = {
        "x-slipway-client": "1",
        "sec-fetch-site": "same-origin",
        "content-type": "application/json",
      };
      const claimed = await fetch(`${url}/api/me/claim`, {
        method: "POST",
        headers: ours,
        body: JSON.stringify({ code }),
      });
      expect(claimed.status).toBe(200);
      const cookie = (claimed.headers.get("set-cookie") ?? "").split(";")[0] as string;
      const tab = await fetch(`${url}/api/me/sessions/${id}/token`, {
        method: "POST",
        headers: { ...ours, cookie },
      });
      expect(((await tab.json()) as { token?: string }).token).toBeTruthy();

      // The learner works: progress shows up by itself.
      await dev.exec("echo hello > notes.txt");
      await until(dev.text, /step write-note: passed/);

      // The author edits a check: the lab is reloaded and re-checked against the same sandbox;
      // a step whose checks changed is judged again.
      const yaml = join(dir, "lab.yaml");
      const mark = dev.text().length;
      writeFileSync(yaml, readFileSync(yaml, "utf8").replace("contains: hello", "contains: goodbye"));
      const after = await until(
        () => dev.text().slice(mark),
        /reloaded live-steps[\s\S]*FAIL notes.txt says hello/,
      );
      expect(after).toMatch(/content expected to contain "goodbye"/);

      // A broken edit is reported with its location; the last good version keeps running.
      writeFileSync(yaml, readFileSync(yaml, "utf8").replace("type: file", "type: flie"));
      await until(
        dev.text,
        /lab.yaml:\d+:\d+: unknown check type "flie"[\s\S]*keeping the last good version/,
      );
    });
    const gone = await fetch(`${url}/api/sessions/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    }).catch(() => undefined);
    expect(gone).toBeUndefined(); // the in-process server is closed too
  });

  it(
    "keeps a passed sticky step passed across a reload, though a later action undid it",
    { timeout: 300_000 },
    async () => {
      const dir = labCopy();
      await withDev(dir, [], undefined, async (dev) => {
        await dev.exec("docker run -d --name box busybox sleep 600");
        await until(dev.text, /step run-box: passed/, 60_000);
        await dev.exec("docker rm -f box"); // the learner moves on; run-box stays passed (sticky)
        const mark = dev.text().length;
        writeFileSync(join(dir, "steps/2-write-note.md"), "# Write a note\n\nEdited.\n");
        const after = await until(
          () => dev.text().slice(mark),
          /reloaded live-steps[^\n]*\n[\s\S]*write-note/,
        );
        expect(after).toMatch(/still passed \(sticky, unchanged\): run-box/);
        expect(after).toMatch(/✓ run-box \(passed, sticky: its checks fail now\)/);
      });
    },
  );

  it('names a change the sandbox cannot reflect, and restarts on "r"', { timeout: 420_000 }, async () => {
    const dir = labCopy();
    const input = keyboard();
    await withDev(dir, [], input.keys, async (dev) => {
      const first = dev.session().id as string;
      mkdirSync(join(dir, "files"));
      writeFileSync(join(dir, "files/notes.txt"), "hello from files\n");
      await until(
        dev.text,
        /files\/ changed, but the running sandbox was built from the old version[\s\S]*press "r"/,
      );
      expect(await dev.exec("cat notes.txt 2>&1 || true")).toMatch(/No such file/);
      input.press("r");
      await until(
        dev.text,
        new RegExp(`stopping session ${first}[\\s\\S]*session (?!${first})\\w+ is ready`),
        SESSION_MS,
      );
      expect(dev.session().id).not.toBe(first);
      expect(await dev.exec("cat notes.txt")).toBe("hello from files\n");
      await until(dev.text, /✓ write-note \(passed\)/);
    });
  });

  it("restarts by itself with --restart-on-change", { timeout: 420_000 }, async () => {
    const dir = labCopy();
    await withDev(dir, ["--restart-on-change"], undefined, async (dev) => {
      const first = dev.session().id as string;
      writeFileSync(join(dir, "setup.sh"), "echo from-setup > setup-ran.txt\n");
      const yaml = join(dir, "lab.yaml");
      writeFileSync(
        yaml,
        readFileSync(yaml, "utf8").replace("mode: guided", "mode: guided\nsetup: setup.sh"),
      );
      await until(
        dev.text,
        new RegExp(`setup changed: stopping session ${first} and starting a new one`),
        60_000,
      );
      await until(dev.text, new RegExp(`session (?!${first})\\w+ is ready`), SESSION_MS);
      expect(await dev.exec("cat setup-ran.txt")).toBe("from-setup\n");
    });
  });
});
