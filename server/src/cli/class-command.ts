// `slipway class create|close|end`: drives a running server's HTTP API, like `slipway
// session`. Not the store directly: the server is what validates the labs against the
// catalog it serves, and what pauses a class's sessions when it ends (their sandboxes,
// gateways and live checks are its). The instructor key is printed once and kept, 0600, in
// the state directory, so close and end work from this machine.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import type { ClassCreated } from "../../../common/class-views.ts";
import type { CommandIo } from "./lab-command.ts";

export interface ClassCommandDeps {
  readonly baseUrl: string;
  readonly keysFile: string;
}

const USAGE = `usage: slipway class <command>
  create --title <t> (--labs <a,b,…> | --track <id>) [--capacity <n>] [--no-hints]
         [--no-solutions] [--starts <ISO time>] [--ends <ISO time>] [--stuck-after <minutes>]
                         make a class; prints its join code and the instructor key
  close <id>             no new joins
  end <id> [--stop]      close it and pause (or stop) its running sessions`;

export async function runClassCommand(
  argv: readonly string[],
  io: CommandIo,
  deps: ClassCommandDeps,
): Promise<number> {
  const [command, ...rest] = argv;
  const keys = existsSync(deps.keysFile)
    ? (JSON.parse(readFileSync(deps.keysFile, "utf8")) as Record<string, string>)
    : {};
  const call = async <T>(method: string, path: string, body?: unknown, key?: string): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(`${deps.baseUrl}${path}`, {
        method,
        headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new Error(
        `cannot reach Slipway at ${deps.baseUrl}: is it running (npm start)? Set SLIPWAY_URL otherwise.`,
      );
    }
    const json = (await res.json()) as T & { error?: { message: string } };
    if (!res.ok) throw new Error(json.error?.message ?? `HTTP ${res.status}`);
    return json;
  };
  const keyOf = (id: string | undefined): string => {
    const key = id && keys[id];
    if (!key)
      throw new Error(`no instructor key for class "${id ?? ""}" on this machine (classes made here only)`);
    return key;
  };
  try {
    switch (command) {
      case "create": {
        const { values: v } = parseArgs({
          args: [...rest],
          options: {
            title: { type: "string" },
            labs: { type: "string" },
            track: { type: "string" },
            capacity: { type: "string" },
            "no-hints": { type: "boolean" },
            "no-solutions": { type: "boolean" },
            starts: { type: "string" },
            ends: { type: "string" },
            "stuck-after": { type: "string" },
          },
        });
        const number = (s: string | undefined) => (s === undefined ? undefined : Number(s));
        const body = {
          title: v.title,
          ...(v.labs ? { labs: v.labs.split(",").map((l) => l.trim()) } : {}),
          ...(v.track ? { track: v.track } : {}),
          ...(v.capacity ? { capacity: number(v.capacity) } : {}),
          hintsAllowed: !v["no-hints"],
          solutionsAllowed: !v["no-solutions"],
          ...(v.starts ? { startsAt: new Date(v.starts).toISOString() } : {}),
          ...(v.ends ? { endsAt: new Date(v.ends).toISOString() } : {}),
          ...(v["stuck-after"] ? { stuckAfterMinutes: number(v["stuck-after"]) } : {}),
        };
        const made = await call<ClassCreated>("POST", "/api/classes", body);
        keys[made.class.id] = made.instructorKey;
        mkdirSync(dirname(deps.keysFile), { recursive: true });
        writeFileSync(deps.keysFile, JSON.stringify(keys, null, 2), { mode: 0o600 });
        io.out(`class          ${made.class.id}  ${made.class.title}`);
        io.out(`labs           ${made.class.labs.join(", ")}`);
        io.out(`join code      ${made.class.joinCode}`);
        io.out(`join link      ${deps.baseUrl}${made.class.joinPath}`);
        io.out(`dashboard      ${deps.baseUrl}/#/classes/${made.class.id}`);
        io.out(`instructor key ${made.instructorKey}`);
        io.out(`(keep the key to yourself; it is shown once and saved in ${deps.keysFile})`);
        return 0;
      }
      case "close": {
        const c = await call<{ open: boolean }>("POST", `/api/classes/${rest[0]}/close`, {}, keyOf(rest[0]));
        io.out(`${rest[0]}\t${c.open ? "open" : "closed"}`);
        return 0;
      }
      case "end": {
        const then = rest.includes("--stop") ? "stop" : "pause";
        const r = await call<{ paused: string[]; stopped: string[]; failed: string[] }>(
          "POST",
          `/api/classes/${rest[0]}/end`,
          { then },
          keyOf(rest[0]),
        );
        io.out(
          `${rest[0]}\tended: ${r.paused.length} paused, ${r.stopped.length} stopped, ${r.failed.length} failed`,
        );
        return r.failed.length ? 1 : 0;
      }
      default:
        io.err(USAGE);
        return command === undefined || command === "help" ? 0 : 2;
    }
  } catch (e) {
    io.err(`slipway class ${command}: ${(e as Error).message}`);
    return 1;
  }
}
