// Everything a preview host answers, on Slipway's own port but routed on the Host header
// before any Slipway route: the ticket exchange, then the learner's app behind the preview
// cookie, websockets included, or a page saying why not.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { SandboxRef } from "../../sandbox/sandbox-driver.ts";
import type { Session } from "../../sessions/session.ts";
import type { PreviewCookie } from "./preview-cookie.ts";
import type { PreviewDomain, PreviewHost, PreviewHosts } from "./preview-hosts.ts";
import { type PreviewPage, pages, sendPage } from "./preview-pages.ts";
import { type Upstream, proxyHttp, proxyUpgrade } from "./preview-proxy.ts";
import type { PreviewTickets } from "./preview-tickets.ts";

/** Where a ticket is traded for the cookie; the one path of a preview host that is ours. */
export const OPEN_PATH = "/__slipway/open";

export interface PreviewServerDeps {
  readonly domain: PreviewDomain;
  readonly hosts: PreviewHosts;
  readonly tickets: PreviewTickets;
  readonly cookie: PreviewCookie;
  readonly session: (id: string) => Session | undefined;
  readonly touch: (id: string) => void;
  readonly endpoint: (ref: SandboxRef, port: number) => Promise<{ host: string; port: number }>;
  readonly isSlipwayCredential: (sessionId: string, authorization: string) => boolean;
  readonly clock: () => number;
  /** How long the preview cookie lasts (the session's end still ends it sooner). */
  readonly cookieTtlMs: number;
}

type Preview = Extract<PreviewHost, { kind: "preview" }>;

export class PreviewServer {
  /** A sandbox's address does not change while it runs: one inspect, not one per asset. */
  private readonly endpoints = new Map<string, Promise<{ host: string; port: number }>>();

  constructor(private readonly d: PreviewServerDeps) {}

  /** True for every host under the preview domain: those never reach Slipway's routes. */
  owns(req: IncomingMessage): boolean {
    return this.d.hosts.parse(req.headers.host).kind !== "slipway";
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    this.serve(req, res).catch(() => (res.headersSent ? res.destroy() : sendPage(res, pages.broken())));
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refuse = (p: PreviewPage): void =>
      void socket.end(`HTTP/1.1 ${p.status} ${p.title}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    const host = this.d.hosts.parse(req.headers.host);
    if (host.kind !== "preview") return refuse(pages.noSuchPreview());
    this.upstream(host, req)
      .then((to) => ("status" in to ? refuse(to) : proxyUpgrade(req, socket, head, to)))
      .catch(() => socket.destroy());
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = this.d.hosts.parse(req.headers.host);
    if (host.kind !== "preview") return sendPage(res, pages.noSuchPreview());
    const url = new URL(req.url ?? "/", "http://preview");
    if (url.pathname === OPEN_PATH) return this.open(host, url, res);
    const to = await this.upstream(host, req);
    if ("status" in to) return sendPage(res, to);
    proxyHttp(req, res, to, (reason) => sendPage(res, pages.notListening(host.port, reason)));
  }

  /** Trades a one-time ticket for the cookie, then sends the browser on without the ticket. */
  private open(host: Preview, url: URL, res: ServerResponse): void {
    const sessionId = this.d.tickets.redeem(url.searchParams.get("ticket") ?? "", host.label);
    if (!sessionId) return sendPage(res, pages.needsOpening());
    const now = this.d.clock();
    res.writeHead(303, {
      location: localPath(url.searchParams.get("to")),
      "set-cookie": this.d.cookie.header(host.label, now + this.d.cookieTtlMs, now),
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
    });
    res.end();
  }

  /** The app to relay to, once the cookie and the session's state allow it. */
  private async upstream(host: Preview, req: IncomingMessage): Promise<Upstream | PreviewPage> {
    // The cookie first: without one, nothing is said about which previews exist.
    if (!this.d.cookie.valid(host.label, req.headers.cookie, this.d.clock())) return pages.needsOpening();
    const sessionId = this.d.hosts.sessionOf(host.previewId);
    const s = sessionId ? this.d.session(sessionId) : undefined;
    if (!sessionId || !s) return pages.sessionNotReady("stopped");
    if (s.status !== "ready") return pages.sessionNotReady(s.status);
    this.d.touch(sessionId);
    const target = await this.endpoint(s.sandbox, host.port).catch((e: Error) => e);
    if (target instanceof Error) return pages.notListening(host.port, target.message);
    return {
      ...target,
      appPort: host.port,
      publicHost: req.headers.host ?? "",
      scheme: this.d.domain.scheme ?? "http",
      isSlipwayCredential: (auth) => this.d.isSlipwayCredential(sessionId, auth),
    };
  }

  private endpoint(ref: SandboxRef, port: number): Promise<{ host: string; port: number }> {
    const key = `${ref.engine}:${port}`;
    const known = this.endpoints.get(key);
    if (known) return known;
    if (this.endpoints.size > 1000) this.endpoints.clear();
    const found = this.d.endpoint(ref, port);
    this.endpoints.set(key, found);
    found.catch(() => this.endpoints.delete(key));
    return found;
  }
}

/** Only a path on this host: `//evil.example` or `https:…` would send the browser elsewhere. */
export function localPath(to: string | null): string {
  if (!to || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return "/";
  return /[\r\n]/.test(to) ? "/" : to;
}
