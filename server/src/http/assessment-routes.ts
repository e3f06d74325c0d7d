// Assessments: the catalog, starting an attempt (it answers the attempt's token), moving
// between its tasks, finishing, and the report. An attempt's token travels in Authorization
// like a session's; a share link's token opens that attempt's report and nothing else.
import express, { Router } from "express";
import { z } from "zod";
import type { AssessmentAttempts } from "../assessments/attempts/assessment-attempts.ts";
import { SlipwayError } from "../errors.ts";
import type { Learners } from "../learners/learners.ts";
import { tokenFrom } from "./auth.ts";
import { learnerOf } from "./learner-of.ts";
import { parseBody } from "./session-routes.ts";

const OpenBody = z.object({ task: z.number().int().min(0).max(100) });

const tokenOf = (req: express.Request): string => {
  const t = tokenFrom(req);
  if (t === undefined)
    throw new SlipwayError(
      "unauthorized",
      "this call needs the attempt's token (Authorization: Bearer <token>)",
    );
  return t;
};

export function assessmentRoutes(attempts: AssessmentAttempts, learners: Learners): Router {
  const r = Router();
  const json = express.json({ limit: "16kb" });
  r.get("/assessments", async (_req, res) => res.json({ assessments: await attempts.list() }));
  r.post("/assessments/:id/attempts", async (req, res) => {
    const { attempt, token } = await attempts.start(req.params.id, learnerOf(req, learners));
    res.status(201).json({ ...attempt, token });
  });
  r.get("/attempts/:id", async (req, res) => res.json(await attempts.view(req.params.id, tokenOf(req))));
  r.post("/attempts/:id/open", json, async (req, res) => {
    const token = tokenOf(req);
    attempts.authorize(req.params.id, token); // before the body is read
    const { task } = parseBody(OpenBody, req.body);
    await attempts.open(req.params.id, task, token, learnerOf(req, learners));
    res.json(await attempts.view(req.params.id, token));
  });
  r.post("/attempts/:id/finish", async (req, res) => {
    const token = tokenOf(req);
    attempts.authorize(req.params.id, token);
    await attempts.finish(req.params.id, "finished by the candidate");
    res.json(await attempts.view(req.params.id, token));
  });
  r.get("/attempts/:id/report", (req, res) => {
    res.set("cache-control", "no-store").json(attempts.report(req.params.id, tokenOf(req)));
  });
  r.post("/attempts/:id/share", (req, res) => {
    res.status(201).json({ shareToken: attempts.share(req.params.id, tokenOf(req)) });
  });
  return r;
}
