// Who may act on a session: the holder of its token (API, CLI, viewer links), or the learner
// it belongs to (the browser, by the identity cookie). A learner's session token is derived
// from their key (HMAC of the session id), so it is stored nowhere but as a hash, and any
// browser holding the key can get it back (tokenFor) without a tab having kept it.
import { createHmac } from "node:crypto";
import { SlipwayError } from "../../errors.ts";
import type { KeyedLearner } from "../../learners/learner.ts";
import { hashToken, newToken, tokenMatches } from "../ids.ts";
import type { Session } from "../session.ts";

export interface Credentials {
  readonly token?: string;
  /** Only set by the http layer after its cross-site checks (see http/learner-cookie.ts). */
  readonly learner?: KeyedLearner;
}

const derived = (id: string, who: KeyedLearner): string =>
  createHmac("sha256", who.key).update(`slipway session token:${id}`).digest("base64url");

export class SessionAccess {
  constructor(private readonly find: (id: string) => Session | undefined) {}

  /** A new session's token and the hash that is stored. */
  mint(id: string, owner: KeyedLearner | undefined): { token: string; tokenHash: string } {
    const token = owner ? derived(id, owner) : newToken();
    return { token, tokenHash: hashToken(token) };
  }

  authorize(id: string, c: Credentials): Session {
    // Same answer for "no such session", "wrong token" and "not yours": nothing leaks.
    const denied = new SlipwayError("forbidden", "invalid session or token");
    let s: Session | undefined;
    try {
      s = this.find(id);
    } catch {
      throw denied;
    }
    if (!s) throw denied;
    if (c.token && tokenMatches(c.token, s.tokenHash)) return s;
    if (c.learner && s.owner !== undefined && s.owner === c.learner.learner.id) return s;
    throw denied;
  }

  /** The session's token, for the learner it belongs to. */
  tokenFor(id: string, who: KeyedLearner): string {
    this.authorize(id, { learner: who });
    const token = derived(id, who);
    const s = this.find(id);
    if (!s || !tokenMatches(token, s.tokenHash))
      throw new SlipwayError("conflict", `session ${id} has a token of its own: use that one`);
    return token;
  }
}
