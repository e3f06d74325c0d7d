// GET /api/classes/:id/events: the instructor's dashboard as Server-Sent Events: the whole
// dashboard first, then again after each change of the class (steps, sessions, joins) and
// every couple of seconds, so a reconnecting page needs nothing else. Read with fetch, so
// the instructor key stays in the Authorization header.
import type { Request, Response } from "express";
import type { DashboardView } from "../../../common/class-views.ts";
import type { ClassBoard } from "../classes/class-board.ts";
import type { ClassRecord } from "../classes/class.ts";

const HEARTBEAT_MS = 15_000;

export function classEventsHandler(board: ClassBoard) {
  return async (_req: Request, res: Response, c: ClassRecord): Promise<void> => {
    const early: DashboardView[] = [];
    let streaming = false;
    const deliver = (d: DashboardView) => !res.writableEnded && res.write(`data: ${JSON.stringify(d)}\n\n`);
    const unwatch = board.watch(c.id, (d) => (streaming ? deliver(d) : early.push(d)));
    const first = await board.dashboard(c).catch((e: unknown) => {
      unwatch();
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
    res.on("close", () => (clearInterval(heartbeat), unwatch()));
    streaming = true;
    deliver(first);
    for (const d of early) if (d.at >= first.at) deliver(d);
  };
}
