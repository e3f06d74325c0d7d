// A Dockerfile in the workspace, read as the builder reads its FROM lines. Whether a base is
// pinned is a fact of the Dockerfile alone (python:latest and python:3.11 may be the very
// same image today), so this is the one lesson checked on the file rather than on an image.
import { posix } from "node:path";
import { z } from "zod";
import { parseSpec, result, type CheckType } from "./check-type.ts";
import { Expect } from "./expect.ts";

const schema = z.strictObject({
  type: z.literal("dockerfile"),
  name: z.string().optional(),
  path: z.string().refine((p) => !p.startsWith("/") && !posix.normalize(p).startsWith(".."), {
    message: "expected a path inside the workspace, e.g. app/Dockerfile",
  }),
  /** true: every FROM names a tag other than latest, or a digest (stages and scratch aside). */
  pinnedBases: z.boolean().optional(),
});
export type DockerfileSpec = z.output<typeof schema>;

interface Instruction {
  readonly line: number;
  readonly keyword: string;
  readonly args: string;
}

/** Logical instructions: continuation lines joined, comments and blank lines dropped. */
export function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending: { line: number; text: string } | undefined;
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    if (/^\s*#/.test(raw) || raw.trim() === "") continue;
    const joined = `${pending?.text ?? ""} ${raw.replace(/\\\s*$/, "")}`;
    pending = { line: pending?.line ?? i + 1, text: joined };
    if (/\\\s*$/.test(raw)) continue;
    const [keyword = "", ...rest] = pending.text.trim().split(/\s+/);
    out.push({ line: pending.line, keyword: keyword.toUpperCase(), args: rest.join(" ") });
    pending = undefined;
  }
  return out;
}

const unquote = (s: string) => s.replace(/^(["'])(.*)\1$/, "$2");

/** Why a FROM's base is not pinned, or undefined when it is (or is a stage, or scratch). */
function floating(from: string, globals: Map<string, string>, stages: Set<string>): string | undefined {
  let missing: string | undefined;
  const image = from.replace(/\$\{(\w+)(?::-([^}]*))?\}|\$(\w+)/g, (_, a, dflt, b) => {
    const v = globals.get(a ?? b) ?? dflt;
    if (v === undefined) missing = a ?? b;
    return v ?? "";
  });
  if (missing) return `its base comes from the build argument ${missing}, which has no default`;
  if (stages.has(image.toLowerCase()) || image === "scratch" || image.includes("@sha256:")) return undefined;
  const last = image.slice(image.lastIndexOf("/") + 1);
  const tag = last.includes(":") ? last.slice(last.indexOf(":") + 1) : undefined;
  if (tag === undefined)
    return `${image} names no tag, so it means ${image}:latest, which moves with every release`;
  if (tag === "latest") return `${image} follows latest, which moves with every release`;
  return undefined;
}

export const dockerfileCheck: CheckType<DockerfileSpec> = {
  type: "dockerfile",
  schema,
  parse: (raw, at) => parseSpec(schema, raw, at),
  async run(s, ctx) {
    const start = performance.now();
    const name = s.name ?? `Dockerfile ${s.path}`;
    const x = new Expect(`Dockerfile ${s.path}`);
    const content = await ctx.readFile(s.path);
    if (content === undefined) {
      x.fail("expected to exist, but it does not");
      return result(name, "dockerfile", x.errors, start);
    }
    const globals = new Map<string, string>();
    const stages = new Set<string>();
    const unpinned: string[] = [];
    let froms = 0;
    for (const ins of instructions(content.toString("utf8"))) {
      if (ins.keyword === "ARG" && froms === 0)
        for (const a of ins.args.split(/\s+/).filter((w) => w.includes("=")))
          globals.set(a.slice(0, a.indexOf("=")), unquote(a.slice(a.indexOf("=") + 1)));
      if (ins.keyword !== "FROM") continue;
      froms++;
      const words = ins.args.split(/\s+/).filter((w) => !w.startsWith("--"));
      const why = floating(words[0] ?? "", globals, stages);
      if (why) unpinned.push(`line ${ins.line}: ${why}`);
      if (words[1]?.toUpperCase() === "AS" && words[2]) stages.add(words[2].toLowerCase());
    }
    if (froms === 0) x.fail("expected at least one FROM line, but there is none");
    else if (s.pinnedBases === true) for (const u of unpinned) x.fail(u);
    else if (s.pinnedBases === false && unpinned.length === 0)
      x.fail("expected a base that follows latest, but every FROM is pinned");
    return result(name, "dockerfile", x.errors, start);
  },
};
