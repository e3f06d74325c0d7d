// Host setup drives the engine through the docker CLI: builds, imports and pushes print the
// same progress a person would see, and work against any engine the CLI can reach.
import { spawn } from "node:child_process";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly onLine?: (line: string) => void;
  readonly cwd?: string;
}

/** Runs a command to completion, feeding each output line (stdout and stderr) to onLine. */
export function runCommand(
  cmd: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  opts: RunOptions = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, cwd: opts.cwd, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let partial = "";
    const feed = (chunk: Buffer) => {
      if (!opts.onLine) return;
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) opts.onLine(line);
    };
    child.stdout.on("data", (c: Buffer) => (out.push(c), feed(c)));
    child.stderr.on("data", (c: Buffer) => (err.push(c), feed(c)));
    child.on("error", (e) => resolve({ code: 127, stdout: "", stderr: e.message }));
    child.on("close", (code) => {
      if (partial && opts.onLine) opts.onLine(partial);
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
      });
    });
  });
}

export interface DockerCli {
  readonly env: NodeJS.ProcessEnv;
  run(args: readonly string[], opts?: RunOptions): Promise<CliResult>;
  /** Like run, but throws with the command's own error output when it fails. */
  ok(args: readonly string[], opts?: RunOptions): Promise<string>;
}

export function dockerCli(dockerHost: string | undefined, baseEnv: NodeJS.ProcessEnv): DockerCli {
  // The legacy builder: Debian's engine has no buildx plugin, and its output is line-based.
  const env: NodeJS.ProcessEnv = { ...baseEnv, DOCKER_BUILDKIT: "0", DOCKER_CLI_HINTS: "false" };
  if (dockerHost) env.DOCKER_HOST = dockerHost;
  const run = (args: readonly string[], opts?: RunOptions) => runCommand("docker", args, env, opts);
  return {
    env,
    run,
    async ok(args, opts) {
      const r = await run(args, opts);
      if (r.code !== 0) throw new Error(`docker ${args.join(" ")}: ${(r.stderr || r.stdout).trim()}`);
      return r.stdout;
    },
  };
}
