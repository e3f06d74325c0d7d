// Layer and secret checks read an image's layer folders by an exec in the engine container,
// never through a host path: a learner controls what an image holds, symlinks included. Here
// a learner's image holds symlinks to /etc/shadow, /etc, /tmp and a marker file that exists
// both on the host and in the engine container; the checks must not follow any of them,
// while a real file holding the same marker is found.
import { rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckReport } from "../common/lab-events.ts";
import { type TestApp, startTestApp } from "./support/test-app.ts";

const MARKER = "marker-7c1f3a9e-host-only";
const MARKER_FILE = "/tmp/slipway-layer-marker";

const IMAGES = `set -e
mkdir -p ctx && cd ctx
printf '%s\\n' ${MARKER} >marker.txt
printf 'FROM busybox\\nRUN ln -s ${MARKER_FILE} /marker && ln -s /tmp /tmpdir && ln -s /etc/shadow /shadow && ln -s /etc /etc-link\\n' >links.Dockerfile
printf 'FROM busybox\\nCOPY marker.txt /marker\\nRUN mkdir /etc-link && touch /etc-link/shadow\\n' >copied.Dockerfile
docker build -q -f links.Dockerfile -t links . >/dev/null
docker build -q -f copied.Dockerfile -t copied . >/dev/null`;

describe("layer and secret checks on images holding symlinks", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SLIPWAY_LABS_DIR: "test/fixtures/layer-labs" });
    writeFileSync(MARKER_FILE, `${MARKER}\n`);
  });
  afterAll(async () => {
    rmSync(MARKER_FILE, { force: true });
    await t?.close();
  });

  it(
    "follows no symlink out of a layer, to the engine's files or the host's",
    { timeout: 1_200_000 },
    async () => {
      const s = await t.startSession("layer-symlinks");
      const built = await t.exec(s, IMAGES, 600_000);
      expect(built.exitCode, built.stderr).toBe(0);
      // The marker is where the symlinks point, in the engine container as on the host: a check
      // that followed one, on either side, would find it.
      const ref = t.app.sessions.ready(s.id);
      const planted = await t.driver.exec(
        ref,
        ["sh", "-c", `printf '%s\\n' ${MARKER} >${MARKER_FILE} && cat ${MARKER_FILE}`],
        { target: "engine" },
      );
      expect(planted.stdout.trim()).toBe(MARKER);

      const r = await t.api<CheckReport>("POST", `/api/sessions/${s.id}/check`, {}, s.token);
      const results = r.body.steps[0]?.results ?? [];
      expect(results.length).toBe(6);
      const wrong = results
        .filter((x) => x.pass !== x.name.startsWith("PASS"))
        .map((x) => `${x.name}: ${x.errors.join("; ") || "passed"}`);
      expect(wrong).toEqual([]);
      const byName = (prefix: string) => results.find((x) => x.name.startsWith(prefix))?.errors ?? [];
      expect(byName("FAIL copied holds the marker")).toEqual([
        expect.stringMatching(
          /^image copied: the secret is in the file \/marker of layer \d+ of \d+ \(sha256:/,
        ),
      ]);
      expect(byName("FAIL no layer of copied")).toEqual([
        expect.stringMatching(/^image copied: \/etc-link\/shadow expected in no layer, but layer \d+ of \d+/),
      ]);
    },
  );
});
