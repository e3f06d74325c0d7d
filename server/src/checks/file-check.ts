// A file in the learner's workspace: exists (or not), and what it contains.
import { posix } from "node:path";
import { z } from "zod";
import { parseSpec, result, type CheckType } from "./check-type.ts";
import { Expect } from "./expect.ts";
import { matchText, textMatchShape } from "./text-match.ts";

const schema = z.strictObject({
  type: z.literal("file"),
  name: z.string().optional(),
  path: z.string().refine((p) => !p.startsWith("/") && !posix.normalize(p).startsWith(".."), {
    message: "expected a path inside the workspace, e.g. app/Dockerfile",
  }),
  exists: z.boolean().default(true),
  ...textMatchShape,
});
export type FileSpec = z.output<typeof schema>;

export const fileCheck: CheckType<FileSpec> = {
  type: "file",
  schema,
  parse: (raw, at) => parseSpec(schema, raw, at),
  async run(s, ctx) {
    const start = performance.now();
    const name = s.name ?? `file ${s.path}`;
    const x = new Expect(`file ${s.path}`);
    const content = await ctx.readFile(s.path);
    if ((content !== undefined) !== s.exists)
      x.fail(s.exists ? "expected to exist, but it does not" : "expected not to exist, but it does");
    else if (content !== undefined) matchText(x, "content", s, content.toString("utf8"));
    return result(name, "file", x.errors, start);
  },
};
