// The classes API. Making a class needs nothing (like starting a session); it answers the
// instructor key, once. Learners join with their identity cookie (made now if this browser
// has none). Every /api/classes/:id route is an instructor's: declared through `instructor`,
// which checks the key (Authorization: Bearer) before anything else runs, body parsing
// included, and lists what it declared so a test can try each one without the key.
import express, { type Request, type Response, Router } from "express";
import { z } from "zod";
import type { LabSummary } from "../../../common/lab-types.ts";
import type { ClassCreated, LearnerClassView } from "../../../common/class-views.ts";
import type { ClassBoard } from "../classes/class-board.ts";
import { isOpen, type ClassRecord } from "../classes/class.ts";
import { resultRows, toCsv } from "../classes/class-export.ts";
import { toClassView } from "../classes/class-view.ts";
import type { Classes } from "../classes/classes.ts";
import type { ClassWebhooks } from "../classes/class-webhooks.ts";
import { NewClassBody, newClass } from "../classes/new-class.ts";
import { SlipwayError } from "../errors.ts";
import type { LearnerOverview } from "../learners/learner-overview.ts";
import type { Learners } from "../learners/learners.ts";
import type { SessionAccess } from "../sessions/access/session-access.ts";
import type { Session } from "../sessions/session.ts";
import { tokenFrom } from "./auth.ts";
import { classEventsHandler } from "./class-events.ts";
import { CLIENT_HEADER, mayUseIdentity, setLearnerCookie } from "./learner-cookie.ts";
import { learnerOf } from "./learner-of.ts";
import { parseBody } from "./session-routes.ts";

const JoinBody = z.object({ code: z.string().min(1).max(40), displayName: z.string().max(200) });
const EndBody = z.object({ then: z.enum(["pause", "stop"]).default("pause") });
const AnnounceBody = z.object({ text: z.string().max(500) });
const WebhookBody = z.object({ url: z.string().min(1).max(2000) });

export interface ClassRouteDeps {
  readonly classes: Classes;
  readonly board: ClassBoard;
  readonly webhooks: Pick<ClassWebhooks, "set" | "deliveries" | "joined">;
  readonly learners: Learners;
  readonly overview: LearnerOverview;
  readonly labSummaries: () => Promise<readonly LabSummary[]>;
  readonly access: Pick<SessionAccess, "mint" | "list" | "revoke">;
  readonly session: (id: string) => Session | undefined;
  readonly clock: () => number;
}

type InstructorHandler = (req: Request, res: Response, c: ClassRecord) => unknown;

