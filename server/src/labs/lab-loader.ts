// Reads one lab folder and reports every problem at once (syntax, schema, check specs,
// missing files, duplicate step ids), each located at file:line:col. Checks run on the
// raw document as far as its shape allows, so a schema error does not hide the others.
import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { isAbsolute, join, normalize, relative, resolve } from "node:path";
import { builtinChecks, type CheckRegistry, type ParsedCheck } from "../checks/check-registry.ts";
import { CheckSpecError } from "../checks/check-type.ts";
import type { Lab } from "./lab.ts";
import { buildLab, type ResolvedStep } from "./build-lab.ts";
import { describeSchemaIssue, type LabIssue } from "./lab-issue.ts";
import { labSchema } from "./lab-schema.ts";
import { drawVariant, variablesSchema } from "./variables/lab-variables.ts";
import { renderData } from "./variables/template.ts";
import { variableIssues } from "./variables/variable-usage.ts";
import { parseLocatedYaml, type LocatedYaml } from "./yaml-locator.ts";

export interface LoadResult {
  readonly lab: Lab | undefined;
  readonly issues: readonly LabIssue[];
  /** The id as written, with where, for cross-lab checks; undefined if unreadable. */
  readonly declaredId: { readonly id: string; readonly line: number; readonly col: number } | undefined;
  /** Prerequisite ids as written, with where, for cross-lab checks. */
  readonly prerequisites?: ReadonlyArray<{
    readonly id: string;
    readonly line: number;
    readonly col: number;
  }>;
}

type Path = readonly PropertyKey[];
const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const has = (data: unknown, path: readonly PropertyKey[]): boolean =>
  path.length === 0 || (has(data, path.slice(0, -1)) && dig(data, path) !== undefined);
const dig = (data: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined),
    data,
  );
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** As written, or made from its type and place: what results and `rejectedBy` call it. */
const checkName = (c: unknown, index: number): string => {
  const { name, type } = obj(c);
  return typeof name === "string" ? name : `${String(type)} #${index + 1}`;
};

export interface LoadOptions {
  /** Render the lab for one session: its variables drawn from this seed (the session id).
   *  Without one, the lab is validated, its variables drawn from a fixed seed. */
  readonly seed?: string;
}

