// The layer check against a fake engine whose layer folders are real folders here: the script
// that looks for a path runs for real (bash), so symlinked parents and whiteouts are tested
// as the engine container would meet them.
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import type { CheckExecResult } from "./check-context.ts";
import { fakeCheckContext } from "./fake-check-context.ts";
import { layerCheck } from "./layer-check.ts";

const root = mkdtempSync(join(tmpdir(), "layer-check-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A layer folder holding the given files (path → content, or a symlink target after "->"). */
function layer(name: string, files: Record<string, string>): string {
  const dir = join(root, name, "diff");
  mkdirSync(dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    if (content.startsWith("->")) symlinkSync(content.slice(2), join(dir, path));
    else writeFileSync(join(dir, path), content);
  }
  return dir;
}

const base = layer("base", { "usr/bin/python3": "elf", "etc/passwd": "root" });
const deps1 = layer("deps1", { "usr/local/lib/python3.11/dist-packages/boxed/__init__.py": "x" });
const code1 = layer("code1", { "app/app.py": "print(1)" });
const deps2 = layer("deps2", { "usr/local/lib/python3.11/dist-packages/boxed/__init__.py": "x" });
const code2 = layer("code2", { "app/app.py": "print(2)" });
const sneaky = layer("sneaky", { usr: "->/" }); // usr/bin/python3 would lead into the engine's /
const canMknod = process.getuid?.() === 0;
// What `RUN rm /app/app.py` leaves in its layer: an overlay whiteout, a 0:0 character device.
const removed = layer("removed", {});
if (canMknod) {
  mkdirSync(join(removed, "app"));
  execFileSync("mknod", [join(removed, "app/app.py"), "c", "0", "0"]);
}

/** An image as overlay2 reports it: top layer in UpperDir, the rest (top first) in LowerDir. */
const image = (layers: [string, string][]) => ({
  RootFS: { Layers: layers.map(([id]) => id) },
  GraphDriver: {
    Name: "overlay2",
    Data: {
      UpperDir: layers.at(-1)?.[1],
      LowerDir: layers
        .slice(0, -1)
        .reverse()
        .map(([, d]) => d)
        .join(":"),
    },
  },
});

const run = promisify(execFile);
const ctx = fakeCheckContext({
  engine: {
    "/images/hello%3Av1/json": image([
      ["sha256:base", base],
      ["sha256:deps1", deps1],
      ["sha256:code1", code1],
    ]),
    // Built after a code change with dependencies first: the deps layer came from the cache.
    "/images/hello%3Av2/json": image([
      ["sha256:base", base],
      ["sha256:deps1", deps1],
      ["sha256:code2", code2],
    ]),
    // Built with the code copied first: the install ran again and made a new layer.
    "/images/slow%3Av2/json": image([
      ["sha256:base", base],
      ["sha256:code2", code2],
      ["sha256:deps2", deps2],
    ]),
    "/images/slim/json": image([["sha256:code1", code1]]),
    "/images/sneaky/json": image([["sha256:sneaky", sneaky]]),
    "/images/cleaned/json": image([
      ["sha256:code1", code1],
      ["sha256:removed", removed],
    ]),
    "/images/removed/json": image([["sha256:removed", removed]]),
  },
  async exec(cmd, opts): Promise<CheckExecResult> {
    expect(opts?.target).toBe("engine");
    const [bin, ...args] = cmd;
    const r = await run(bin as string, args);
    return { exitCode: 0, stdout: r.stdout, stderr: r.stderr };
  },
});

const check = (raw: object) => layerCheck.run(layerCheck.parse({ type: "layer", ...raw }, "t"), ctx);
const DEPS = "/usr/local/lib/python3.11/dist-packages/boxed";

describe("layer check", () => {
  it("passes when a rebuild took the dependencies layer from the cache and the code layer is new", async () => {
    expect((await check({ image: "hello:v2", holding: DEPS, sharedWith: "hello:v1" })).errors).toEqual([]);
    expect(
      (await check({ image: "hello:v2", holding: "/app/app.py", sharedWith: { not: "hello:v1" } })).pass,
    ).toBe(true);
  });

  it("fails when the dependencies were installed again, and says so", async () => {
    const r = await check({ image: "slow:v2", holding: `${DEPS}/`, sharedWith: "hello:v1" });
    expect(r.errors).toEqual([
      `image slow:v2: the layer holding ${DEPS} (layer 3 of 3 (sha256:deps2)) expected to be shared with hello:v1, but hello:v1 has a different layer there: it was built again, not taken from the cache`,
    ]);
  });

  it("fails when the code layer is the old one (the image was only re-tagged)", async () => {
    const r = await check({ image: "hello:v1", holding: "/app/app.py", sharedWith: { not: "hello:v1" } });
    expect(r.errors[0]).toMatch(/expected to differ from hello:v1's, but it is the same layer/);
  });

  it("says which layer holds a path that must be in none", async () => {
    expect((await check({ image: "slim", holding: "/usr/bin/python3", exists: false })).pass).toBe(true);
    const r = await check({ image: "hello:v1", holding: "/usr/bin/python3", exists: false });
    expect(r.errors).toEqual([
      "image hello:v1: /usr/bin/python3 expected in no layer, but layer 1 of 3 (sha256:base) holds it",
    ]);
  });

  it.skipIf(!canMknod)(
    "finds a file a later layer deleted, and never counts the deletion itself",
    async () => {
      const r = await check({ image: "cleaned", holding: "/app/app.py", exists: false });
      expect(r.errors).toEqual([
        "image cleaned: /app/app.py expected in no layer, but layer 1 of 2 (sha256:code1) holds it",
      ]);
      expect((await check({ image: "removed", holding: "/app/app.py", exists: false })).pass).toBe(true);
    },
  );

  it("does not follow a symlinked parent out of the layer", async () => {
    const r = await check({
      image: "sneaky",
      holding: join(base, "usr/bin/python3").replace(/^\//, "/usr/"),
    });
    expect(r.errors[0]).toMatch(/none holds it/);
    expect((await check({ image: "sneaky", holding: "/usr" })).pass).toBe(true); // the link itself is a file
  });

  it("fails on a missing image or one the other image lacks", async () => {
    expect((await check({ image: "nope", holding: "/x" })).errors).toEqual([
      "image nope: expected to exist, but there is no image with that name",
    ]);
    expect((await check({ image: "slim", holding: "/app/app.py", sharedWith: "gone" })).errors[0]).toMatch(
      /image gone expected to exist/,
    );
  });

  it("refuses a relative path when the lab is loaded", () => {
    expect(() => layerCheck.parse({ type: "layer", image: "a", holding: "app.py" }, "t")).toThrow(/absolute/);
  });
});
