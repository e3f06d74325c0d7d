// Preview host names: `p<port>-<preview id>.<preview domain>`, one origin per port of each
// session. The preview id is an HMAC of the session id under a server key: stable across
// restarts, unguessable without the key (so one learner cannot find another's previews), and
// not the session id (which the learner's app must never learn). Every host under the
// preview domain belongs to previews, a well-formed one or not: Slipway's own routes are
// never served there.
import { createHmac } from "node:crypto";

export interface PreviewDomain {
  /** Lower case, no trailing dot: `localhost`, `preview.example.com`. */
  readonly domain: string;
  /** How browsers reach previews; by default as they reached Slipway (see origin()). */
  readonly scheme: "http" | "https" | undefined;
  readonly port: number | undefined;
}

export type PreviewHost =
  | { readonly kind: "slipway" }
  | { readonly kind: "unknown" }
  | { readonly kind: "preview"; readonly label: string; readonly port: number; readonly previewId: string };

const LABEL = /^p(\d{1,5})-([0-9a-f]{24})$/;

export class PreviewHosts {
  /** preview id → session id */
  private readonly bySession = new Map<string, string>();

  constructor(
    private readonly d: PreviewDomain,
    private readonly key: Buffer,
    /** Sessions that may have previews (starting or ready). */
    private readonly sessionIds: () => readonly string[],
  ) {}

  idOf(sessionId: string): string {
    return createHmac("sha256", this.key).update(`preview-id\0${sessionId}`).digest("hex").slice(0, 24);
  }

  label(sessionId: string, port: number): string {
    return `p${port}-${this.idOf(sessionId)}`;
  }

  /** The preview's origin. Scheme and port default to those the browser used to reach
   *  Slipway (`apiHost`, the Host header of its API call). */
  origin(sessionId: string, port: number, apiHost: string | undefined): string {
    const scheme = this.d.scheme ?? "http";
    const browserPort = this.d.scheme ? undefined : portOf(apiHost);
    const p = this.d.port ?? browserPort;
    return `${scheme}://${this.label(sessionId, port)}.${this.d.domain}${p ? `:${p}` : ""}`;
  }

  parse(hostHeader: string | undefined): PreviewHost {
    const host = hostnameOf(hostHeader);
    const suffix = `.${this.d.domain}`;
    if (host === undefined || !host.endsWith(suffix)) return { kind: "slipway" };
    const m = LABEL.exec(host.slice(0, -suffix.length));
    const port = Number(m?.[1]);
    if (!m || port < 1 || port > 65535) return { kind: "unknown" };
    return { kind: "preview", label: `p${port}-${m[2]}`, port, previewId: m[2] as string };
  }

  /** The session a preview id belongs to, among those that may have previews now. Callers
   *  check a ticket or cookie first, so only a holder of one makes this look. */
  sessionOf(previewId: string): string | undefined {
    const hit = this.bySession.get(previewId);
    if (hit) return hit;
    if (this.bySession.size > 10_000) this.bySession.clear();
    for (const id of this.sessionIds()) this.bySession.set(this.idOf(id), id);
    return this.bySession.get(previewId);
  }
}

function hostnameOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  try {
    return new URL(`http://${header}`).hostname.toLowerCase().replace(/\.$/, "");
  } catch {
    return undefined;
  }
}

function portOf(header: string | undefined): number | undefined {
  if (!header) return undefined;
  try {
    const port = new URL(`http://${header}`).port;
    return port ? Number(port) : undefined;
  } catch {
    return undefined;
  }
}
