// The workspace files API for the editor: list, read, and save with a version check.
// A save sends the file as the raw body (any content type) and `If-Match: "<version>"` (or
// `If-None-Match: *` for a new file); without either it overwrites. Control only: a viewer
// watches the terminal, not the learner's files.
import express, { type Request } from "express";
import { MAX_EDIT_BYTES } from "../../../common/workspace-files.ts";
import { SlipwayError } from "../errors.ts";
import type { SessionManager } from "../sessions/session-manager.ts";
import type { SandboxRef } from "../sandbox/sandbox-driver.ts";
import type { WorkspaceFiles } from "../workspace/workspace-files.ts";
import { workspacePath } from "../workspace/workspace-path.ts";
import type { SessionRouter } from "./session-router.ts";

export function fileRoutes(r: SessionRouter, sessions: SessionManager, files: WorkspaceFiles): void {
  const sandbox = (id: string): SandboxRef => {
    const ref = sessions.ready(id);
    sessions.touch(id);
    return ref;
  };
  r.get("/:id/files", "control", async (_req, res, g) => {
    res.json(await files.list(sandbox(g.sessionId)));
  });
  r.get("/:id/files/content", "control", async (req, res, g) => {
    const ref = sandbox(g.sessionId);
    res.json(await files.read(ref, workspacePath(req.query.path)));
  });
  r.put(
    "/:id/files/content",
    "control",
    async (req, res, g) => {
      const ref = sandbox(g.sessionId);
      const path = workspacePath(req.query.path);
      // Any content type is the file's text as sent; no body at all is an empty file.
      const content: unknown = req.body ?? "";
      if (typeof content !== "string")
        throw new SlipwayError("invalid-input", "send the file's content as the request body (text/plain)");
      res.json(await files.write(ref, path, content, baseVersion(req)));
    },
    { body: express.text({ type: () => true, limit: MAX_EDIT_BYTES }) },
  );
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
