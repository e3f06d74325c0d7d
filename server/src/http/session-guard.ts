// Session routes answer to the session's token (Authorization: Bearer, or ?token= / cookie
// where a browser cannot set headers) or to the learner the session belongs to (the
// identity cookie, under learner-cookie.ts's cross-site rules).
import type { Request } from "express";
import { SlipwayError } from "../errors.ts";
import type { KeyedLearner } from "../learners/learner.ts";
import type { Learners } from "../learners/learners.ts";
import type { Credentials } from "../sessions/access/session-access.ts";
import type { SessionManager } from "../sessions/session-manager.ts";
import type { Session } from "../sessions/session.ts";
import { tokenFrom } from "./auth.ts";
import { learnerKeyFrom } from "./learner-cookie.ts";

export type SessionGuard = (req: Request) => Session;

export function learnerOf(req: Request, learners: Learners): KeyedLearner | undefined {
  return learners.identify(learnerKeyFrom(req));
}

export function credentialsOf(req: Request, learners: Learners): Credentials {
  const token = tokenFrom(req);
  const learner = learnerOf(req, learners);
  return { ...(token ? { token } : {}), ...(learner ? { learner } : {}) };
}

export function sessionGuard(sessions: SessionManager, learners: Learners): SessionGuard {
  return (req) => {
    const c = credentialsOf(req, learners);
    if (!c.token && !c.learner)
      throw new SlipwayError(
        "unauthorized",
        "this call needs the session token (Authorization: Bearer <token>) or the identity cookie of its learner",
      );
    return sessions.access.authorize(String(req.params.id), c);
  };
}
