import { existsSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type BuildTemplate, DiskTemplates } from "./disk-templates.ts";

const spec = (images: string[], diskGiB = 10) => ({
  id: "s1",
  memoryMiB: 512,
  cpus: 1,
  pids: 512,
  diskGiB,
  images,
});

describe("DiskTemplates", () => {
  it("builds a template once for starts that come together, and reuses it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tpl-"));
    const t = new DiskTemplates(dir, ["slipway/nginx:a"]);
    let builds = 0;
    const build: BuildTemplate = async (s, file) => {
      builds++;
      await new Promise((r) => setTimeout(r, 20));
      writeFileSync(file, s.images.join(","));
    };
    const [a, b] = await Promise.all([
      t.for(spec(["nginx", "busybox"]), build),
      t.for(spec(["busybox", "nginx"]), build),
    ]);
    expect(a).toBe(b);
    expect(readFileSync(a as string, "utf8")).toBe("busybox,nginx");
    expect(await t.for(spec(["nginx", "busybox"]), build)).toBe(a);
    expect(builds).toBe(1);
    // Another size is another disk.
    expect(await t.for(spec(["nginx", "busybox"], 5), build)).not.toBe(a);
    expect(builds).toBe(2);
  });

  it("has no template for a lab that pulls nothing, or when the build fails", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tpl-"));
    const errors: unknown[] = [];
    const t = new DiskTemplates(dir, ["x"], (e) => errors.push(e));
    const fail: BuildTemplate = async (_s, file) => {
      writeFileSync(file, "half");
      throw new Error("pull failed");
    };
    expect(await t.for(spec([]), fail)).toBeUndefined();
    expect(await t.for(spec(["nginx"]), fail)).toBeUndefined();
    expect(errors.map(String)).toEqual(["Error: pull failed"]);
    expect(readdirSync(dir)).toEqual([]); // no half-made template is left behind
  });

  it("drops another catalog's templates once unused for a day, when it makes one for its own", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tpl-"));
    const build: BuildTemplate = async (_s, file) => writeFileSync(file, "t");
    const older = new DiskTemplates(dir, ["slipway/nginx:a"]);
    const old = await older.for(spec(["nginx"]), build);
    // Another checkout on another catalog, while the first still uses its template.
    const fresh = await new DiskTemplates(dir, ["slipway/nginx:b"]).for(spec(["nginx"]), build);
    expect(fresh).not.toBe(old);
    expect(existsSync(old as string)).toBe(true);
    const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000);
    utimesSync(old as string, twoDaysAgo, twoDaysAgo);
    await new DiskTemplates(dir, ["slipway/nginx:b"]).for(spec(["redis"]), build);
    expect(existsSync(old as string)).toBe(false);
    expect(existsSync(fresh as string)).toBe(true);
  });
});
