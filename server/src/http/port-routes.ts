// The learner's web apps: which ports listen in the sandbox (with their preview addresses),
// and one-time links that open a preview on its own origin (see preview/). Control only:
// a preview shows the learner's app as the learner, so a viewer does not get one.
import { z } from "zod";
import type { ListeningPortView, PortList, PreviewLink } from "../../../common/previews.ts";
import type { SandboxDriver } from "../sandbox/sandbox-driver.ts";
import type { SessionManager } from "../sessions/session-manager.ts";
import type { PreviewHosts } from "./preview/preview-hosts.ts";
import { OPEN_PATH } from "./preview/preview-server.ts";
import type { PreviewTickets } from "./preview/preview-tickets.ts";
import type { SessionRouter } from "./session-router.ts";
import { parseBody } from "./session-routes.ts";

const PreviewBody = z.object({
  port: z.number().int().min(1).max(65535),
  path: z.string().max(2000).regex(/^\//, "a path on the app, starting with /").default("/"),
});

export interface PortRoutesDeps {
  readonly sessions: SessionManager;
  readonly driver: Pick<SandboxDriver, "listeningPorts">;
  readonly hosts: PreviewHosts;
  readonly tickets: PreviewTickets;
}

export function portRoutes(r: SessionRouter, d: PortRoutesDeps): void {
  r.get("/:id/ports", "control", async (req, res, g) => {
    const ref = d.sessions.ready(g.sessionId);
    const ports: ListeningPortView[] = (await d.driver.listeningPorts(ref)).map((p) => ({
      port: p.port,
      reachable: !p.loopbackOnly,
      previewUrl: `${d.hosts.origin(g.sessionId, p.port, req.headers.host)}/`,
    }));
    res.json({ ports } satisfies PortList);
  });
  r.post("/:id/previews", "control", (req, res, g) => {
    const { port, path } = parseBody(PreviewBody, req.body);
    d.sessions.ready(g.sessionId);
    d.sessions.touch(g.sessionId);
    const { ticket, expiresAt } = d.tickets.issue(g.sessionId, d.hosts.label(g.sessionId, port));
    const origin = d.hosts.origin(g.sessionId, port, req.headers.host);
    const url = `${origin}${OPEN_PATH}?ticket=${ticket}&to=${encodeURIComponent(path)}`;
    res.status(201).json({ url, expiresAt: new Date(expiresAt).toISOString() } satisfies PreviewLink);
  });
}
