// GET /api/sessions/:id/events: Server-Sent Events for the browser. A snapshot first (so a
// reconnecting client needs nothing else), then step, session and timer events as they
// happen, and a comment line every HEARTBEAT_MS so proxies keep the connection open. The
// stream ends when the session does, or at once when the token it was opened with is revoked.
// The token comes in the Authorization header like everywhere else (the browser reads the
// stream with fetch, not EventSource, which cannot send one).
import type { LabEvent } from "../../../common/lab-events.ts";
import type { ProgressService } from "../progress/progress-service.ts";
import type { SessionAccess } from "../sessions/access/session-access.ts";
import type { SessionRouter } from "./session-router.ts";

const HEARTBEAT_MS = 15_000;
const ended = (e: LabEvent) =>
  (e.type === "session" && (e.state === "stopped" || e.state === "failed")) ||
  (e.type === "snapshot" && (e.view.state === "stopped" || e.view.state === "failed"));

export function labEventsRoute(
  r: SessionRouter,
  progress: ProgressService,
  access: Pick<SessionAccess, "onRevoked">,
): void {
  r.get("/:id/events", "view", async (_req, res, grant) => {
    const id = grant.sessionId;
    let seq = 0;
    // Subscribed before the snapshot is taken, so no event falls between the two.
    const early: LabEvent[] = [];
    let streaming = false;
    const deliver = (e: LabEvent) => {
      if (res.writableEnded) return;
      res.write(`id: ${++seq}\ndata: ${JSON.stringify(e)}\n\n`);
      if (ended(e)) res.end();
    };
    const unsubscribe = progress.subscribe(id, (e) => (streaming ? deliver(e) : early.push(e)));
    const view = await progress.view(id).catch((e: unknown) => {
      unsubscribe();
      throw e;
    });
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    res.write("retry: 2000\n\n");
    const heartbeat = setInterval(() => res.write(": ping\n\n"), HEARTBEAT_MS);
    const unrevoked = access.onRevoked(grant, () => res.destroy());
    res.on("close", () => (clearInterval(heartbeat), unsubscribe(), unrevoked()));
    streaming = true;
    for (const e of [{ type: "snapshot", view } as const, ...early]) deliver(e);
  });
}