export function classRoutes(d: ClassRouteDeps): { router: Router; declared: string[] } {
  const r = Router();
  const declared: string[] = [];
  const json = express.json({ limit: "64kb" });
  const view = (c: ClassRecord) => toClassView(c, d.classes.members(c.id).length, d.clock());
  const instructor = (method: "get" | "post" | "put", path: string, h: InstructorHandler) => {
    declared.push(`${method.toUpperCase()} ${path}`);
    r[method](
      path,
      (req, res, next) => {
        res.locals.class = d.classes.instructor(String(req.params.id), tokenFrom(req));
        next();
      },
      json,
      async (req, res) => void (await h(req, res, res.locals.class as ClassRecord)),
    );
  };

  r.post("/classes", json, async (req, res) => {
    const { record, instructorKey } = await d.classes.create(newClass(parseBody(NewClassBody, req.body)));
    const body: ClassCreated = { class: view(record), instructorKey };
    res.status(201).json(body);
  });
  r.post("/classes/join", json, async (req, res) => {
    const { code, displayName } = parseBody(JoinBody, req.body);
    const existing = learnerOf(req, d.learners);
    let made = false;
    const { record, who } = d.classes.join(code, displayName, existing, () => {
      if (req.get(CLIENT_HEADER) !== "1" || !mayUseIdentity(req))
        throw new SlipwayError("forbidden", `send ${CLIENT_HEADER}: 1 from Slipway's own pages`);
      made = true;
      return d.learners.create();
    });
    if (made) setLearnerCookie(req, res, who.key);
    d.board.changed(record.id);
    d.webhooks.joined(record.id, who.learner.id);
    res.json(await learnerClass(d, who.learner.id, record.id));
  });
  r.get("/me/class", async (req, res) => {
    const who = learnerOf(req, d.learners);
    res.json(who ? await learnerClass(d, who.learner.id, who.learner.classId) : null);
  });

  instructor("get", "/classes/:id", (_req, res, c) => res.json(view(c)));
  instructor("get", "/classes/:id/dashboard", async (_req, res, c) => res.json(await d.board.dashboard(c)));
  instructor("get", "/classes/:id/events", classEventsHandler(d.board));
  instructor("post", "/classes/:id/close", (_req, res, c) => {
    res.json(view(d.classes.close(c)));
    d.board.changed(c.id);
  });
  instructor("post", "/classes/:id/end", async (req, res, c) => {
    const { then } = parseBody(EndBody, req.body);
    const outcome = await d.classes.end(c, then);
    res.json({ class: view(d.classes.get(c.id) ?? c), ...outcome });
    d.board.changed(c.id);
  });
  instructor("put", "/classes/:id/announcement", (req, res, c) => {
    res.json(view(d.classes.announce(c, parseBody(AnnounceBody, req.body).text)));
  });
  instructor("post", "/classes/:id/sessions/:sessionId/view-token", (req, res, c) => {
    const sessionId = String(req.params.sessionId);
    const s = d.session(sessionId);
    if (s?.classId !== c.id) throw new SlipwayError("not-found", "no session of this class has this id");
    // One instructor token per session at a time: the learner's list stays short and the
    // 20-token cap is never reached by clicking.
    const label = `instructor of ${c.id}`;
    for (const t of d.access.list(sessionId)) if (t.label === label) d.access.revoke(sessionId, t.id);
    res.status(201).json(d.access.mint(sessionId, "view", label));
  });
  // The signing secret is answered once, here; deliveries show what each attempt got.
  instructor("put", "/classes/:id/webhook", (req, res, c) =>
    res.json(d.webhooks.set(c.id, parseBody(WebhookBody, req.body).url)),
  );
  instructor("get", "/classes/:id/deliveries", (_req, res, c) =>
    res.json({ deliveries: d.webhooks.deliveries(c.id) }),
  );
  instructor("get", "/classes/:id/export", async (req, res, c) => {
    const rows = resultRows(await d.board.dashboard(c));
    const name = `class-${c.id}`;
    if (req.query.format === "csv") {
      res.setHeader("content-type", "text/csv; charset=utf-8");
      res.setHeader("content-disposition", `attachment; filename="${name}.csv"`);
      res.send(toCsv(rows));
    } else res.json({ class: view(c), rows });
  });
  return { router: r, declared };
}

async function learnerClass(
  d: ClassRouteDeps,
  learnerId: string,
  classId: string | undefined,
): Promise<LearnerClassView | null> {
  const c = classId === undefined ? undefined : d.classes.get(classId);
  const member = c && d.classes.members(c.id).find((m) => m.learnerId === learnerId);
  if (!c || !member) return null;
  const sessions = (await d.overview.sessions(learnerId)).filter((s) => d.session(s.id)?.classId === c.id);
  const all = await d.labSummaries();
  const labs = c.labs.flatMap((id) => all.filter((l) => l.id === id));
  return {
    id: c.id,
    title: c.title,
    displayName: member.displayName,
    open: isOpen(c, d.clock()),
    ended: c.endedAt !== undefined,
    hintsAllowed: c.hintsAllowed,
    solutionsAllowed: c.solutionsAllowed,
    ...(c.announcement
      ? { announcement: { text: c.announcement.text, at: new Date(c.announcement.at).toISOString() } }
      : {}),
    labs: labs.map((lab) => {
      const s = sessions.find((x) => x.lab === lab.id); // newest first
      return {
        lab: lab.id,
        title: lab.title,
        stepCount: lab.stepCount,
        stepsPassed: s?.stepsPassed ?? 0,
        ...(s ? { sessionId: s.id, state: s.state } : {}),
        completed: s?.completedAt !== undefined,
      };
    }),
  };
}
