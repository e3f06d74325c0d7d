// Which Docker API call a request is, judged on the path the engine will route: dockerd
// (gorilla/mux) matches the percent-decoded path, so /containers%2Fcreate and
// /containers/%63reate are container creates; it redirects unclean paths (//, /./, /../)
// instead of serving them, but the cleaned path is what is classified here, to be safe.
import { posix } from "node:path";
import { GoQuery } from "./policy/go-query.ts";
import type { BodyRoute, RouteOnly } from "./policy/request-policy.ts";

export type Handling =
  | { readonly kind: "stream" }
  | { readonly kind: "route"; readonly policy: RouteOnly }
  | { readonly kind: "body"; readonly policy: BodyRoute };

export interface ApiCall {
  /** The path without the /v1.xx prefix or query, decoded and cleaned. */
  readonly bare: string;
  /** The query as the engine parses it. */
  readonly query: GoQuery;
  readonly handling: Handling;
  /** An endpoint the engine hijacks (attach, exec start, BuildKit's /session and /grpc). */
  readonly upgradable: boolean;
}

// Object names in these routes may contain slashes (plugins) or odd characters: match widely.
const POST_ROUTES: ReadonlyArray<readonly [RegExp, Handling]> = [
  [/^\/containers\/create$/, { kind: "body", policy: "container-create" }],
  [/^\/containers\/.+\/start$/, { kind: "body", policy: "container-start" }],
  [/^\/containers\/.+\/exec$/, { kind: "body", policy: "exec-create" }],
  [/^\/services\/create$/, { kind: "body", policy: "service-create" }],
  [/^\/services\/.+\/update$/, { kind: "body", policy: "service-update" }],
  [/^\/volumes\/create$/, { kind: "body", policy: "volume-create" }],
  [/^\/networks\/create$/, { kind: "body", policy: "network-create" }],
  [/^\/swarm\/init$/, { kind: "body", policy: "swarm-init" }],
  [/^\/swarm\/update$/, { kind: "body", policy: "swarm-update" }],
  [/^\/swarm\/join$/, { kind: "route", policy: "swarm-join" }],
  [/^\/plugins\/(pull|create)$/, { kind: "route", policy: "plugin-install" }],
  [/^\/plugins\/.+\/(upgrade|enable|set)$/, { kind: "route", policy: "plugin-change" }],
  [/^\/build$/, { kind: "route", policy: "build" }],
  [/^\/grpc$/, { kind: "route", policy: "buildkit-api" }],
];
const UPGRADABLE = /^\/(containers\/.+\/attach(\/ws)?|exec\/.+\/start|session|grpc)$/;
const STREAM: Handling = { kind: "stream" };

/** undefined when the request target is not an origin-form path the engine would accept. */
export function classify(method: string, target: string): ApiCall | undefined {
  if (!target.startsWith("/")) return undefined;
  const q = target.indexOf("?");
  let path: string;
  try {
    path = decodeURIComponent(q < 0 ? target : target.slice(0, q));
  } catch {
    return undefined;
  }
  const clean = posix.normalize(path).replace(/(.)\/$/, "$1");
  const bare = clean.replace(/^\/v[0-9.]+(?=\/|$)/, "") || "/";
  const query = GoQuery.parse(q < 0 ? "" : target.slice(q + 1));
  const handling = method === "POST" ? (POST_ROUTES.find(([re]) => re.test(bare))?.[1] ?? STREAM) : STREAM;
  return { bare, query, handling, upgradable: UPGRADABLE.test(bare) };
}
