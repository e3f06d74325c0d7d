// A problem found in a lab, located like a compiler error so editors and terminals can jump
// to it: "labs/x/lab.yaml:12:9: what is wrong — how to fix it".
export interface LabIssue {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
  readonly fix: string;
}

export function formatIssue(i: LabIssue): string {
  return `${i.file}:${i.line}:${i.col}: ${i.message} — ${i.fix}`;
}

/** Turns a schema issue (zod's shape) into words a lab author can act on. */
export function describeSchemaIssue(
  i: {
    code: string;
    path: readonly PropertyKey[];
    message: string;
    keys?: readonly string[];
    values?: readonly unknown[];
  },
  present: boolean,
): { message: string; fix: string } {
  const field = i.path.length ? i.path.join(".") : "(top level)";
  if (i.code === "invalid_type" && !present)
    return { message: `missing required field ${field}`, fix: `add \`${String(i.path.at(-1))}:\`` };
  if (i.code === "invalid_value" && i.values)
    return {
      message: `${field}: ${i.message}`,
      fix: `use one of ${i.values.map((v) => JSON.stringify(v)).join(", ")}`,
    };
  return { message: `${field}: ${i.message}`, fix: "see docs/authoring.md or schema/lab.schema.json" };
}
