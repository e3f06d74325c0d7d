// GET /api/sessions/:id/events: Server-Sent Events for the browser. A snapshot first (so a
// reconnecting client needs nothing else), then step, session and timer events as they
// happen, and a comment line every HEARTBEAT_MS so proxies keep the connection open. The
// stream ends when the session does. EventSource cannot set headers: ?token= works too.
import { Router } from "express";
import type { LabEvent } from "../../../common/lab-events.ts";
import type { ProgressService } from "../progress/progress-service.ts";
import type { SessionGuard } from "./session-guard.ts";

const HEARTBEAT_MS = 15_000;
const ended = (e: LabEvent) =>
  (e.type === "session" && (e.state === "stopped" || e.state === "failed")) ||
  (e.type === "snapshot" && (e.view.state === "stopped" || e.view.state === "failed"));

export function labEventsRoute(progress: ProgressService, guard: SessionGuard): Router {
  const r = Router();
  r.get("/sessions/:id/events", async (req, res) => {
    const id = req.params.id;
    guard(req);
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
    res.on("close", () => (clearInterval(heartbeat), unsubscribe()));
    streaming = true;
    for (const e of [{ type: "snapshot", view } as const, ...early]) deliver(e);
  });
  return r;
}
