// One session's gateway: an HTTP server on its unix socket. Each request is classified,
// decided (request-gate.ts), recorded, then forwarded to the engine or refused the way the
// engine refuses. Every failure stays within its own connection: errors are handled on
// every stream, and malformed, oversized or stalled requests are answered and dropped.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import type { AuditEntry } from "../../../common/audit-entry.ts";
import { type ApiCall, classify } from "./api-route.ts";
import { catalogPullRewrite } from "./catalog-pull.ts";
import { sendDockerError, writeRawError } from "./docker-error.ts";
import { forwardRequest } from "./forward-request.ts";
import { forwardUpgrade } from "./forward-upgrade.ts";
import type { GatewayLimits } from "./gateway-limits.ts";
import { type GateDeps, decide } from "./request-gate.ts";
import { pathSummary } from "./summary/path-summary.ts";

export interface SessionGatewayDeps extends Omit<GateDeps, "limits"> {
  readonly connect: () => Promise<Duplex>;
  readonly record: (entry: AuditEntry) => void;
  readonly onActivity: () => void;
  readonly clock: () => number;
  readonly limits: GatewayLimits;
  readonly onError: (error: unknown) => void;
  /** The images the sandbox can pull, when it is offline (no upstream behind the mirror). */
  readonly offlineCatalog?: () => readonly string[];
}

const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, "the request head is too large"],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "the request head did not arrive in time"],
};

export function createSessionGatewayServer(d: SessionGatewayDeps): Server {
  const server = createServer({
    maxHeaderSize: d.limits.maxHeaderBytes,
    headersTimeout: d.limits.headersTimeoutMs,
    // Whole-request timeouts would cut long uploads (build contexts, `load`); bodies that
    // carry policy have their own (read-body.ts), the rest stream at the client's pace.
    requestTimeout: 0,
    connectionsCheckingInterval: Math.min(30_000, Math.max(50, d.limits.headersTimeoutMs / 4)),
    keepAliveTimeout: 30_000,
  });
  const entry = (
    time: number,
    method: string,
    path: string,
    status: number,
    summary: AuditEntry["summary"],
  ) => d.record({ time: new Date(time).toISOString(), method, path, status, summary });

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const time = d.clock();
    d.onActivity();
    res.on("error", () => undefined);
    const call = classify(req.method ?? "", req.url ?? "");
    if (!call) {
      entry(time, req.method ?? "", req.url ?? "", 400, { flags: [], denied: "malformed request path" });
      return sendDockerError(res, 400, "slipway gateway: malformed request path", true);
    }
    const record = (status: number, summary: AuditEntry["summary"]) =>
      entry(time, req.method ?? "", req.url ?? "", status, summary);
    void handle(call, req, res).then(
      ({ status, summary }) => record(status, summary),
      (e: unknown) => {
        // A client that left mid-body is not the gateway's failure.
        const gone = req.destroyed || res.destroyed;
        record(gone ? 499 : 502, pathSummary(call.bare, call.query));
        if (gone) return;
        d.onError(e);
        sendDockerError(res, 502, "slipway gateway: internal error", true);
      },
    );
  });

  async function handle(call: ApiCall, req: IncomingMessage, res: ServerResponse) {
    const verdict = await decide(call, req, d);
    if (!verdict.pass) {
      // A refused body may still be arriving: drop the connection rather than parse the rest.
      sendDockerError(res, verdict.status, verdict.message, verdict.status !== 403 || !req.complete);
      return { status: verdict.status, summary: verdict.summary };
    }
    const rewrite = catalogPullRewrite(call, verdict.summary.image, d.offlineCatalog);
    const status = await forwardRequest(req, res, d.connect, verdict.body, rewrite);
    return { status, summary: verdict.summary };
  }

  server.on("upgrade", (req: IncomingMessage, socket: Duplex, early: Buffer) => {
    const time = d.clock();
    d.onActivity();
    socket.on("error", () => undefined);
    const call = classify(req.method ?? "", req.url ?? "");
    const method = req.method ?? "";
    const path = req.url ?? "";
    // Only endpoints the engine hijacks may switch protocols; anything else (a container
    // create dressed as an upgrade) would otherwise skip the policy. None of them has a
    // policy body: their head is decided as any call's (a form Content-Type, /grpc).
    if (!call?.upgradable || call.handling.kind === "body" || req.headers["transfer-encoding"]) {
      entry(time, method, path, 400, { flags: [], denied: "upgrade refused on this endpoint" });
      return writeRawError(socket, 400, "slipway gateway: this endpoint cannot be upgraded");
    }
    // The socket holds what the client sends meanwhile: nothing reads it until forwardUpgrade.
    void decide(call, req, d)
      .then(async (verdict) => {
        if (!verdict.pass) {
          writeRawError(socket, verdict.status, verdict.message);
          return { status: verdict.status, summary: verdict.summary };
        }
        if (socket.destroyed) return { status: 499, summary: verdict.summary };
        return { status: await forwardUpgrade(req, socket, early, d.connect), summary: verdict.summary };
      })
      .then(
        ({ status, summary }) => entry(time, method, path, status, summary),
        (e: unknown) => {
          d.onError(e);
          entry(time, method, path, 502, pathSummary(call.bare, call.query));
          writeRawError(socket, 502, "slipway gateway: internal error");
        },
      );
  });

  server.on("clientError", (err: NodeJS.ErrnoException, socket: Duplex) => {
    const [status, message] = CLIENT_ERRORS[err.code ?? ""] ?? [400, "malformed request"];
    // What can be read of the request line, for the trail.
    const line = (err as { rawPacket?: Buffer }).rawPacket
      ?.subarray(0, 512)
      .toString("latin1")
      .split("\r\n")[0];
    const [method = "", path = ""] = line?.split(" ") ?? [];
    // A connection reset mid-request is not a call worth recording.
    if (err.code !== "ECONNRESET") entry(d.clock(), method, path, status, { flags: [], denied: message });
    if ((socket as Socket).writable) writeRawError(socket, status, `slipway gateway: ${message}`);
    else socket.destroy();
  });
  return server;
}
