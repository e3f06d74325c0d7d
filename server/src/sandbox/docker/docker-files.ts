// Files into the workspace (a lab's files/) as a tar
// stream, the Docker archive API's format; and files out of it, read in the workstation.
import type Dockerode from "dockerode";
import { pack } from "tar-stream";
import type { SandboxFile } from "../sandbox-driver.ts";
import { execIn } from "./docker-exec.ts";
import { WORKSPACE } from "../learner-paths.ts";

export async function putFiles(container: Dockerode.Container, files: readonly SandboxFile[]): Promise<void> {
  if (files.length === 0) return;
  const tar = pack();
  for (const f of files) {
    const path = f.path.replace(/^\/+/, "");
    if (path.split("/").includes("..")) throw new Error(`refusing a file outside the workspace: ${f.path}`);
    tar.entry({ name: path, mode: f.mode ?? 0o644, uid: 0, gid: 0 }, Buffer.from(f.content));
  }
  tar.finalize();
  await container.putArchive(tar as unknown as NodeJS.ReadableStream, { path: WORKSPACE });
}

// Read inside the workstation, as the learner's own shell would: the path and every symlink
// on it resolve in the sandbox's mount namespace, never on the host. (Docker's archive API
// resolves them from the host side, in a folder the learner writes.) A link is not a file here,
// as the editor and file checks expect; base64, because exec output travels as text.
const READ = String.raw`[ -f "$1" ] && [ ! -L "$1" ] || exit 3
head -c "$2" -- "$1" | base64 -w0`;

export async function readFileFrom(
  container: Dockerode.Container,
  path: string,
  maxBytes: number,
): Promise<Buffer | undefined> {
  const abs = path.startsWith("/") ? path : `${WORKSPACE}/${path}`;
  const r = await execIn(container, ["sh", "-c", READ, "sh", abs, String(maxBytes)], {
    timeoutMs: 15_000,
    maxOutputBytes: Math.ceil(maxBytes / 3) * 4 + 16,
  });
  if (r.exitCode === 3) return undefined;
  if (r.exitCode !== 0) throw new Error(`reading ${path} failed: ${r.stderr.trim() || `exit ${r.exitCode}`}`);
  return Buffer.from(r.stdout, "base64");
}
