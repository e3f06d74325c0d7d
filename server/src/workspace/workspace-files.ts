// The learner's workspace as the editor sees it: a listing, text files to open, and saves
// that refuse to overwrite a file changed since it was opened. Everything goes through the
// sandbox driver, in the workstation, as the learner's shell would see it.
import { createHash } from "node:crypto";
import {
  type FileContent,
  type FileEntry,
  type FileEntryType,
  type FileList,
  MAX_EDIT_BYTES,
  type SavedFile,
} from "../../../common/workspace-files.ts";
import { SlipwayError } from "../errors.ts";
import { WORKSPACE } from "../sandbox/learner-paths.ts";
import type { SandboxDriver, SandboxRef } from "../sandbox/sandbox-driver.ts";

const MAX_ENTRIES = 2000;
const TYPES: Record<string, FileEntryType> = { f: "file", d: "dir", l: "link" };

// Heavy folders are listed but not entered. NUL-separated, so any file name survives.
const LIST = String.raw`find . -mindepth 1 -maxdepth 8 -printf '%y %s %P\0' \
  \( -name .git -o -name node_modules -o -name .cache \) -prune | head -z -n ${MAX_ENTRIES + 1}`;

// Compare and write in one exec, so nothing can change the file between the two. Writing
// through the shell (not a tar upload) keeps the file's mode, owner and any symlink.
const WRITE = String.raw`f=$1 want=$2
if [ -e "$f" ] || [ -L "$f" ]; then
  [ -f "$f" ] || { echo "$f is not a regular file" >&2; exit 3; }
  have=$(sha256sum < "$f" | cut -d' ' -f1)
else have=none; fi
if [ -n "$want" ] && [ "$want" != "$have" ]; then echo "$have"; exit 9; fi
mkdir -p -- "$(dirname -- "$f")" && cat > "$f"`;

export const contentVersion = (content: Buffer): string => createHash("sha256").update(content).digest("hex");

export class WorkspaceFiles {
  constructor(private readonly driver: SandboxDriver) {}

  async list(ref: SandboxRef): Promise<FileList> {
    const r = await this.driver.exec(ref, ["sh", "-c", LIST], { workdir: WORKSPACE, timeoutMs: 10_000 });
    if (r.exitCode !== 0)
      throw new SlipwayError("unavailable", `listing the workspace failed: ${r.stderr.trim()}`);
    const entries: FileEntry[] = [];
    for (const line of r.stdout.split("\0")) {
      const m = /^(\S) (\d+) (.+)$/s.exec(line);
      if (m)
        entries.push({ type: TYPES[m[1] as string] ?? "other", size: Number(m[2]), path: m[3] as string });
    }
    return { entries: entries.slice(0, MAX_ENTRIES), truncated: entries.length > MAX_ENTRIES };
  }

  async read(ref: SandboxRef, path: string): Promise<FileContent> {
    const bytes = await this.driver.readFile(ref, path, MAX_EDIT_BYTES + 1);
    if (!bytes)
      throw new SlipwayError(
        "not-found",
        `no file "${path}" in the workspace (folders and links do not open)`,
      );
    if (bytes.length > MAX_EDIT_BYTES) return { path, kind: "too-large" };
    const text = decodeText(bytes);
    if (text === undefined) return { path, kind: "binary" };
    return { path, kind: "text", content: text, version: contentVersion(bytes) };
  }

  /** `base`: the version the editor loaded, "none" for a new file, undefined to overwrite. */
  async write(ref: SandboxRef, path: string, content: string, base: string | undefined): Promise<SavedFile> {
    const bytes = Buffer.from(content, "utf8");
    if (bytes.length > MAX_EDIT_BYTES)
      throw new SlipwayError(
        "invalid-input",
        `files over ${MAX_EDIT_BYTES} bytes are not saved from the editor`,
      );
    const r = await this.driver.exec(ref, ["sh", "-c", WRITE, "sh", path, base ?? ""], {
      workdir: WORKSPACE,
      stdin: bytes,
      timeoutMs: 15_000,
    });
    if (r.exitCode === 9)
      throw new SlipwayError("conflict", `${path} changed in the workspace since it was opened`, {
        version: r.stdout.trim(),
      });
    if (r.exitCode !== 0)
      throw new SlipwayError(
        r.exitCode === 3 ? "invalid-input" : "unavailable",
        `saving ${path} failed: ${r.stderr.trim()}`,
      );
    return { path, version: contentVersion(bytes) };
  }
}

/** UTF-8 text, or undefined for bytes an editor would show as garbage. */
export function decodeText(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
