// One in-memory sandbox: workspace files, the learner's engine as a table of containers,
// images and volumes, and a few canned commands that act on them, so tests (and `exec`,
// terminals, checks) see state change, survive a pause, and come back as after a reboot.
import { SlipwayError } from "../../errors.ts";
import type { Labels } from "../labels.ts";
import type { ExecResult, SandboxChange, SandboxRef, SandboxSpec } from "../sandbox-driver.ts";

export interface MemoryContainer {
  readonly name: string;
  readonly image: string;
  readonly restart: "no" | "always" | "unless-stopped" | "on-failure";
  running: boolean;
}

export class MemorySandbox {
  state: "running" | "paused" = "running";
  readonly files = new Map<string, Buffer>();
  readonly containers = new Map<string, MemoryContainer>();
  readonly images = new Set<string>();
  readonly volumes = new Set<string>();
  /** Named shells: what each has printed (their "history"); gone on pause, as processes are. */
  readonly shells = new Map<string, string[]>();
  readonly listeners = new Set<(c: SandboxChange) => void>();
  /** Told when the sandbox pauses or goes: its processes (shells) end. */
  readonly onStop = new Set<() => void>();

  constructor(
    readonly ref: SandboxRef,
    readonly spec: SandboxSpec,
    readonly labels: Labels,
  ) {}

  running(): void {
    if (this.state !== "running") throw new SlipwayError("conflict", `sandbox ${this.ref.id} is paused`);
  }

  changed(c: SandboxChange): void {
    for (const l of this.listeners) l(c);
  }

  pause(): void {
    this.state = "paused";
    this.shells.clear();
    for (const l of [...this.onStop]) l();
    for (const c of this.containers.values()) c.running = false;
  }

  /** Like the nested dockerd's start: containers with a restart policy come back. */
  resume(): void {
    this.state = "running";
    for (const c of this.containers.values())
      c.running = c.restart === "always" || c.restart === "unless-stopped";
  }

  /** Runs a canned command line: `a && b`, `a; b`, and `> file` / `>> file` redirects. */
  run(line: string): ExecResult {
    this.running();
    let out = "";
    let err = "";
    let code = 0;
    for (const part of line.split(/\s*(&&|;)\s*/)) {
      if (part === ";") continue;
      if (part === "&&") {
        if (code !== 0) break;
        continue;
      }
      const [cmd = "", file, append] = redirect(part);
      const r = this.one(words(cmd));
      code = r.code;
      err += r.err;
      if (file !== undefined) this.write(file, r.out, append);
      else out += r.out;
    }
    return { exitCode: code, stdout: out, stderr: err, timedOut: false, truncated: false, durationMs: 1 };
  }

  write(path: string, text: string | Buffer, append = false): void {
    const before = append ? (this.files.get(path) ?? Buffer.alloc(0)) : Buffer.alloc(0);
    this.files.set(path, Buffer.concat([before, Buffer.from(text)]));
    this.changed({ kind: "workspace", path });
  }

  private one(argv: string[]): { code: number; out: string; err: string } {
    const [cmd, ...args] = argv;
    const ok = (out = "") => ({ code: 0, out, err: "" });
    switch (cmd) {
      case undefined:
      case "true":
      case "sleep":
        return ok();
      case "false":
        return { code: 1, out: "", err: "" };
      case "exit":
        return { code: Number(args[0] ?? 0), out: "", err: "" };
      case "echo":
        return ok(`${args.join(" ")}\n`);
      case "cat": {
        const f = this.files.get(args[0] ?? "");
        return f
          ? ok(f.toString())
          : { code: 1, out: "", err: `cat: ${args[0]}: No such file or directory\n` };
      }
      case "docker":
        return this.docker(args);
      default:
        return { code: 127, out: "", err: `${cmd}: command not found (memory sandbox)\n` };
    }
  }

  private docker(args: string[]): { code: number; out: string; err: string } {
    const [sub, ...rest] = args;
    const flag = (f: string) => (rest.includes(f) ? rest[rest.indexOf(f) + 1] : undefined);
    const event = (type: string, action: string, name?: string) =>
      this.changed({ kind: "engine", type, action, ...(name ? { name } : {}) });
    if (sub === "pull") {
      const image = rest.at(-1) ?? "";
      this.images.add(image);
      event("image", "pull", image);
      return { code: 0, out: `${image}\n`, err: "" };
    }
    if (sub === "run") {
      const values = new Set(
        ["--name", "--restart", "-v", "-p", "-e"].flatMap((f) => (flag(f) ? [flag(f)] : [])),
      );
      const image = rest.find((a) => !a.startsWith("-") && !values.has(a)) ?? "";
      const name = flag("--name") ?? `box${this.containers.size + 1}`;
      const restart = (flag("--restart") ?? "no") as MemoryContainer["restart"];
      this.images.add(image);
      const volume = flag("-v")?.split(":")[0];
      if (volume && !volume.startsWith("/")) this.volumes.add(volume);
      this.containers.set(name, { name, image, restart, running: true });
      event("container", "start", name);
      return { code: 0, out: `${name}\n`, err: "" };
    }
    if (sub === "ps") {
      const all = rest.includes("-a");
      const names = [...this.containers.values()].filter((c) => all || c.running).map((c) => c.name);
      return { code: 0, out: names.map((n) => `${n}\n`).join(""), err: "" };
    }
    if (sub === "images") return { code: 0, out: [...this.images].map((i) => `${i}\n`).join(""), err: "" };
    if (sub === "volume" && rest[0] === "ls")
      return { code: 0, out: [...this.volumes].map((v) => `${v}\n`).join(""), err: "" };
    return { code: 1, out: "", err: `docker ${sub ?? ""}: not in the memory sandbox\n` };
  }
}

const words = (s: string) =>
  [...s.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");

function redirect(part: string): [string, string?, boolean?] {
  const m = /^(.*?)\s*(>>?)\s*(\S+)\s*$/.exec(part);
  return m ? [m[1] ?? "", m[3], m[2] === ">>"] : [part];
}