export async function loadLab(
  dir: string,
  registry: CheckRegistry = builtinChecks,
  opts: LoadOptions = {},
): Promise<LoadResult> {
  const file = join(dir, "lab.yaml");
  const issues: LabIssue[] = [];
  if (!existsSync(file))
    return {
      lab: undefined,
      declaredId: undefined,
      issues: [
        {
          file,
          line: 1,
          col: 1,
          message: "lab.yaml not found",
          fix: "create lab.yaml (see docs/authoring.md)",
        },
      ],
    };
  const labText = await readFile(file, "utf8");
  const y: LocatedYaml = parseLocatedYaml(labText);
  const at = (path: Path, message: string, fix: string, key = false) =>
    issues.push({ file, ...y.locate(path, { key }), message, fix });
  // The YAML is read before variables are rendered, so a bare placeholder in `{ }` or `[ ]`
  // breaks it, and the parser's own messages (a cascade) point past it: that one comes first.
  if (y.syntaxErrors.length)
    for (const p of flowPlaceholders(labText))
      issues.push({
        file,
        ...p,
        message: "a ${{ }} placeholder bare inside { } or [ ] is not YAML",
        fix: 'quote it ("${{ port }}": still a number once rendered) or write that collection in block style',
      });
  for (const e of y.syntaxErrors.slice(0, MAX_SYNTAX_ERRORS))
    issues.push({
      file,
      line: e.line,
      col: e.col,
      message: `YAML syntax: ${e.message}`,
      fix:
        y.syntaxErrors.length > MAX_SYNTAX_ERRORS && e === y.syntaxErrors[MAX_SYNTAX_ERRORS - 1]
          ? `fix the YAML syntax (${y.syntaxErrors.length - MAX_SYNTAX_ERRORS} more errors follow from these)`
          : "fix the YAML syntax",
    });
  if (y.syntaxErrors.length) return { lab: undefined, issues, declaredId: undefined };

  // Variables are drawn first and rendered into the document, so every field (a number
  // included) is validated as the session will see it.
  const declared = variablesSchema.safeParse(obj(y.data).variables ?? {});
  const specs = declared.success ? declared.data : {};
  const variant = Object.keys(specs).length ? drawVariant(specs, opts.seed ?? "validate") : undefined;
  const data = renderData(y.data, variant);
  const parsed = labSchema.safeParse(data);
  for (const i of parsed.success ? [] : parsed.error.issues) {
    if (i.code === "unrecognized_keys")
      for (const k of i.keys)
        at(
          [...i.path, k],
          `unknown field ${[...i.path, k].join(".")}`,
          "remove it or fix its spelling",
          true,
        );
    else {
      const d = describeSchemaIssue(i as Parameters<typeof describeSchemaIssue>[0], has(y.data, i.path));
      at(i.path, d.message, d.fix);
    }
  }

  const raw = obj(data);
  const needFile = (path: Path, rel: unknown, what: string) => {
    if (typeof rel !== "string" || rel === "") return undefined;
    if (isAbsolute(rel) || normalize(rel).startsWith(".."))
      return void at(path, `${what} ${rel} is outside the lab folder`, "use a path inside the lab folder");
    const abs = resolve(dir, rel);
    if (!existsSync(abs) || !statSync(abs).isFile())
      return void at(path, `${what} ${rel} does not exist`, `create ${join(dir, rel)} or fix the path`);
    return abs;
  };
  const setup = needFile(["setup"], raw.setup, "setup script");

  const seen = new Map<string, number>();
  const steps = arr(raw.steps).map((s, i) => {
    const step = obj(s);
    if (typeof step.id === "string") {
      const first = seen.get(step.id);
      if (first !== undefined)
        at(
          ["steps", i, "id"],
          `duplicate step id "${step.id}" (also steps.${first})`,
          "give every step its own id",
        );
      else seen.set(step.id, i);
    }
    const body = needFile(["steps", i, "body"], step.body, "step body");
    const debrief = needFile(["steps", i, "debrief"], step.debrief, "debrief");
    const solution = needFile(["steps", i, "solution"], step.solution, "solution script");
    const alternatives = arr(step.alternativeSolutions).map((a, k) =>
      needFile(["steps", i, "alternativeSolutions", k], a, "alternative solution"),
    );
    const names = arr(step.checks).map(checkName);
    const wrong = arr(step.wrongSolutions).map((w, k) =>
      wrongSolution(w, ["steps", i, "wrongSolutions", k], step.id, names),
    );
    const checks = arr(step.checks).map((c, j) => parseCheck(c, ["steps", i, "checks", j]));
    return { body, solution, alternatives, wrong, checks, debrief };
  });

  /** A path, or { script, rejectedBy } whose names must be checks of the step. */
  function wrongSolution(w: unknown, path: Path, stepId: unknown, names: readonly string[]) {
    const o = typeof w === "string" ? { script: w } : obj(w);
    const script = needFile(typeof w === "string" ? path : [...path, "script"], o.script, "wrong solution");
    const list = Array.isArray(o.rejectedBy);
    const rejectedBy = (list ? arr(o.rejectedBy) : [o.rejectedBy]).filter((n) => typeof n === "string");
    rejectedBy.forEach((name, j) => {
      if (!names.includes(name))
        at(
          [...path, "rejectedBy", ...(list ? [j] : [])],
          `${[...path, "rejectedBy"].join(".")}: step ${String(stepId)} has no check named "${name}"`,
          `use the name of one of its checks: ${names.map((n) => JSON.stringify(n)).join(", ")}`,
        );
    });
    return script === undefined ? undefined : { script, rejectedBy };
  }

  function parseCheck(c: unknown, path: Path): ParsedCheck | undefined {
    const type = obj(c).type;
    if (typeof type !== "string") return undefined; // the schema already reported it
    const t = registry.get(type);
    if (!t)
      return void at(
        [...path, "type"],
        `unknown check type "${type}"`,
        `use one of ${[...registry.keys()].join(", ")}`,
      );
    try {
      const spec = t.parse(c, path.join("."));
      for (const f of t.files?.(spec, dir) ?? [])
        if (!existsSync(f))
          at(path, `check file ${relative(dir, f)} does not exist`, "create it or fix the path");
      return { name: checkName(c, Number(path.at(-1))), type, spec };
    } catch (e) {
      if (!(e instanceof CheckSpecError)) throw e;
      for (const i of e.issues)
        at(
          [...path, ...i.path],
          `${type} check: ${[...path, ...i.path].join(".")}: ${i.message}`,
          `see the ${type} check in docs/authoring.md`,
          i.key,
        );
      return undefined;
    }
  }

  const declaredId = typeof raw.id === "string" ? { id: raw.id, ...y.locate(["id"]) } : undefined;
  const prerequisites = arr(raw.prerequisites).flatMap((p, i) =>
    typeof p === "string" ? [{ id: p, ...y.locate(["prerequisites", i]) }] : [],
  );
  if (opts.seed === undefined)
    issues.push(
      ...(await variableIssues({
        labFile: file,
        labText,
        declared: new Map(Object.keys(specs).map((n) => [n, y.locate(["variables", n], { key: true })])),
        files: [
          setup,
          ...steps.flatMap((st) => [
            st.body,
            st.debrief,
            st.solution,
            ...st.alternatives,
            ...st.wrong.map((w) => w?.script),
          ]),
        ].filter((f): f is string => typeof f === "string"),
        filesDir: existsSync(join(dir, "files")) ? join(dir, "files") : undefined,
      })),
    );
  if (issues.length || !parsed.success) return { lab: undefined, issues, declaredId, prerequisites };

  const lab = await buildLab(dir, parsed.data, setup, steps as ResolvedStep[], variant);
  return { lab, issues, declaredId, prerequisites };
}

/** A syntax error cascades: past the first few, the parser reports its own confusion. */
const MAX_SYNTAX_ERRORS = 5;

/** Placeholders outside quotes, inside a flow collection opened earlier on their line; 1-based. */
function flowPlaceholders(text: string): Array<{ line: number; col: number }> {
  return text.split("\n").flatMap((l, i) =>
    [...l.matchAll(/\$\{\{/g)]
      .filter((m) => {
        const before = l.slice(0, m.index).replace(/\$\{\{[^}]*\}\}/g, "");
        if ((before.match(/"/g) ?? []).length % 2 || (before.match(/'/g) ?? []).length % 2) return false;
        const bare = before.replace(/"[^"]*"|'[^']*'/g, "");
        return /[{[]/.test(bare) && !/#/.test(bare);
      })
      .map((m) => ({ line: i + 1, col: m.index + 1 })),
  );
}
