// The identity API, /api/me: who the learner is, their sessions and where they stand in each
// lab, a one-time code to carry the identity to another browser, and a session's token for
// a tab that has only the cookie. Every route reads the identity cookie under
// learner-cookie.ts's cross-site rules; none takes a session token.
import { type Request, type Response, Router } from "express";
import { z } from "zod";
import type { LearnerView } from "../../../common/learner-views.ts";
import { SlipwayError } from "../errors.ts";
import type { KeyedLearner, Learner } from "../learners/learner.ts";
import type { LearnerOverview } from "../learners/learner-overview.ts";
import type { Learners } from "../learners/learners.ts";
import type { SessionAccess } from "../sessions/access/session-access.ts";
import { CLIENT_HEADER, mayUseIdentity, setLearnerCookie } from "./learner-cookie.ts";
import { learnerOf } from "./learner-of.ts";
import { parseBody } from "./session-routes.ts";

const NameBody = z.object({ displayName: z.string().max(200) });
const ClaimBody = z.object({ code: z.string().min(1).max(100) });

const view = (l: Learner): LearnerView => ({
  id: l.id,
  ...(l.displayName ? { displayName: l.displayName } : {}),
  createdAt: new Date(l.createdAt).toISOString(),
});

export function learnerRoutes(
  learners: Learners,
  access: Pick<SessionAccess, "tokenFor">,
  overview: LearnerOverview,
): Router {
  const r = Router();
  const who = (req: Request): KeyedLearner => {
    const l = learnerOf(req, learners);
    if (!l)
      throw new SlipwayError("unauthorized", "this browser has no Slipway identity yet: start a lab first");
    return l;
  };
  /** The learner, made now if this browser has none (our own pages only). */
  const whoOrNew = (req: Request, res: Response): KeyedLearner => {
    const l = learnerOf(req, learners);
    if (l) return l;
    if (req.get(CLIENT_HEADER) !== "1" || !mayUseIdentity(req))
      throw new SlipwayError("forbidden", `send ${CLIENT_HEADER}: 1 from Slipway's own pages`);
    const made = learners.create();
    setLearnerCookie(req, res, made.key);
    return made;
  };

  r.get("/me", (req, res) => {
    const l = learnerOf(req, learners);
    res.json(l ? view(l.learner) : null);
  });
  r.put("/me", (req, res) => {
    const { displayName } = parseBody(NameBody, req.body);
    res.json(view(learners.rename(whoOrNew(req, res).learner.id, displayName)));
  });
  r.get("/me/sessions", async (req, res) => {
    const l = learnerOf(req, learners);
    res.json(l ? await overview.sessions(l.learner.id) : []);
  });
  r.get("/me/labs", async (req, res) => {
    const l = learnerOf(req, learners);
    res.json(l ? await overview.labs(l.learner.id) : []);
  });
  r.post("/me/link", (req, res) => {
    const { code, expiresAt } = learners.linkCode(who(req));
    res.status(201).json({ code, expiresAt: new Date(expiresAt).toISOString() });
  });
  r.post("/me/claim", (req, res) => {
    if (!mayUseIdentity(req) || req.get(CLIENT_HEADER) !== "1")
      throw new SlipwayError("forbidden", `send ${CLIENT_HEADER}: 1 from Slipway's own pages`);
    const { code } = parseBody(ClaimBody, req.body);
    const claimed = learners.claim(code);
    setLearnerCookie(req, res, claimed.key);
    res.json(view(claimed.learner));
  });
  r.post("/me/sessions/:id/token", (req, res) => {
    res.json({ token: access.tokenFor(String(req.params.id), who(req)) });
  });
  return r;
}
