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
  /** What goes into a new sandbox: files for the workspace, and a shell script run in the
   *  workstation before the learner gets control. A lab with variables renders both with the
   *  values this session draws (its id is the seed). */
  contents(sessionId: string): Promise<{ readonly files: readonly SandboxFile[]; readonly setup?: string }>;
  /** What the API gateway lets this lab do beyond its defaults, each with the reason shown. */
  readonly policy: ReadonlyArray<{ readonly allow: string; readonly reason: string }>;
}

export interface LabProvider {
  get(id: string): Promise<SessionLab | undefined>;
}

export const PLAYGROUND: SessionLab = {
  id: "playground",
  images: [],
  contents: async () => ({ files: [] }),
  policy: [],
};
