// The workspace files API for the editor: list, read, and save with a version check.
// A save sends the file as the raw body (any content type) and `If-Match: "<version>"` (or
// `If-None-Match: *` for a new file); without either it overwrites.
import express, { type Request, Router } from "express";
import { MAX_EDIT_BYTES } from "../../../common/workspace-files.ts";
import { SlipwayError } from "../errors.ts";
import type { SessionManager } from "../sessions/session-manager.ts";
import type { SandboxRef } from "../sandbox/sandbox-driver.ts";
import type { WorkspaceFiles } from "../workspace/workspace-files.ts";
import { workspacePath } from "../workspace/workspace-path.ts";
import type { SessionGuard } from "./session-guard.ts";

export function fileRoutes(sessions: SessionManager, files: WorkspaceFiles, guard: SessionGuard): Router {
  const r = Router();
  const sandbox = (req: Request): SandboxRef => {
    const id = String(req.params.id);
    guard(req);
    const ref = sessions.ready(id);
    sessions.touch(id);
    return ref;
  };
  r.get("/:id/files", async (req, res) => {
    res.json(await files.list(sandbox(req)));
  });
  r.get("/:id/files/content", async (req, res) => {
    const ref = sandbox(req);
    res.json(await files.read(ref, workspacePath(req.query.path)));
  });
  r.put("/:id/files/content", express.text({ type: () => true, limit: MAX_EDIT_BYTES }), async (req, res) => {
    const ref = sandbox(req);
    const path = workspacePath(req.query.path);
    // No body at all is an empty file; a JSON body was parsed by the app's JSON parser.
    const content: unknown = req.body ?? "";
    if (typeof content !== "string")
      throw new SlipwayError("invalid-input", "send the file's content as the request body (text/plain)");
    res.json(await files.write(ref, path, content, baseVersion(req)));
  });
  return r;
}

function baseVersion(req: Request): string | undefined {
  if (req.headers["if-none-match"] === "*") return "none";
  const match = req.headers["if-match"];
  if (match === undefined) return undefined;
  const version = /^"?([0-9a-f]{64})"?$/.exec(match.trim())?.[1];
  if (!version)
    throw new SlipwayError("invalid-input", 'If-Match must be "<version>" from the file\'s last read');
  return version;
}
