// Files in and out of the workspace as tar streams, the Docker archive API's format.
import type Dockerode from "dockerode";
import { pack, extract } from "tar-stream";
import type { SandboxFile } from "../sandbox-driver.ts";
import { WORKSPACE } from "./sandbox-containers.ts";

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

export async function readFileFrom(
  container: Dockerode.Container,
  path: string,
  maxBytes: number,
): Promise<Buffer | undefined> {
  const abs = path.startsWith("/") ? path : `${WORKSPACE}/${path}`;
  let archive: NodeJS.ReadableStream;
  try {
    archive = await container.getArchive({ path: abs });
  } catch {
    return undefined;
  }
  return new Promise((resolve, reject) => {
    const ex = extract();
    let result: Buffer | undefined;
    ex.on("entry", (header, stream, next) => {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (data: unknown) => {
        const c = data as Buffer;
        if (result === undefined && header.type === "file" && size < maxBytes)
          chunks.push(c.subarray(0, maxBytes - size));
        size += c.length;
      });
      stream.on("end", () => {
        if (result === undefined && header.type === "file") result = Buffer.concat(chunks);
        next();
      });
      stream.resume();
    });
    ex.on("finish", () => resolve(result));
    ex.on("error", reject);
    archive.pipe(ex);
  });
}
