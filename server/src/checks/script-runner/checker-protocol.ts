// What a checker process and the server say to each other: one JSON object per line, the
// server on the child's stdin, the child on its stdout. The child asks the server for each
// CheckContext call it makes; the server answers from the real context.
import { z } from "zod";

/** The CheckContext methods a checker may call; `signal` stays in the child. */
export const CONTEXT_METHODS = ["engine", "exec", "containerExec", "readFile", "history"] as const;
export type ContextMethod = (typeof CONTEXT_METHODS)[number];

/** Server → child. A readFile answer carries the file as base64, or null when it is missing. */
export type ToChecker =
  | { t: "run"; file: string; args: Record<string, unknown> }
  | { t: "reply"; id: number; ok: true; value: unknown }
  | { t: "reply"; id: number; ok: false; error: string };

/** Child → server. */
export type FromChecker =
  | { t: "call"; id: number; method: ContextMethod; params: unknown[] }
  | { t: "done"; pass: boolean; errors: string[] }
  | { t: "error"; message: string };

/** The server reads the child's messages as untrusted input. */
export const fromCheckerSchema: z.ZodType<FromChecker> = z.discriminatedUnion("t", [
  z.object({
    t: z.literal("call"),
    id: z.number().int().nonnegative(),
    method: z.enum(CONTEXT_METHODS),
    params: z.array(z.unknown()),
  }),
  z.object({ t: z.literal("done"), pass: z.boolean(), errors: z.array(z.string()) }),
  z.object({ t: z.literal("error"), message: z.string() }),
]);
