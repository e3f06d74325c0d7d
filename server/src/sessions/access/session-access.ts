// Who may do what in a session. A caller presents a token, the identity cookie of the learner
// the session belongs to, or both. A token is the session's own control token (on the
// session) or one the learner handed out (in the TokenStore), and its scope must cover what
// the call needs: control covers view, view covers nothing more. The owning learner has
// control. Every refusal for a bad credential reads the same, whether the session exists,
// the token is wrong or the session is someone else's.
import { EventHub } from "../../util/event-hub.ts";
import type { IssuedToken, TokenInfo, TokenScope } from "../../../../common/session-tokens.ts";
import { SlipwayError } from "../../errors.ts";
import type { KeyedLearner } from "../../learners/learner.ts";
import { hashMatches, hashToken, newToken, newTokenId } from "../ids.ts";
import { type Session, isFinished } from "../session.ts";
import { derivedToken } from "./control-token.ts";
import type { TokenRecord, TokenStore } from "./token-store.ts";

/** What a presented token was found to be. */
export interface Grant {
  readonly sessionId: string;
  readonly scope: TokenScope;
  /** The handed-out token's id; undefined for the session's own control token. */
  readonly tokenId?: string;
}

export interface SessionAccessDeps {
  readonly session: (id: string) => Session | undefined;
  readonly tokens: TokenStore;
  readonly clock: () => number;
  /** Handed-out tokens a session may hold at once. */
  readonly maxTokens?: number;
}

export const covers = (have: TokenScope, need: TokenScope): boolean => have === "control" || need === have;

export class SessionAccess {
  private readonly revoked = new EventHub<string>();

  constructor(private readonly d: SessionAccessDeps) {}

  /** Neither a token nor a learner presented: 401; anything that does not match: 403.
   *  `learner` is only ever set by the http layer after its cross-site checks
   *  (http/learner-cookie.ts). */
  authorize(id: string, token: string | undefined, need: TokenScope, learner?: KeyedLearner): Grant {
    if (token === undefined && learner === undefined)
      throw new SlipwayError(
        "unauthorized",
        "this call needs a session token (Authorization: Bearer <token>) or the identity cookie of its learner",
      );
    // A presented token decides alone: a revoked viewer link stays refused in a browser that
    // also holds the owner's cookie.
    const grant = token !== undefined ? this.identify(id, token) : this.owned(id, learner);
    if (!grant) throw new SlipwayError("forbidden", "invalid session or token");
    if (!covers(grant.scope, need))
      throw new SlipwayError(
        "forbidden",
        `this token can only ${grant.scope}; this call needs the ${need} token`,
      );
    return grant;
  }

  /** The session's control token, for the learner it belongs to (a tab with only the cookie). */
  tokenFor(id: string, who: KeyedLearner): string {
    this.authorize(id, undefined, "control", who);
    const token = derivedToken(id, who);
    const s = this.d.session(id);
    if (!s || !hashMatches(Buffer.from(hashToken(token), "hex"), s.tokenHash))
      throw new SlipwayError("conflict", `session ${id} has a token of its own: use that one`);
    return token;
  }

  mint(id: string, scope: TokenScope, label?: string): IssuedToken {
    const s = this.d.session(id);
    if (!s) throw new SlipwayError("not-found", `no session "${id}"`);
    if (isFinished(s)) throw new SlipwayError("conflict", `session ${id} is ${s.status}`);
    const max = this.d.maxTokens ?? 20;
    if (this.d.tokens.list(id).length >= max)
      throw new SlipwayError(
        "conflict",
        `a session holds at most ${max} handed-out tokens: revoke one first`,
      );
    const token = newToken();
    const record: TokenRecord = {
      id: newTokenId(),
      sessionId: id,
      scope,
      hash: hashToken(token),
      createdAt: this.d.clock(),
      ...(label ? { label } : {}),
    };
    this.d.tokens.add(record);
    return { token, ...info(record) };
  }

  list(id: string): TokenInfo[] {
    return this.d.tokens.list(id).map(info);
  }

  /** The token stops working at once; holders of open streams and sockets are told. */
  revoke(id: string, tokenId: string): void {
    if (!this.d.tokens.remove(id, tokenId)) throw new SlipwayError("not-found", `no token "${tokenId}"`);
    this.revoked.publish(`${id}/${tokenId}`, tokenId);
  }

  /** Calls back once if this grant's token is revoked; returns the unsubscribe. */
  onRevoked(grant: Grant, listener: () => void): () => void {
    if (grant.tokenId === undefined) return () => undefined; // the control token lives with the session
    return this.revoked.subscribe(`${grant.sessionId}/${grant.tokenId}`, () => listener());
  }

  private owned(id: string, learner: KeyedLearner | undefined): Grant | undefined {
    if (!learner) return undefined;
    const s = this.d.session(id);
    return s?.owner !== undefined && s.owner === learner.learner.id
      ? { sessionId: id, scope: "control" }
      : undefined;
  }

  private identify(id: string, token: string): Grant | undefined {
    // Hashed first, whatever the session: an unknown id costs about what a wrong token does.
    const hash = Buffer.from(hashToken(token), "hex");
    const s = this.d.session(id);
    if (!s) return undefined;
    let grant: Grant | undefined = hashMatches(hash, s.tokenHash)
      ? { sessionId: id, scope: "control" }
      : undefined;
    // Every record is compared, matched or not: the time taken says nothing about which.
    for (const r of this.d.tokens.list(id))
      if (hashMatches(hash, r.hash) && !grant) grant = { sessionId: id, scope: r.scope, tokenId: r.id };
    return grant;
  }
}

const info = (r: TokenRecord): TokenInfo => ({
  id: r.id,
  scope: r.scope,
  ...(r.label ? { label: r.label } : {}),
  createdAt: new Date(r.createdAt).toISOString(),
});
