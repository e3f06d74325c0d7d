// `slipway lab dev <path>`: a live session on the lab straight from its folder. Every edit
// of the folder re-validates and reloads the lab and re-runs its checks against the same
// sandbox, printing the results (passed sticky steps stay passed, as for a learner); the
// learner's actions show as step events. An edit the running sandbox cannot reflect (it was
// built from the old images, limits, policy, setup or files/) is named, and the session is
// restarted on "r", or at once with --restart-on-change. An edit that breaks the lab prints
// the located errors and keeps the last good version. Ctrl-C stops the session.
import { watch } from "node:fs";
import type { Lab } from "../labs/lab.ts";
import { formatIssue } from "../labs/lab-issue.ts";
import { validateLabs } from "../labs/lab-validator.ts";
import { DevSession } from "./dev-session.ts";
import type { CommandIo } from "./lab-command.ts";
import type { OpenLabRuntime } from "./lab-runtime.ts";

const QUIET_MS = 100;

export interface LabDevOptions {
  readonly interrupt?: AbortSignal;
  /** Keypresses from a terminal; "r" restarts the session. */
  readonly keys?: AsyncIterable<string>;
  /** ask: name what is stale and wait for "r"; always: restart at once. */
  readonly restart: "ask" | "always";
}

export async function runLabDev(
  dir: string,
  io: CommandIo,
  open: OpenLabRuntime,
  o: LabDevOptions,
): Promise<number> {
  const first = await validateLabs([dir]);
  const lab = first.labs[0];
  if (first.issues.length || !lab) return (first.issues.forEach((i) => io.err(formatIssue(i))), 1);
  const rt = await open({ labPaths: [dir], mode: "dev", say: io.err });
  try {
    const dev = new DevSession(rt, lab.id, io);
    if (!(await dev.start())) return 1;
    const howToRestart = o.keys ? 'press "r"' : "run lab dev again";
    if (o.keys) io.err('keys: "r" restarts the session on a new sandbox, Ctrl-C stops');
    // Reloads and restarts run one at a time, in order.
    let queue = Promise.resolve();
    const enqueue = (work: () => Promise<unknown>) =>
      (queue = queue.then(work).then(
        () => undefined,
        (e: unknown) => io.err(`lab dev: ${e instanceof Error ? e.message : String(e)}`),
      ));

    const reload = async () => {
      const { labs, issues } = await validateLabs([dir]);
      if (issues.length || labs[0]?.id !== lab.id) {
        issues.forEach((i) => io.err(formatIssue(i)));
        if (!issues.length) io.err(`the lab id changed to ${labs[0]?.id}: restart lab dev`);
        return io.err("keeping the last good version of the lab");
      }
      const before = (await rt.catalog.lab(lab.id)) as Lab;
      rt.catalog.reload();
      const after = (await rt.catalog.lab(lab.id)) as Lab;
      if (!dev.running) return io.err(`lab reloaded; no session is running: ${howToRestart} to start one`);
      const stale = await dev.reload(before, after);
      if (!stale.length) return;
      if (o.restart === "always") return dev.restart(`${stale.join(", ")} changed`);
      io.err(
        `${stale.join(", ")} changed, but the running sandbox was built from the old version and keeps it.\n` +
          `  ${howToRestart} to restart on a new sandbox (new session id and token), or use --restart-on-change`,
      );
    };
    let timer: NodeJS.Timeout | undefined;
    const watcher = watch(dir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => enqueue(reload), QUIET_MS);
    });
    const stopKeys = new AbortController();
    void (async () => {
      for await (const key of o.keys ?? []) {
        if (stopKeys.signal.aborted) return;
        if (key.toLowerCase() === "r") enqueue(() => dev.restart("restart requested"));
      }
    })();
    await new Promise<void>((resolve) => {
      void dev.ended.then(resolve);
      if (o.interrupt?.aborted) resolve();
      o.interrupt?.addEventListener("abort", () => resolve(), { once: true });
    });
    stopKeys.abort();
    watcher.close();
    clearTimeout(timer);
    await queue;
    return 0;
  } finally {
    io.err("stopping the session…");
    await rt.close();
  }
}
