// What a session needs from a lab: the sandbox's shape and what to put in it. The labs
// module adapts full lab definitions to this; the built-in playground needs nothing else.
import type { SandboxFile } from "../sandbox/sandbox-driver.ts";

export interface SessionLab {
  readonly id: string;
  readonly timeLimitMs?: number;
  readonly limits?: {
    readonly memoryMiB?: number;
    readonly cpus?: number;
    readonly pids?: number;
    readonly diskGiB?: number;
  };
  /** Images pulled from the mirror before the learner gets control. */
  readonly images: readonly string[];
  readonly files: () => Promise<readonly SandboxFile[]>;
  /** A shell script run in the workstation before the learner gets control. */
  readonly setup?: string;
  /** What the API gateway lets this lab do beyond its defaults, each with the reason shown. */
  readonly policy: ReadonlyArray<{ readonly allow: string; readonly reason: string }>;
}

export interface LabProvider {
  get(id: string): Promise<SessionLab | undefined>;
}

export const PLAYGROUND: SessionLab = { id: "playground", images: [], files: async () => [], policy: [] };
