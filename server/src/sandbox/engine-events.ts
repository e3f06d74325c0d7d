// The learner's engine's own event stream (GET /events), as SandboxChanges. Reconnects with
// backoff until the signal aborts; after a reconnect it says `resync`, since events may
// have been missed in between.
import { setTimeout as sleep } from "node:timers/promises";
import { type EngineConnect, engineLines } from "./engine-http.ts";
import type { SandboxChange } from "./sandbox-driver.ts";

interface EngineEvent {
  readonly Type?: string;
  readonly Action?: string;
  readonly Actor?: { readonly Attributes?: Readonly<Record<string, string>> };
}

export async function* engineEvents(
  connect: EngineConnect,
  signal: AbortSignal,
): AsyncIterable<SandboxChange> {
  let backoff = 250;
  while (!signal.aborted) {
    try {
      for await (const line of engineLines(connect, "/events", signal)) {
        backoff = 250;
        const e = JSON.parse(line) as EngineEvent;
        yield { kind: "engine", type: e.Type ?? "", action: e.Action ?? "", name: e.Actor?.Attributes?.name };
      }
    } catch {
      // the engine went away or sent garbage: reconnect below
    }
    if (signal.aborted) return;
    await sleep(backoff, undefined, { signal }).catch(() => undefined);
    backoff = Math.min(backoff * 2, 5000);
    yield { kind: "resync" };
  }
}
