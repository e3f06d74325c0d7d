// The `slipway` command line. Each subcommand gets only the config it needs.
import { join } from "node:path";
import { ConfigError, loadConfig } from "../config.ts";
import { runClassCommand } from "./class-command.ts";
import { INTERRUPTED, runLabCommand } from "./lab-command.ts";
import { labRuntimeOpener } from "./lab-runtime.ts";
import { runSessionCommand } from "./session-command.ts";
import { terminalKeys } from "./terminal-keys.ts";

const USAGE = `usage: slipway <session|lab|class> …   (slipway session help, slipway lab help, slipway class help)`;

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  const io = { out: (s: string) => console.log(s), err: (s: string) => console.error(s) };
  const [group, ...rest] = argv;
  if (group === "session")
    return runSessionCommand(rest, io, {
      baseUrl: config.url,
      tokensFile: join(config.stateDir, "cli-sessions.json"),
    });
  if (group === "class")
    return runClassCommand(rest, io, {
      baseUrl: config.url,
      keysFile: join(config.stateDir, "cli-classes.json"),
    });
  if (group === "lab") {
    // Ctrl-C once: stop every session this command started, then exit; twice: exit now.
    const interrupt = new AbortController();
    const onCtrlC = () => (interrupt.signal.aborted ? process.exit(INTERRUPTED) : interrupt.abort());
    process.on("SIGINT", onCtrlC);
    process.on("SIGTERM", () => interrupt.abort());
    return runLabCommand(rest, io, {
      labsDir: config.labsDir,
      openRuntime: labRuntimeOpener(config),
      interrupt: interrupt.signal,
      ...(rest[0] === "dev" ? { keys: terminalKeys(onCtrlC) } : {}),
    });
  }
  io.err(USAGE);
  return group === undefined || group === "help" ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(
      e instanceof ConfigError
        ? `slipway: configuration error: ${e.message}`
        : `slipway: ${(e as Error).message}`,
    );
    process.exit(1);
  },
);
