// Decides one call for a session: route-only checks, or the body read (bounded), parsed as
// the engine will, its bind paths looked up in the engine, then the policy. Also produces
// the call's audit summary. Pure decisions live in policy/; this is the I/O around them.
import type { IncomingMessage } from "node:http";
import type { ApiCall } from "./api-route.ts";
import type { GatewayLimits } from "./gateway-limits.ts";
import type { Allowances } from "./policy/allowances.ts";
import { denialMessage } from "./policy/denial.ts";
import { EngineJsonError, parseEngineJson } from "./policy/engine-json.ts";
import { pathsToResolve } from "./policy/mount-policy.ts";
import type { PolicyContext } from "./policy/policy-context.ts";
import { checkRequestHead } from "./policy/request-head.ts";
import { checkBody, checkRoute, mountUses } from "./policy/request-policy.ts";
import { BodyError, readBody } from "./read-body.ts";
import { bodySummary } from "./summary/body-summary.ts";
import { type CallSummary, pathSummary } from "./summary/path-summary.ts";

export interface GateDeps {
  readonly allowances: () => Promise<Allowances>;
  /** Real paths in the engine (see SandboxDriver.resolveEnginePaths). */
  readonly resolvePaths: (
    paths: readonly string[],
  ) => Promise<{ readonly paths: readonly string[]; readonly pinned: boolean }>;
  readonly limits: GatewayLimits;
}

export type Verdict =
  | { readonly pass: true; readonly body?: Buffer; readonly summary: CallSummary }
  | {
      readonly pass: false;
      readonly status: number;
      readonly message: string;
      readonly summary: CallSummary;
    };

export async function decide(call: ApiCall, req: IncomingMessage, d: GateDeps): Promise<Verdict> {
  let summary = pathSummary(call.bare, call.query);
  const refuse = (status: number, message: string, denied = message): Verdict => ({
    pass: false,
    status,
    message,
    summary: { ...summary, denied },
  });
  const h = call.handling;
  const head = checkRequestHead(req.rawHeaders, call.query, h.kind !== "stream");
  if (head) return refuse(head.status, head.message);
  if (h.kind === "stream") return { pass: true, summary };
  const allowances = await d.allowances();
  const context = (realPath: PolicyContext["realPath"], pinned: boolean): PolicyContext => ({
    allows: (a) => allowances.has(a),
    realPath,
    pinned,
  });
  if (h.kind === "route") {
    const denial = checkRoute(
      h.policy,
      call.query,
      context(() => undefined, false),
    );
    return denial ? refuse(403, denialMessage(denial)) : { pass: true, summary };
  }
  let body: Buffer;
  let parsed: unknown;
  try {
    body = await readBody(req, d.limits.maxBodyBytes, d.limits.bodyTimeoutMs);
    parsed = parseEngineJson(body.toString("utf8"));
  } catch (e) {
    if (e instanceof BodyError) return refuse(e.status, `slipway gateway: ${e.message}`);
    if (e instanceof EngineJsonError) return refuse(400, `slipway gateway: ${e.message}`);
    throw e;
  }
  summary = bodySummary(h.policy, parsed, summary, call.query);
  const paths = allowances.has("bind-mount") ? [] : pathsToResolve(mountUses(h.policy, parsed));
  const resolved = paths.length > 0 ? await d.resolvePaths(paths).catch(() => undefined) : undefined;
  const real = new Map(paths.map((p, i) => [p, resolved?.paths[i]]));
  const denial = checkBody(
    h.policy,
    parsed,
    context((p) => real.get(p), resolved?.pinned ?? false),
  );
  return denial ? refuse(403, denialMessage(denial)) : { pass: true, body, summary };
}
