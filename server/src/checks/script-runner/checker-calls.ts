// The server's side of a checker's CheckContext calls: each call's arguments are validated
// as untrusted input, then the call is made on the real context and its answer made fit for
// JSON (a file as base64). JSON turns an `undefined` argument into null, hence `nullish`.
import { z } from "zod";
import type { CheckContext } from "../check-context.ts";
import type { ContextMethod } from "./checker-protocol.ts";

const cmd = z.array(z.string()).min(1);
const timeoutMs = z.number().int().positive().optional();
const execOptions = z
  .object({ target: z.enum(["workstation", "engine"]).optional(), timeoutMs, stdin: z.string().optional() })
  .nullish();

function parse<T>(method: ContextMethod, schema: z.ZodType<T>, raw: unknown[]): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const at = issue?.path.length ? ` argument ${issue.path.join(".")}` : "";
  throw new Error(`ctx.${method}:${at} ${issue?.message ?? "invalid arguments"}`);
}

const answers: Record<ContextMethod, (ctx: CheckContext, raw: unknown[]) => Promise<unknown>> = {
  async engine(ctx, raw) {
    const [method, path] = parse("engine", z.tuple([z.literal("GET"), z.string().startsWith("/")]), raw);
    return ctx.engine(method, path);
  },
  async exec(ctx, raw) {
    const [command, opts] = parse("exec", z.tuple([cmd, execOptions]), raw);
    return ctx.exec(command, opts ?? undefined);
  },
  async containerExec(ctx, raw) {
    const schema = z.tuple([z.string().min(1), cmd, z.object({ timeoutMs }).nullish()]);
    const [container, command, opts] = parse("containerExec", schema, raw);
    return ctx.containerExec(container, command, opts ?? undefined);
  },
  async readFile(ctx, raw) {
    const [path] = parse("readFile", z.tuple([z.string().min(1)]), raw);
    return (await ctx.readFile(path))?.toString("base64") ?? null;
  },
  history: async (ctx) => ctx.history(),
};

/** Answers one call; throws, with a message for the checker, when it is malformed or fails. */
export function answerCall(ctx: CheckContext, method: ContextMethod, raw: unknown[]): Promise<unknown> {
  return answers[method](ctx, raw);
}
