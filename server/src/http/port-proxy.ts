// /api/sessions/:id/ports/:port/<path> → http://<sandbox>:<port>/<path>, so the browser can
// open the learner's nginx. The token may come as ?token= once; it is then kept in a cookie
// scoped to this session's proxy path.
import { type Request, type Response, Router } from "express";
import { request } from "node:http";
import { SlipwayError } from "../errors.ts";
import type { SandboxDriver } from "../sandbox/sandbox-driver.ts";
import type { SessionManager } from "../sessions/session-manager.ts";
import type { SessionGuard } from "./session-guard.ts";

export function portProxy(sessions: SessionManager, driver: SandboxDriver, guard: SessionGuard): Router {
  const r = Router({ mergeParams: true });
  r.all("/:id/ports/:port{/*rest}", async (req: Request, res: Response) => {
    const id = String(req.params.id);
    guard(req);
    const port = Number(req.params.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      throw new SlipwayError("invalid-input", "port must be 1-65535");
    const target = await driver.portEndpoint(sessions.ready(id), port);
    sessions.touch(id);
    const token = req.query.token;
    if (typeof token === "string")
      res.cookie("slipway_token", token, {
        httpOnly: true,
        sameSite: "strict",
        path: `/api/sessions/${id}/ports`,
      });
    const rest = (req.params as { rest?: string[] }).rest ?? [];
    const search = new URL(req.originalUrl, "http://x").searchParams;
    search.delete("token");
    const qs = search.toString();
    const upstream = request(
      {
        host: target.host,
        port: target.port,
        method: req.method,
        path: `/${rest.join("/")}${qs ? `?${qs}` : ""}`,
        headers: forwardHeaders(req.headers, port),
        timeout: 30_000,
      },
      (up) => {
        res.status(up.statusCode ?? 502);
        for (const [k, v] of Object.entries(up.headers)) if (v !== undefined) res.setHeader(k, v);
        up.pipe(res);
      },
    );
    upstream.on("timeout", () => upstream.destroy(new Error("timeout")));
    upstream.on("error", (e) => {
      if (!res.headersSent)
        res.status(502).json({
          error: {
            code: "unavailable",
            message: `nothing answers on port ${port} in the sandbox: ${e.message}`,
          },
        });
      else res.destroy();
    });
    req.pipe(upstream);
  });
  return r;
}

// Slipway's own credentials stay here: the learner's app never sees the session token.
function forwardHeaders(headers: Request["headers"], port: number): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers))
    if (v !== undefined && k !== "cookie" && k !== "authorization") out[k] = v;
  out.host = `localhost:${port}`;
  return out;
}
