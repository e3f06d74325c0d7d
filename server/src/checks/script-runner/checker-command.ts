// The command line of a checker process: `node` under its permission model, reading and
// writing only its run folder (its bundled checker, and scratch space), with no processes or
// workers unless the spec allows them, a capped heap, source-mapped stacks, and an
// environment of its own (nothing of the server's, which may hold secrets).
export interface ProcessOptions {
  /** The process's working directory and the only files it may touch; its bundle is
   *  written here before the run. */
  readonly dir: string;
  /** The harness's source, run with `node -e`. */
  readonly harness: string;
  readonly heapMiB: number;
  readonly allowChildProcess: boolean;
  readonly allowWorker: boolean;
}

const flags = process.allowedNodeEnvironmentFlags;
// Node 20 spells it --experimental-permission; later versions --permission.
const PERMISSION = flags.has("--permission") ? "--permission" : "--experimental-permission";
const QUIET = flags.has("--disable-warning") ? ["--disable-warning=ExperimentalWarning"] : [];

export function checkerCommand(o: ProcessOptions): { args: string[]; env: Record<string, string> } {
  const args = [
    PERMISSION,
    ...QUIET,
    `--allow-fs-read=${o.dir}`,
    `--allow-fs-write=${o.dir}`,
    ...(o.allowChildProcess ? ["--allow-child-process"] : []),
    ...(o.allowWorker ? ["--allow-worker"] : []),
    `--max-old-space-size=${o.heapMiB}`,
    "--enable-source-maps",
    "--input-type=module",
    "-e",
    o.harness,
  ];
  return { args, env: { HOME: o.dir, TMPDIR: o.dir, PATH: "/usr/local/bin:/usr/bin:/bin" } };
}
