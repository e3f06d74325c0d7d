// Session-scoped auth: the token from POST /api/sessions, as a Bearer header or, for
// browser navigations such as the port proxy, a cookie or ?token= query.
import type { Request } from "express";
import { SlipwayError } from "../errors.ts";

export function tokenFrom(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice(7).trim();
  const query = req.query.token;
  if (typeof query === "string") return query;
  const cookie = req.headers.cookie?.match(/(?:^|;\s*)slipway_token=([^;]+)/)?.[1];
  return cookie ? decodeURIComponent(cookie) : undefined;
}

export function requireToken(req: Request): string {
  const token = tokenFrom(req);
  if (!token)
    throw new SlipwayError(
      "unauthorized",
      "this call needs the session token (Authorization: Bearer <token>)",
    );
  return token;
}
