// What a hostile learner, root in their workstation, tried in the outside security review,
// each against the real engine: the shared registry mirror, symlinks in bind mounts, and
// (further down) other sessions' terminals, host paths and the host's disk.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostFacts, startTestApp, type TestApp } from "./support/test-app.ts";

describe("a sandbox, as a hostile learner sees it", () => {
  let t: TestApp;
  let s: { id: string; token: string };
  const run = (script: string) => t.exec(s, `cd /home/learner\n${script}`, 120_000);

  beforeAll(async () => {
    t = await startTestApp();
    s = await t.startSession();
  });
  afterAll(async () => t?.close());

  it("pulls from the shared mirror but cannot push to it or delete from it", async () => {
    const mirror = hostFacts().mirror.sandboxAddr;
    const r = await run(`docker pull -q busybox >/dev/null && echo pulled
curl -s -o /dev/null -w 'upload %{http_code}\\n' -XPOST http://${mirror}/v2/library/nginx/blobs/uploads/
digest=$(curl -sI -H 'accept: application/vnd.docker.distribution.manifest.v2+json' \\
  http://${mirror}/v2/library/nginx/manifests/latest | tr -d '\\r' | awk 'tolower($1)=="docker-content-digest:" {print $2}')
curl -s -o /dev/null -w 'delete %{http_code}\\n' -XDELETE http://${mirror}/v2/library/nginx/manifests/$digest
docker tag busybox ${mirror}/library/nginx:latest && docker push ${mirror}/library/nginx:latest 2>&1 | tail -1`);
    expect(r.stdout).toContain("pulled");
    expect(r.stdout).toMatch(/upload 405/);
    expect(r.stdout).toMatch(/delete 405/);
    expect(r.stdout).not.toMatch(/latest: digest: sha256/);
    // And nginx is still nginx for everyone.
    const again = await run("docker pull -q nginx >/dev/null && docker run --rm nginx nginx -v 2>&1");
    expect(again.stdout + again.stderr).toContain("nginx version");
  });

  it("resolves symlinks inside a read-write bind as on a laptop (node_modules/.bin, a venv)", async () => {
    const r = await run(`mkdir -p proj/node_modules/tool proj/node_modules/.bin
printf 'console.log("tool ran")\\n' > proj/node_modules/tool/cli.js
ln -s ../tool/cli.js proj/node_modules/.bin/tool
docker run --rm -v "$PWD/proj":/app -w /app node node node_modules/.bin/tool
docker run --rm -v "$PWD/proj":/app -w /app python sh -c 'python -m venv venv && venv/bin/python -c "print(\\"venv ran\\")"'
docker run --rm -v "$PWD/proj":/app -w /app python venv/bin/python -c 'print("venv again")'`);
    expect(r.stderr).not.toContain("Too many levels of symbolic links");
    expect(r.stdout).toContain("tool ran");
    expect(r.stdout).toContain("venv ran");
    expect(r.stdout).toContain("venv again");
  });

  it("still never follows a learner's symlink on the engine's side of a bind", async () => {
    const r =
      await run(`mkdir -p swap2 && docker create --name swapper2 -v /home/learner/swap2:/host busybox ls /host/run >/dev/null
rmdir swap2 && ln -s / swap2 && docker start -a swapper2; echo "exit=$?"`);
    expect(r.stdout).toContain("exit=1");
    expect(r.stdout).not.toContain("slipway-engine");
  });
});
