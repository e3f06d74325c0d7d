// A session's own control token. A learner's is derived from their key (HMAC of the session
// id), so it is stored nowhere but as a hash, and any browser holding the key can get it back
// (SessionAccess.tokenFor) without a tab having kept it. API and CLI sessions get a random one.
import { createHmac } from "node:crypto";
import type { KeyedLearner } from "../../learners/learner.ts";
import { hashToken, newToken } from "../ids.ts";

export const derivedToken = (id: string, who: KeyedLearner): string =>
  createHmac("sha256", who.key).update(`slipway session token:${id}`).digest("base64url");

/** A new session's token and the hash that is stored. */
export function controlToken(id: string, owner?: KeyedLearner): { token: string; tokenHash: string } {
  const token = owner ? derivedToken(id, owner) : newToken();
  return { token, tokenHash: hashToken(token) };
}
