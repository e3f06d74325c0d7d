// A lab's sandbox starts from a disk template that already holds the lab's images (see
// server/src/sandbox/docker/disk-templates.ts). It must be the learner's own disk and look
// like a fresh sandbox that pulled them: nothing else from the template's making, and
// nothing shared with another sandbox made from the same template.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../server/src/config.ts";
import { type TestApp, startTestApp } from "./support/test-app.ts";

describe("disk templates", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it(
    "start a lab's sandboxes holding its images, as fresh and as separate as pulled ones",
    { timeout: 600_000 },
    async () => {
      const a = await t.startSession("first-container");
      const templates = readdirSync(join(loadConfig().cacheDir, "disk-templates")).filter((f) =>
        f.endsWith(".img"),
      );
      expect(templates.length).toBeGreaterThan(0);
      const b = await t.startSession("first-container");

      const look = `docker image ls --format '{{.Repository}}:{{.Tag}}' | sort; echo "containers: $(docker ps -aq | wc -l)"; \
      echo "volumes: $(docker volume ls -q | wc -l)"; echo "networks: $(docker network ls --format '{{.Name}}' | sort | tr '\\n' ' ')"; \
      echo "tmp: $(ls -A /tmp | wc -l)"`;
      // The audit trail is empty: neither the template's pulls nor the start's own are the learner's.
      expect(t.app.activity.list(b.id).map((e) => `${e.method} ${e.path}`)).toEqual([]);

      const fresh = await t.exec(b, look);
      expect(fresh.stdout).toContain("nginx:latest");
      expect(fresh.stdout).toContain("containers: 0");
      expect(fresh.stdout).toContain("volumes: 0");
      expect(fresh.stdout).toContain("networks: bridge host none");
      expect(fresh.stdout).toContain("tmp: 0");
      // One sandbox's changes never show in another made from the same template.
      const changed = await t.exec(
        a,
        "docker run -d --name mine nginx >/dev/null && docker rmi -f busybox >/dev/null 2>&1; docker volume create v1 >/dev/null && echo done",
      );
      expect(changed.stdout.trim()).toBe("done");
      const other = await t.exec(b, look);
      expect(other.stdout).toBe(fresh.stdout);
      // And a sandbox's disk is its own: filling it leaves the template as it was.
      const again = await t.startSession("first-container");
      expect((await t.exec(again, look)).stdout).toBe(fresh.stdout);
    },
  );
});
