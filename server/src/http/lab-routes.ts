// The lab API: the catalog, a session's steps, checks on demand, hints, solutions and the
// score report. Session routes need the session's token, like every session route.
import { Router } from "express";
import { z } from "zod";
import { SlipwayError } from "../errors.ts";
import type { LabCatalog } from "../labs/lab-catalog.ts";
import type { ProgressService } from "../progress/progress-service.ts";
import type { SessionManager } from "../sessions/session-manager.ts";
import type { SessionGuard } from "./session-guard.ts";

const StepBody = z.object({ step: z.string().min(1).max(100) });

function stepOf(body: unknown): string {
  const r = StepBody.safeParse(body ?? {});
  if (!r.success)
    throw new SlipwayError("invalid-input", 'expected a JSON body such as {"step": "run-detached"}');
  return r.data.step;
}

export function labRoutes(
  labs: LabCatalog,
  sessions: SessionManager,
  progress: ProgressService,
  guard: SessionGuard,
): Router {
  const r = Router();
  r.get("/labs", async (_req, res) => void res.json(await labs.list()));
  r.get("/sessions/:id/lab", async (req, res) => {
    guard(req);
    res.json(await progress.view(req.params.id));
  });
  r.post("/sessions/:id/check", async (req, res) => {
    guard(req);
    sessions.touch(req.params.id);
    res.json(await progress.check(req.params.id));
  });
  r.post("/sessions/:id/hints", async (req, res) => {
    guard(req);
    res.json(await progress.hint(req.params.id, stepOf(req.body)));
  });
  r.post("/sessions/:id/solution", async (req, res) => {
    guard(req);
    res.json(await progress.solution(req.params.id, stepOf(req.body)));
  });
  r.get("/sessions/:id/report", async (req, res) => {
    guard(req);
    res.json(await progress.report(req.params.id));
  });
  return r;
}
