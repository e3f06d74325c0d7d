// The lab API: the catalog, a session's steps, checks on demand, hints, solutions and the
// score report. A viewer may read the steps and the report; checking, hints and solutions
// change what is recorded for the learner, so they need the control token.
import { Router } from "express";
import { z } from "zod";
import { SlipwayError } from "../errors.ts";
import type { LabCatalog } from "../labs/lab-catalog.ts";
import type { ProgressService } from "../progress/progress-service.ts";
import type { SessionManager } from "../sessions/session-manager.ts";
import type { SessionRouter } from "./session-router.ts";

const StepBody = z.object({ step: z.string().min(1).max(100) });

function stepOf(body: unknown): string {
  const r = StepBody.safeParse(body ?? {});
  if (!r.success)
    throw new SlipwayError("invalid-input", 'expected a JSON body such as {"step": "run-detached"}');
  return r.data.step;
}

/** GET /api/labs: every lab sessions can start (no token needed). */
export function labCatalogRoute(labs: LabCatalog): Router {
  const r = Router();
  r.get("/labs", async (_req, res) => void res.json(await labs.list()));
  r.get("/tracks", async (_req, res) => void res.json(await labs.tracks()));
  return r;
}

export function labRoutes(
  r: SessionRouter,
  sessions: SessionManager,
  progress: ProgressService,
  /** Throws when the session's class does not allow this aid. */
  aidAllowed: (sessionId: string, aid: "hints" | "solutions") => void = () => undefined,
): void {
  r.get("/:id/lab", "view", async (_req, res, g) => res.json(await progress.view(g.sessionId)));
  r.post("/:id/check", "control", async (_req, res, g) => {
    sessions.touch(g.sessionId);
    res.json(await progress.check(g.sessionId));
  });
  r.post("/:id/hints", "control", async (req, res, g) => {
    aidAllowed(g.sessionId, "hints");
    res.json(await progress.hint(g.sessionId, stepOf(req.body)));
  });
  r.post("/:id/solution", "control", async (req, res, g) => {
    aidAllowed(g.sessionId, "solutions");
    res.json(await progress.solution(g.sessionId, stepOf(req.body)));
  });
  r.get("/:id/report", "view", async (_req, res, g) => res.json(await progress.report(g.sessionId)));
}
