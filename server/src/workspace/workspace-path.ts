// Paths from the browser name files in the learner's workspace and nothing else: relative,
// no `..`, no NUL. The workstation is the learner's own container, so a symlink inside the
// workspace only reaches what their shell already can.
import { SlipwayError } from "../errors.ts";

const MAX_PATH = 1024;

/** Normalizes a workspace-relative path ("./a//b/" → "a/b"); throws invalid-input otherwise. */
export function workspacePath(raw: unknown): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_PATH)
    throw new SlipwayError(
      "invalid-input",
      `path must be a workspace-relative path of 1-${MAX_PATH} characters`,
    );
  if (raw.startsWith("/") || raw.startsWith("~"))
    throw new SlipwayError("invalid-input", `path must be relative to the workspace, got "${raw}"`);
  if (raw.includes("\0")) throw new SlipwayError("invalid-input", "path must not contain NUL");
  const parts = raw.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.includes(".."))
    throw new SlipwayError("invalid-input", `path must stay inside the workspace: "${raw}"`);
  if (parts.length === 0) throw new SlipwayError("invalid-input", "path names no file");
  return parts.join("/");
}
