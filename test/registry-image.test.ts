// The catalog's `registry` behaves as the official registry:2 image for the labs that teach
// tags, pushes and digests: `docker run -d -p 5000:5000 registry`, push, pull from a clean
// engine state, and the same digest both ways.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScript } from "./support/run-script.ts";
import { startTestApp, type TestApp } from "./support/test-app.ts";

describe("the registry learner image", () => {
  let t: TestApp;
  let s: { id: string; token: string };
  const sh = (script: string, timeoutMs?: number) => runScript(t, s, script, timeoutMs);

  beforeAll(async () => {
    t = await startTestApp();
    s = await t.startSession();
  });
  afterAll(async () => t?.close());

  it("pulls offline, serves on :5000, and round-trips an image with its digest", async () => {
    const out = await sh(
      `docker pull -q registry >/dev/null && docker pull -q busybox >/dev/null
docker run -d --name reg -p 5000:5000 registry >/dev/null
for i in $(seq 50); do curl -sf localhost:5000/v2/ >/dev/null && break; sleep 0.2; done
docker tag busybox localhost:5000/team/tool:1.0
pushed=$(docker push localhost:5000/team/tool:1.0 | awk '/digest:/ {print $3}')
docker rmi -f localhost:5000/team/tool:1.0 >/dev/null
docker pull -q localhost:5000/team/tool:1.0 >/dev/null
pulled=$(docker inspect --format '{{range .RepoDigests}}{{println .}}{{end}}' localhost:5000/team/tool:1.0 | grep '^localhost:5000/')
echo "catalog: $(curl -s localhost:5000/v2/_catalog)"
echo "same digest: $([ "localhost:5000/team/tool@$pushed" = "$pulled" ] && echo yes || echo "no ($pushed vs $pulled)")"
docker inspect reg --format 'volume: {{range .Mounts}}{{.Destination}}{{end}}'`,
      180_000,
    );
    expect(out).toContain('catalog: {"repositories":["team/tool"]}');
    expect(out).toContain("same digest: yes");
    expect(out).toContain("volume: /var/lib/registry");
  });
});
