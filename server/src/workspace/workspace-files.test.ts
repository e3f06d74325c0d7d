// The listing and save scripts run in a real shell here, in a temporary folder standing in
// for the workspace, so their comparisons and quoting are tested as they run in a sandbox.
import { spawnSync } from "node:child_process";
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { ExecOptions, SandboxDriver, SandboxRef } from "../sandbox/sandbox-driver.ts";
import { contentVersion, WorkspaceFiles } from "./workspace-files.ts";

let dir: string;
let files: WorkspaceFiles;
const ref = { id: "s1" } as SandboxRef;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "slipway-ws-"));
  const driver = {
    async exec(_ref: SandboxRef, cmd: readonly string[], o: ExecOptions = {}) {
      const [bin, ...args] = cmd as [string, ...string[]];
      const r = spawnSync(bin, args, { cwd: dir, input: o.stdin });
      return { exitCode: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
    },
    // Like the Docker archive API: a link or a folder is not a file.
    async readFile(_ref: SandboxRef, path: string, max: number) {
      const p = join(dir, path);
      try {
        if (!lstatSync(p).isFile()) return undefined;
      } catch {
        return undefined;
      }
      return readFileSync(p).subarray(0, max);
    },
  } as unknown as SandboxDriver;
  files = new WorkspaceFiles(driver);
});

describe("WorkspaceFiles", () => {
  it("lists files and folders but does not enter .git", async () => {
    mkdirSync(join(dir, "app/.git/objects"), { recursive: true });
    writeFileSync(join(dir, "app/odd name\nwith newline.txt"), "x");
    writeFileSync(join(dir, "app/main.py"), "print(1)\n");
    const { entries, truncated } = await files.list(ref);
    expect(truncated).toBe(false);
    expect(entries).toEqual(
      expect.arrayContaining([
        { path: "app", type: "dir", size: expect.any(Number) },
        { path: "app/.git", type: "dir", size: expect.any(Number) },
        { path: "app/main.py", type: "file", size: 9 },
        { path: "app/odd name\nwith newline.txt", type: "file", size: 1 },
      ]),
    );
    expect(entries.some((e) => e.path.startsWith("app/.git/"))).toBe(false);
  });

  it("reads text with its version, and says binary or missing instead of garbage", async () => {
    writeFileSync(join(dir, "a.txt"), "héllo\n");
    writeFileSync(join(dir, "b.bin"), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]));
    writeFileSync(join(dir, "latin1.txt"), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    expect(await files.read(ref, "a.txt")).toEqual({
      path: "a.txt",
      kind: "text",
      content: "héllo\n",
      version: contentVersion(Buffer.from("héllo\n")),
    });
    expect(await files.read(ref, "b.bin")).toEqual({ path: "b.bin", kind: "binary" });
    expect(await files.read(ref, "latin1.txt")).toMatchObject({ kind: "binary" });
    await expect(files.read(ref, "nope")).rejects.toMatchObject({ code: "not-found" });
  });

  it("saves over the version it was given, and refuses a file changed meanwhile", async () => {
    writeFileSync(join(dir, "c.txt"), "one\n");
    const opened = await files.read(ref, "c.txt");
    if (opened.kind !== "text") throw new Error("expected text");
    const saved = await files.write(ref, "c.txt", "two\n", opened.version);
    expect(readFileSync(join(dir, "c.txt"), "utf8")).toBe("two\n");
    expect(saved.version).toBe(contentVersion(Buffer.from("two\n")));
    writeFileSync(join(dir, "c.txt"), "changed in the terminal\n");
    await expect(files.write(ref, "c.txt", "three\n", saved.version)).rejects.toMatchObject({
      code: "conflict",
    });
    expect(readFileSync(join(dir, "c.txt"), "utf8")).toBe("changed in the terminal\n");
    await files.write(ref, "c.txt", "forced\n", undefined);
    expect(readFileSync(join(dir, "c.txt"), "utf8")).toBe("forced\n");
  });

  it("creates new files with their folders, but not over an existing one", async () => {
    await files.write(ref, "new dir/$(x) 'q'.txt", "fresh", "none");
    expect(readFileSync(join(dir, "new dir/$(x) 'q'.txt"), "utf8")).toBe("fresh");
    await expect(files.write(ref, "new dir/$(x) 'q'.txt", "again", "none")).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("writes through a symlink and keeps the link", async () => {
    writeFileSync(join(dir, "target.txt"), "t");
    symlinkSync("target.txt", join(dir, "link.txt"));
    await files.write(ref, "link.txt", "via link", contentVersion(Buffer.from("t")));
    expect(readlinkSync(join(dir, "link.txt"))).toBe("target.txt");
    expect(readFileSync(join(dir, "target.txt"), "utf8")).toBe("via link");
  });

  it("refuses to write over a folder", async () => {
    mkdirSync(join(dir, "d"));
    await expect(files.write(ref, "d", "x", undefined)).rejects.toMatchObject({ code: "invalid-input" });
  });
});
