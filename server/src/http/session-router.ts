// Every /api/sessions/:id route is declared here with the scope it needs, and the token is
// checked before anything else of the route runs, its body parser included (JSON unless the
// route says otherwise), so a stranger's body is never even read. A route cannot be
// added any other way, so none can forget the check: deny by default. `routes` lists what
// was declared, so a test can hold the view scope to exactly the reads it is meant for.
// Besides a token, the learner the session belongs to may call (their identity cookie, read
// under learner-cookie.ts's cross-site rules): they hold control.
import express, { type Request, type RequestHandler, type Response, Router } from "express";
import type { TokenScope } from "../../../common/session-tokens.ts";
import { SlipwayError } from "../errors.ts";
import type { KeyedLearner } from "../learners/learner.ts";
import type { Grant, SessionAccess } from "../sessions/access/session-access.ts";
import { tokenFrom } from "./auth.ts";

export type SessionHandler = (req: Request, res: Response, grant: Grant) => unknown;
type Method = "get" | "post" | "put" | "delete";

export interface DeclaredRoute {
  readonly method: Uppercase<Method>;
  readonly path: string;
  readonly scope: TokenScope;
}

export interface RouteOptions {
  /** The route's body parser, instead of JSON; runs after the token check. */
  readonly body?: RequestHandler;
}

export class SessionRouter {
  readonly router = Router();
  readonly routes: DeclaredRoute[] = [];

  constructor(
    private readonly access: Pick<SessionAccess, "authorize">,
    /** The learner this request may act as; none when only tokens count. */
    private readonly learnerOf: (req: Request) => KeyedLearner | undefined = () => undefined,
    private readonly json: RequestHandler = express.json({ limit: "256kb" }),
  ) {}

  get = (path: string, scope: TokenScope, h: SessionHandler, o?: RouteOptions) =>
    this.add("get", path, scope, h, o);
  post = (path: string, scope: TokenScope, h: SessionHandler, o?: RouteOptions) =>
    this.add("post", path, scope, h, o);
  put = (path: string, scope: TokenScope, h: SessionHandler, o?: RouteOptions) =>
    this.add("put", path, scope, h, o);
  delete = (path: string, scope: TokenScope, h: SessionHandler, o?: RouteOptions) =>
    this.add("delete", path, scope, h, o);

  private add(method: Method, path: string, scope: TokenScope, h: SessionHandler, o: RouteOptions = {}) {
    if (!path.startsWith("/:id")) throw new Error(`session route ${path} must start with /:id`);
    this.routes.push({ method: method.toUpperCase() as Uppercase<Method>, path, scope });
    const guard: RequestHandler = (req, res, next) => {
      const id = req.params.id;
      if (typeof id !== "string") throw new SlipwayError("not-found", "no such session");
      res.locals.grant = this.access.authorize(id, tokenFrom(req), scope, this.learnerOf(req));
      next();
    };
    const run: RequestHandler = async (req, res) => {
      await h(req, res, res.locals.grant as Grant);
    };
    this.router[method](path, guard, o.body ?? this.json, run);
  }
}
