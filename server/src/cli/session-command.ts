// `slipway session start|list|exec|stop`: drives a running server's HTTP API, as any
// automation would. Tokens of sessions started here are kept in the state directory.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { CommandIo } from "./lab-command.ts";

export interface SessionCommandDeps {
  readonly baseUrl: string;
  readonly tokensFile: string;
}

const USAGE = `usage: slipway session <command>
  start [lab]            start a session (default lab: playground); prints its id
  list                   sessions started from this machine, with their state
  exec <id> -- <cmd…>    run a command in the session's workstation
  stop <id>              stop a session`;

type Tokens = Record<string, string>;

export async function runSessionCommand(
  argv: readonly string[],
  io: CommandIo,
  deps: SessionCommandDeps,
): Promise<number> {
  const [command, ...rest] = argv;
  const tokens: Tokens = existsSync(deps.tokensFile)
    ? (JSON.parse(readFileSync(deps.tokensFile, "utf8")) as Tokens)
    : {};
  const save = () => (
    mkdirSync(dirname(deps.tokensFile), { recursive: true }),
    writeFileSync(deps.tokensFile, JSON.stringify(tokens, null, 2), { mode: 0o600 })
  );
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    let res: Response;
    try {
      res = await fetch(`${deps.baseUrl}${path}`, {
        method,
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new Error(
        `cannot reach Slipway at ${deps.baseUrl}: is it running (npm start)? Set SLIPWAY_URL otherwise.`,
      );
    }
    const json = (await res.json()) as Record<string, unknown> & { error?: { message: string } };
    if (!res.ok) throw new Error(json.error?.message ?? `HTTP ${res.status}`);
    return json;
  };
  const tokenFor = (id: string | undefined) => {
    if (!id || !tokens[id])
      throw new Error(
        `unknown session "${id ?? ""}": only sessions started with 'slipway session start' here can be used`,
      );
    return tokens[id];
  };

  try {
    switch (command) {
      case "start": {
        const s = await call("POST", "/api/sessions", { lab: rest[0] ?? "playground" });
        tokens[String(s.id)] = String(s.token);
        save();
        io.out(`${s.id}\t${s.state}\t${s.lab}\texpires ${s.expiresAt}${s.reason ? `\t${s.reason}` : ""}`);
        return s.state === "failed" ? 1 : 0;
      }
      case "list":
        for (const id of Object.keys(tokens)) {
          const s = await call("GET", `/api/sessions/${id}`, undefined, tokens[id]).catch((e: Error) => ({
            state: `? (${e.message})`,
            lab: "",
            expiresAt: "",
          }));
          io.out(`${id}\t${s.state}\t${s.lab}\t${s.expiresAt}`);
        }
        return 0;
      case "exec": {
        const [id, sep, ...cmd] = rest;
        if (sep !== "--" || cmd.length === 0) return (io.err(USAGE), 2);
        const r = await call("POST", `/api/sessions/${id}/exec`, { cmd }, tokenFor(id));
        if (r.stdout) io.out(String(r.stdout).replace(/\n$/, ""));
        if (r.stderr) io.err(String(r.stderr).replace(/\n$/, ""));
        return typeof r.exitCode === "number" ? r.exitCode : 124;
      }
      case "stop": {
        const s = await call("DELETE", `/api/sessions/${rest[0]}`, undefined, tokenFor(rest[0]));
        delete tokens[rest[0] ?? ""];
        save();
        io.out(`${rest[0]}\t${s.state}`);
        return 0;
      }
      default:
        io.err(USAGE);
        return command === undefined || command === "help" ? 0 : 2;
    }
  } catch (e) {
    io.err(`slipway session ${command}: ${(e as Error).message}`);
    return 1;
  }
}
