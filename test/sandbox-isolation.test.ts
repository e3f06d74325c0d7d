// What a hostile learner, root in their workstation, tried in the outside security review,
// each against the real engine: the shared registry mirror, symlinks in bind mounts, and
// (further down) other sessions' terminals, host paths and the host's disk.
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../server/src/config.ts";
import { openTerminal } from "./support/terminal-client.ts";
import { hostFacts, startTestApp, type TestApp } from "./support/test-app.ts";

const sandboxesDir = join(loadConfig().stateDir, "sandboxes");

describe("a sandbox, as a hostile learner sees it", () => {
  let t: TestApp;
  let s: { id: string; token: string };
  let other: { id: string; token: string };
  const run = (script: string, who = s) => t.exec(who, `cd /home/learner\n${script}`, 120_000);

  beforeAll(async () => {
    t = await startTestApp();
    [s, other] = await Promise.all([t.startSession(), t.startSession()]);
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

  it("cannot open another session's shell through a link planted among its own terminals", async () => {
    const victim = await openTerminal(t.url, other, { term: "main" });
    await victim.ready();
    victim.type("export SECRET_OF_B=b-was-here\r");
    const target = join(sandboxesDir, other.id, "disk", "terms", "main");
    const links = [
      ["evil", `ln -s ${target} /run/slipway-terms/evil`],
      ["evil2", `ln -s /run/slipway-terms/../../${target} /run/slipway-terms/evil2`],
    ] as const;
    for (const [name, plant] of links) {
      expect((await run(plant)).exitCode).toBe(0);
      // The link is removed and a shell of the attacker's own starts under that name.
      const attacker = await openTerminal(t.url, s, { term: name });
      await attacker.ready();
      attacker.type('echo "B says: $SECRET_OF_B"\r');
      await attacker.waitFor(/B says: /);
      expect(attacker.text()).not.toContain("b-was-here");
      await attacker.close();
    }
    // Something that is neither a socket nor removable is refused, not followed.
    expect((await run("mkdir /run/slipway-terms/evil3 && touch /run/slipway-terms/evil3/x")).exitCode).toBe(
      0,
    );
    await expect(openTerminal(t.url, s, { term: "evil3" })).rejects.toThrow(/unavailable/);
    expect(victim.text()).not.toContain("B says");
    await victim.close();
  });

  it("shows no host path or other session's id inside the workstation or a container", async () => {
    const probe = `cat /proc/self/mountinfo; mount; cat /sys/block/*/loop/backing_file; ls /sys/block /sys/devices/virtual/block`;
    const r = await run(`${probe} 2>&1
docker run --rm -v /home/learner:/w busybox sh -c '${probe.replaceAll("'", "")}' 2>&1`);
    const seen = r.stdout + r.stderr;
    expect(seen).toContain("/run/slipway-terms"); // the probe ran
    expect(seen).not.toContain(loadConfig().stateDir);
    expect(seen).not.toContain(other.id);
    expect(seen).not.toContain(s.id);
  });

  it("keeps every writable path of both containers on the sandbox's disk or in sized memory", async () => {
    const ref = t.app.sessions.ready(s.id);
    const offenders: string[] = [];
    for (const target of ["workstation", "engine"] as const) {
      const r = await t.driver.exec(ref, ["cat", "/proc/self/mountinfo"], { target });
      const mounts = r.stdout.trim().split("\n").map(parseMountInfo);
      const disk = mounts.find((m) => m.point === "/home/learner")?.device;
      expect(disk, `${target} has the workspace from the sandbox's disk`).toMatch(/^7:\d+$/);
      for (const m of mounts) {
        if (m.readOnly || KERNEL_FS.has(m.fsType)) continue;
        const ok =
          m.fsType === "tmpfs"
            ? /(^|,)size=/.test(m.superOptions) || m.point === "/sys/fs/cgroup"
            : m.device === disk;
        if (!ok) offenders.push(`${target}: ${m.point} (${m.fsType} ${m.device} ${m.root})`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("plants no set-user-ID program or device node that works for anyone on the host", async () => {
    // Root in their workstation, a learner can make a set-user-ID copy of a shell and a device
    // node for the host's own disk. Both land on the sandbox's disk, which the host mounts
    // (twice: the sandbox's folder and the engine's volume), so a local user who finds the
    // path would run a root shell or read the host's disk.
    const made = await run(`cp /bin/sh rootsh && chmod 4755 rootsh
mknod hostdisk b ${hostDiskDevice()} && chmod 666 hostdisk && ls -l rootsh hostdisk >/dev/null && echo planted`);
    expect(made.stdout).toContain("planted");
    const places = [
      join(sandboxesDir, s.id, "disk", "work"),
      `/var/lib/docker/volumes/slipway-${s.id}-work/_data`,
    ];
    for (const dir of places) {
      const asNobody = (cmd: string) =>
        spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "sh", "-c", cmd], {
          encoding: "utf8",
        });
      // Whether or not the path can be reached, nothing there runs as root or opens a device.
      const shell = asNobody(`${dir}/rootsh -p -c 'id -u' 2>&1`);
      expect(shell.stdout.trim(), dir).not.toBe("0");
      const disk = asNobody(`head -c 512 ${dir}/hostdisk >/dev/null 2>&1 && echo read-the-host-disk`);
      expect(disk.stdout, dir).not.toContain("read-the-host-disk");
      // Not even root on the host gets a device through a learner's node (nodev).
      const asRoot = spawnSync("sh", ["-c", `head -c 512 ${dir}/hostdisk >/dev/null 2>&1 && echo opened`], {
        encoding: "utf8",
      });
      expect(asRoot.stdout, dir).not.toContain("opened");
    }
    // Nor can a local user read the learner's whole disk from its image.
    const image = join(sandboxesDir, s.id, "disk.img");
    const read = spawnSync("setpriv", [
      "--reuid=65534",
      "--regid=65534",
      "--clear-groups",
      "head",
      "-c",
      "1",
      image,
    ]);
    expect(read.status, image).not.toBe(0);
  });
});

/** major:minor of the block device holding the host's root filesystem. */
function hostDiskDevice(): string {
  const dev = statSync("/").dev;
  return `${Math.floor(dev / 256) & 0xfff} ${(dev & 0xff) | ((dev >> 12) & 0xfff00)}`;
}

// Filesystems with no bytes of their own to fill (the cgroup tree is the engine's by design).
// The tmpfs that holds cgroup v1's mount points has no size, but what is written there is
// charged to the writer's memory cgroup: a learner filling it is stopped by their memory limit.
const KERNEL_FS = new Set(["proc", "sysfs", "cgroup", "cgroup2", "devpts", "mqueue"]);

function parseMountInfo(line: string) {
  const [head = "", tail = ""] = line.split(" - ");
  const f = head.split(" ");
  const [fsType = "", , superOptions = ""] = tail.split(" ");
  return {
    device: f[2] ?? "",
    root: f[3] ?? "",
    point: f[4] ?? "",
    readOnly: (f[5] ?? "").split(",").includes("ro"),
    fsType,
    superOptions,
  };
}
