import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { LabCatalog } from "./lab-catalog.ts";

const root = resolve(import.meta.dirname, "../../..");

describe("LabCatalog", () => {
  it("offers every valid lab, logs each invalid one with its location, and never throws", async () => {
    const logged: string[] = [];
    const catalog = LabCatalog.fromPaths(
      [resolve(root, "test/fixtures/labs")],
      (_l, msg) => void logged.push(msg),
    );
    const ids = (await catalog.list()).map((l) => l.id);
    expect(ids).toEqual([
      "live-steps",
      "note-challenge",
      "playground",
      "timed-challenge",
      "variants",
      "wrong-solution",
    ]);
    expect(logged).toContainEqual(
      expect.stringMatching(/^lab not offered: .*unknown-check\/lab.yaml:12:15: unknown check type/),
    );
    expect(await catalog.get("unknown-check")).toBeUndefined();
  });

  it("keeps the built-in playground when the folder has none", async () => {
    const catalog = new LabCatalog(async () => ({ labs: [] }));
    expect(await catalog.get("playground")).toMatchObject({ id: "playground", images: [], policy: [] });
    expect((await catalog.list()).map((l) => l.id)).toEqual(["playground"]);
  });

  it("gives sessions the lab's sandbox, files with their modes, and setup unless the tester runs it", async () => {
    const dir = resolve(root, "labs/troubleshoot-exit-codes");
    const withSetup = await LabCatalog.fromPaths([dir], () => undefined).get("troubleshoot-exit-codes");
    expect(withSetup).toMatchObject({
      timeLimitMs: 1_800_000,
      limits: { memoryMiB: 1024 },
      images: ["busybox", "python"],
    });
    const { files, setup } = await withSetup!.contents("s1");
    expect(setup).toContain("docker build");
    expect(files.map((f) => f.path).sort()).toEqual([
      "analytics.env",
      "api/Dockerfile",
      "api/start.sh",
      "worker/Dockerfile",
    ]);
    const forTest = await LabCatalog.fromPaths([dir], () => undefined, { setup: false }).get(
      "troubleshoot-exit-codes",
    );
    expect((await forTest!.contents("s1")).setup).toBeUndefined();
  });
});
