// The learner's identity cookie: a random key, httpOnly (no script reads it), SameSite=Lax,
// Secure when served over https, kept for the longest a browser allows (400 days).
// A cookie rides along on requests other sites make, so it counts only when the request
// comes from Slipway's own pages: the browser says so (Sec-Fetch-Site, else Origin), and a
// state-changing call must also carry X-Slipway-Client, a header no other origin can add
// without a CORS preflight, which Slipway never grants.
import type { Request, Response } from "express";

export const LEARNER_COOKIE = "slipway_learner";
export const CLIENT_HEADER = "x-slipway-client";
const MAX_AGE_MS = 400 * 86_400_000;
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

function cookie(req: Request, name: string): string | undefined {
  const raw = req.headers.cookie?.match(new RegExp(`(?:^|;\\s*)${name}=([^;]+)`))?.[1];
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** Whether this request was made by a page of this very origin (or typed in by the user). */
export function fromOwnPages(req: Request): boolean {
  const site = req.get("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  const origin = req.get("origin");
  if (origin) return origin === `${req.protocol}://${req.get("host")}`;
  // Neither header: not a browser acting for another site (old browsers send Origin on
  // every cross-site POST, and a GET cannot read our answer across origins).
  return true;
}

/** May this request act as a learner? Read-only calls from our pages; writes with our header. */
export function mayUseIdentity(req: Request): boolean {
  return fromOwnPages(req) && (SAFE.has(req.method) || req.get(CLIENT_HEADER) === "1");
}

/** The key in the cookie, when this request may use it. */
export function learnerKeyFrom(req: Request): string | undefined {
  return mayUseIdentity(req) ? cookie(req, LEARNER_COOKIE) : undefined;
}

export function setLearnerCookie(req: Request, res: Response, key: string): void {
  res.cookie(LEARNER_COOKIE, key, {
    httpOnly: true,
    sameSite: "lax",
    secure: req.secure || req.get("x-forwarded-proto") === "https",
    maxAge: MAX_AGE_MS,
    path: "/",
  });
}
