import { Router } from "express";
import type { ActivityLog } from "../audit/activity-log.ts";
import { z } from "zod";
import { SlipwayError } from "../errors.ts";
import type { Learners } from "../learners/learners.ts";
import type { SessionManager } from "../sessions/session-manager.ts";
import { CLIENT_HEADER, mayUseIdentity, setLearnerCookie } from "./learner-cookie.ts";
import { type SessionGuard, learnerOf } from "./session-guard.ts";

const StartBody = z.object({ lab: z.string().min(1).max(100) });
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

export function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (!r.success) {
    const msg = r.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
    throw new SlipwayError("invalid-input", msg);
  }
  return r.data;
}

export function sessionRoutes(
  sessions: SessionManager,
  activity: ActivityLog,
  learners: Learners,
  guard: SessionGuard,
): Router {
  const r = Router();
  r.post("/", async (req, res) => {
    const { lab } = parse(StartBody, req.body);
    // The browser client's first start makes the learner an identity; API and CLI callers
    // (no client header) keep to tokens.
    let owner = learnerOf(req, learners);
    if (!owner && req.get(CLIENT_HEADER) === "1" && mayUseIdentity(req)) {
      owner = learners.create();
      setLearnerCookie(req, res, owner.key);
    }
    const { session, token } = await sessions.start(lab, owner);
    res.status(201).json({ ...session, token });
  });
  r.get("/:id", (req, res) => {
    guard(req);
    res.json(sessions.view(req.params.id));
  });
  r.delete("/:id", async (req, res) => {
    guard(req);
    res.json(await sessions.stop(req.params.id));
  });
  r.post("/:id/pause", async (req, res) => {
    guard(req);
    res.json(await sessions.pause(req.params.id));
  });
  r.post("/:id/resume", async (req, res) => {
    guard(req);
    res.json(await sessions.resume(req.params.id));
  });
  r.post("/:id/extend", (req, res) => {
    guard(req);
    const { minutes } = parse(ExtendBody, req.body);
    res.json(sessions.extend(req.params.id, minutes * 60_000));
  });
  r.post("/:id/exec", async (req, res) => {
    guard(req);
    const { cmd, timeoutMs } = parse(ExecBody, req.body);
    const result = await sessions.exec(req.params.id, cmd, timeoutMs);
    res.json(result);
  });
  // The learner's Docker calls as the gateway recorded them, oldest first.
  r.get("/:id/activity", (req, res) => {
    guard(req);
    res.json({ entries: activity.list(req.params.id) });
  });
  return r;
}
