// The preview's own credential: an httpOnly cookie on the preview host alone, holding an
// expiry and an HMAC of (host label, expiry) under the server key. Nothing to store, still
// valid after a restart, useless on any other host, and never Slipway's session token.
import { createHmac, timingSafeEqual } from "node:crypto";

export const PREVIEW_COOKIE = "slipway_preview";

export class PreviewCookie {
  constructor(
    private readonly key: Buffer,
    private readonly secure: boolean,
  ) {}

  /** A Set-Cookie header value for `label`, good until `expiresAt` (epoch ms). */
  header(label: string, expiresAt: number, now: number): string {
    const value = `${expiresAt}.${this.mac(label, expiresAt)}`;
    const maxAge = Math.max(0, Math.floor((expiresAt - now) / 1000));
    return `${PREVIEW_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${this.secure ? "; Secure" : ""}`;
  }

  valid(label: string, cookieHeader: string | undefined, now: number): boolean {
    for (const value of cookieValues(cookieHeader, PREVIEW_COOKIE)) {
      const [exp, mac] = value.split(".", 2);
      const expiresAt = Number(exp);
      if (!mac || !Number.isSafeInteger(expiresAt) || expiresAt <= now) continue;
      const want = Buffer.from(this.mac(label, expiresAt));
      const got = Buffer.from(mac);
      if (got.length === want.length && timingSafeEqual(got, want)) return true;
    }
    return false;
  }

  private mac(label: string, expiresAt: number): string {
    return createHmac("sha256", this.key)
      .update(`preview-cookie\0${label}\0${expiresAt}`)
      .digest("base64url");
  }
}

/** Every value of a cookie name (a learner's app may have set a look-alike for another path). */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  return header
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${name}=`))
    .map((part) => part.slice(name.length + 1));
}

/** The Cookie header without our cookie; undefined when nothing else is left. */
export function withoutCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  const kept = header
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "" && !part.startsWith(`${name}=`));
  return kept.length > 0 ? kept.join("; ") : undefined;
}
