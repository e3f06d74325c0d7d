// Just enough of the docker CLI, in memory, to self-test the reference labs in unit tests:
// scripts run line by line, API calls land in an audit trail like the gateway's.
import type { AuditEntry, CheckContext, CheckExecResult } from "../checks/check-context.ts";
import type { SessionRunner, TestSession } from "./lab-tester.ts";
import type { Lab } from "./lab.ts";

interface Box {
  image: string;
  status: "created" | "running" | "exited";
  ports: Record<string, { HostPort: string }[]>;
  files: Map<string, string>;
}

const words = (line: string) =>
  [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
const res = (exitCode: number, stdout = "", stderr = ""): CheckExecResult => ({ exitCode, stdout, stderr });

export class FakeDocker {
  readonly boxes = new Map<string, Box>();
  readonly audit: AuditEntry[] = [];

  private call(method: string, path: string, status: number, summary: AuditEntry["summary"] = { flags: [] }) {
    this.audit.push({ time: new Date().toISOString(), method, path: `/v1.47${path}`, status, summary });
  }

  docker(argv: readonly string[]): CheckExecResult {
    const [cmd, ...rest] = argv;
    if (cmd === "container") return this.docker(rest); // `docker container run` is `docker run`
    const flags = rest.filter((a) => a.startsWith("-"));
    const named = (f: string) => rest[rest.indexOf(f) + 1];
    const last = rest.at(-1) ?? "";
    switch (cmd) {
      case "run":
      case "create": {
        const name = named("--name") as string;
        const p = rest.includes("-p") ? (named("-p") as string).split(":") : undefined;
        const ports = p ? { [`${p[1]}/tcp`]: [{ HostPort: p[0] as string }] } : {};
        this.call("POST", `/containers/create?name=${name}`, 201, { image: last, name, flags });
        this.boxes.set(name, {
          image: last,
          status: cmd === "run" ? "running" : "created",
          ports,
          files: new Map(),
        });
        if (cmd === "run") this.call("POST", `/containers/${name}/start`, 204);
        return res(0, "0123abcd\n");
      }
      case "ps":
        return (this.call("GET", "/containers/json", 200), res(0));
      case "images":
        return (this.call("GET", "/images/json", 200), res(0));
      case "logs":
      case "inspect": {
        const box = this.boxes.get(last);
        this.call("GET", `/containers/${last}/${cmd === "logs" ? "logs" : "json"}`, box ? 200 : 404);
        return box ? res(0) : res(1, "", `No such container: ${last}`);
      }
      case "exec": {
        const [name, ...inner] = rest;
        const box = this.boxes.get(name as string);
        this.call("POST", `/containers/${name}/exec`, box?.status === "running" ? 201 : 409);
        if (box?.status !== "running") return res(1, "", "not running");
        const write = /^echo '(.*)' > (\S+)$/.exec(inner[0] === "sh" ? (inner[2] ?? "") : "");
        if (write) return (box.files.set(write[2] as string, `${write[1]}\n`), res(0));
        const content = inner[0] === "cat" ? box.files.get(inner[1] as string) : undefined;
        return content === undefined ? res(1, "", "No such file") : res(0, content);
      }
      case "stop":
      case "rm": {
        const box = this.boxes.get(last);
        if (!box) return res(1, "", `No such container: ${last}`);
        if (cmd === "stop")
          return ((box.status = "exited"), this.call("POST", `/containers/${last}/stop`, 204), res(0));
        this.call(
          "DELETE",
          `/containers/${last}`,
          box.status === "running" && !flags.includes("--force") ? 409 : 204,
        );
        if (box.status === "running" && !flags.includes("--force")) return res(1, "", "container is running");
        return (this.boxes.delete(last), res(0));
      }
      default:
        return res(127, "", `fake docker: ${cmd} not simulated`);
    }
  }

  /** Runs a script line by line, stopping at the first failing line like `set -e`. */
  sh(script: string): CheckExecResult {
    for (const line of script.split("\n").map((l) => l.trim())) {
      if (!line || line.startsWith("#") || line.startsWith("set ")) continue;
      const [bin, ...argv] = words(line.replace(/\s*\|\|\s*true$|\s*>\/dev\/null$/, ""));
      const r = bin === "docker" ? this.docker(argv) : res(127, "", `${bin}: not simulated`);
      if (r.exitCode !== 0) return r;
    }
    return res(0);
  }

  context(): CheckContext {
    return {
      signal: new AbortController().signal,
      engine: async (_m, path) => {
        const box = this.boxes.get(/^\/containers\/([^/]+)\/json$/.exec(path)?.[1] ?? "");
        if (!box) return { status: 404, body: {} };
        return {
          status: 200,
          body: {
            State: { Status: box.status },
            Config: { Image: box.image },
            NetworkSettings: { Ports: box.ports },
          },
        };
      },
      exec: async (cmd) => (cmd[0] === "docker" ? this.docker(cmd.slice(1)) : res(127)),
      containerExec: async (name, cmd) => this.docker(["exec", name, ...cmd]),
      readFile: async () => undefined,
      history: async () => this.audit,
    };
  }
}

/** A SessionRunner whose sessions are fresh FakeDockers; counts starts and stops. */
export function fakeSessionRunner(): SessionRunner & { started: number; stopped: number } {
  const runner = {
    started: 0,
    stopped: 0,
    async start(lab: Lab): Promise<TestSession> {
      runner.started++;
      const d = new FakeDocker();
      return {
        lab,
        ctx: d.context(),
        exec: async (cmd) => d.sh(cmd[2] ?? ""),
        stop: async () => void runner.stopped++,
      };
    },
  };
  return runner;
}
