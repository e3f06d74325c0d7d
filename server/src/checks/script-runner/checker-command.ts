// The command line of a checker process: `node` under its permission model, reading only its
// run folder (the bundled checker) and writing only the scratch folder inside it, with no
// processes or workers unless the spec allows them, a capped heap, source-mapped stacks, and
// an environment of its own (nothing of the server's, which may hold secrets).
export interface ProcessOptions {
  /** Readable by the checker; its bundle is written here before the run. */
  readonly runDir: string;
  /** Writable by the checker; inside runDir. */
  readonly scratch: string;
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
    `--allow-fs-read=${o.runDir}`,
    `--allow-fs-write=${o.scratch}`,
    ...(o.allowChildProcess ? ["--allow-child-process"] : []),
    ...(o.allowWorker ? ["--allow-worker"] : []),
    `--max-old-space-size=${o.heapMiB}`,
    "--enable-source-maps",
    "--input-type=module",
    "-e",
    o.harness,
  ];
  return { args, env: { HOME: o.scratch, TMPDIR: o.scratch, PATH: "/usr/local/bin:/usr/bin:/bin" } };
}
