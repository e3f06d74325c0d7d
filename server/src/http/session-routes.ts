// The session itself: start (no token: it makes one), look, extend, pause, resume, stop, exec,
// and the learner's Docker calls as the gateway recorded them.
import express, { Router } from "express";
import { z } from "zod";
import type { ActivityLog } from "../audit/activity-log.ts";
import { SlipwayError } from "../errors.ts";
import type { Learners } from "../learners/learners.ts";
import type { SessionManager } from "../sessions/session-manager.ts";
import { CLIENT_HEADER, mayUseIdentity, setLearnerCookie } from "./learner-cookie.ts";
import { learnerOf } from "./learner-of.ts";
import type { SessionRouter } from "./session-router.ts";

// wait: false answers at once, while the sandbox starts (the browser shows its steps).
const StartBody = z.object({ lab: z.string().min(1).max(100), wait: z.boolean().default(true) });
const ExecBody = z.object({
  cmd: z.array(z.string().max(100_000)).min(1).max(1000),
  timeoutMs: z.number().int().min(100).max(600_000).optional(),
});
const ExtendBody = z.object({
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
});

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (!r.success) {
    const msg = r.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
    throw new SlipwayError("invalid-input", msg);
  }
  return r.data;
}

/** POST /api/sessions: the one session route without a token; it answers the control token. */
export function startSessionRoute(sessions: SessionManager, learners: Learners): Router {
  const r = Router();
  r.post("/", express.json({ limit: "256kb" }), async (req, res) => {
    const { lab, wait } = parseBody(StartBody, req.body);
    // The browser client's first start makes the learner an identity; API and CLI callers
    // (no client header) keep to tokens.
    let owner = learnerOf(req, learners);
    if (!owner && req.get(CLIENT_HEADER) === "1" && mayUseIdentity(req)) {
      owner = learners.create();
      setLearnerCookie(req, res, owner.key);
    }
    const { session, token } = await sessions.start(lab, owner, { wait });
    res.status(201).json({ ...session, token, scope: "control" });
  });
  return r;
}

export function sessionRoutes(r: SessionRouter, sessions: SessionManager, activity: ActivityLog): void {
  r.get("/:id", "view", (_req, res, g) => res.json(sessions.view(g.sessionId)));
  r.delete("/:id", "control", async (_req, res, g) => res.json(await sessions.stop(g.sessionId)));
  r.post("/:id/pause", "control", async (_req, res, g) => res.json(await sessions.pause(g.sessionId)));
  r.post("/:id/resume", "control", async (_req, res, g) => res.json(await sessions.resume(g.sessionId)));
  r.post("/:id/extend", "control", (req, res, g) => {
    const { minutes } = parseBody(ExtendBody, req.body);
    res.json(sessions.extend(g.sessionId, minutes * 60_000));
  });
  r.post("/:id/exec", "control", async (req, res, g) => {
    const { cmd, timeoutMs } = parseBody(ExecBody, req.body);
    res.json(await sessions.exec(g.sessionId, cmd, timeoutMs));
  });
  // The learner's Docker calls as the gateway recorded them, oldest first.
  r.get("/:id/activity", "view", (_req, res, g) => res.json({ entries: activity.list(g.sessionId) }));
}
