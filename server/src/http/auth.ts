// Slipway's API takes a session token only as `Authorization: Bearer <token>`: never in a URL
// (URLs land in access logs, browser history and Referer headers) and never in a cookie (a
// browser sends cookies by itself, so another site could make calls with them). The learner's
// identity cookie is a credential of another kind, with cross-site rules of its own
// (learner-cookie.ts).
import type { IncomingMessage } from "node:http";

/** undefined: no credential presented at all. An empty or non-Bearer one is a wrong token. */
export function tokenFrom(req: Pick<IncomingMessage, "headers">): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  const bearer = /^Bearer(?: +(.*))?$/i.exec(header.trim());
  return bearer ? (bearer[1] ?? "").trim() : "";
}
