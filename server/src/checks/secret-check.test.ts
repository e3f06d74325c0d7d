// The secret check against a fake engine whose layer folders are real folders here, searched
// by the same grep the engine container runs.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { fakeCheckContext } from "./fake-check-context.ts";
import { secretCheck } from "./secret-check.ts";

const SECRET = "tr0ub4dor-and-3";
const root = mkdtempSync(join(tmpdir(), "secret-check-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function layer(name: string, files: Record<string, string>): string {
  const dir = join(root, name, "diff");
  mkdirSync(dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const base = layer("base", { "bin/busybox": "elf" });
const site = layer("site", { "www/index.html": "<h1>status</h1>" });
const baked = layer("baked", { "etc/httpd.conf": `/admin:admin:${SECRET}\n` });

const image = (id: string, dirs: string[], config: object = {}) => ({
  Id: id,
  Config: { Env: ["PATH=/bin"], Cmd: ["httpd"], ...config },
  RootFS: { Layers: dirs.map((_, i) => `sha256:${id}${i}`) },
  GraphDriver: {
    Name: "overlay2",
    Data: { UpperDir: dirs.at(-1), LowerDir: dirs.slice(0, -1).reverse().join(":") },
  },
});
const history = (...createdBy: string[]) => createdBy.map((c) => ({ CreatedBy: c, Comment: "" }));

const ctx = fakeCheckContext({
  engine: {
    "/images/status%3Aclean/json": image("clean", [base, site]),
    "/images/clean/history": history("/bin/sh -c #(nop) COPY dir:1 in /www", "ADD rootfs"),
    "/images/status%3Aenv/json": image("env", [base, site], {
      Env: ["PATH=/bin", `ADMIN_PASSWORD=${SECRET}`],
      Labels: { owner: "ops" },
    }),
    "/images/env/history": history(`/bin/sh -c #(nop)  ENV ADMIN_PASSWORD=${SECRET}`),
    "/images/status%3Aarg/json": image("arg", [base, site, baked]),
    "/images/arg/history": history(
      `|1 ADMIN_PASSWORD=${SECRET} /bin/sh -c printf '/admin:admin:%s\\n' "$ADMIN_PASSWORD" > /etc/httpd.conf`,
    ),
  },
  async exec(cmd, opts) {
    expect(opts?.target).toBe("engine");
    const [bin, ...args] = cmd;
    const r = await promisify(execFile)(bin as string, args);
    return { exitCode: 0, stdout: r.stdout, stderr: r.stderr };
  },
});

const check = (image: string) =>
  secretCheck.run(secretCheck.parse({ type: "secret", image, value: SECRET }, "t"), ctx);

describe("secret check", () => {
  it("passes on an image that holds the value nowhere", async () => {
    expect((await check("status:clean")).errors).toEqual([]);
  });

  it("finds a value baked with ENV, masked in the message", async () => {
    expect((await check("status:env")).errors).toEqual([
      'image status:env: the secret is in its Config.Env: "ADMIN_PASSWORD=***"',
      'image status:env: the secret is in its build history: "/bin/sh -c #(nop)  ENV ADMIN_PASSWORD=***"',
    ]);
  });

  it("finds a build argument in the history and the file it was written to", async () => {
    const r = await check("status:arg");
    expect(r.errors[0]).toMatch(
      /^image status:arg: the secret is in its build history: "\|1 ADMIN_PASSWORD=\*\*\* /,
    );
    expect(r.errors[1]).toBe(
      "image status:arg: the secret is in the file /etc/httpd.conf of layer 3 of 3 (sha256:arg2)",
    );
    expect(r.errors.join()).not.toContain(SECRET);
  });

  it("fails on a missing image, and refuses a value too short to mean anything", async () => {
    expect((await check("nope")).errors).toEqual([
      "image nope: expected to exist, but there is no image with that name",
    ]);
    expect(() => secretCheck.parse({ type: "secret", image: "a", value: "abc" }, "t")).toThrow(/at least 6/);
  });
});
