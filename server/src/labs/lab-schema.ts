// The shape of lab.yaml, version 1. Check fields are validated by each check type (see
// server/src/checks), so here a check only needs its `type`; the loader does the rest.
import { z } from "zod";
import { parseDuration } from "../util/duration.ts";
import { catalogRepositories, isCatalogImage } from "./image-catalog.ts";
import { variablesSchema } from "./variables/lab-variables.ts";

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "use lowercase letters, digits and dashes, e.g. first-container");
const duration = z.string().refine((s) => parseDuration(s) !== undefined, {
  message: "expected a duration such as 10m, 90s or 1h30m",
});
const relPath = z.string().min(1, "expected a path relative to the lab folder");

/** What a lab may let the API gateway pass (docs/authoring.md, "Gateway policy"). */
export const ALLOWANCES = [
  "privileged",
  "cap-add",
  "devices",
  "host-namespaces",
  "bind-mount",
  "security-opt",
  "sysctls",
  "runtime",
  "cgroup-parent",
  "plugins",
  "swarm-join",
  "buildkit-api",
] as const;

export const checkSpecSchema = z
  .looseObject({
    type: z.string().min(1),
    name: z.string().optional(),
  })
  .describe("A check: `type` picks a built-in check type, the other fields belong to it.");

/** A wrong solution: a script, or a script and the check(s) that must reject it. */
export const wrongSolutionSchema = z.union(
  [
    relPath,
    z.strictObject({
      script: relPath,
      rejectedBy: z
        .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
        .optional()
        .describe(
          "Name of the step's check that must reject it (or a list: each must); lab test fails otherwise",
        ),
    }),
  ],
  { error: "expected a script path, or { script: path, rejectedBy: name of a check of this step }" },
);

export const stepSchema = z.strictObject({
  id,
  title: z.string().min(1),
  body: relPath.describe("Markdown file with the step's text"),
  checks: z.array(checkSpecSchema).default([]),
  hints: z.array(z.string()).default([]),
  solution: relPath.optional().describe("Shell script run in the workstation that makes the checks pass"),
  alternativeSolutions: z
    .array(relPath)
    .default([])
    .describe("Other ways a learner may solve the step (another tag, another spelling); each must pass too"),
  wrongSolutions: z
    .array(wrongSolutionSchema)
    .default([])
    .describe("Shell scripts whose result must NOT pass the step's checks"),
  sticky: z.boolean().optional(),
  debrief: relPath
    .optional()
    .describe("Markdown shown once the lab is over: the cause, how an expert would find it, the fix"),
});

export const labSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    id,
    title: z.string().min(1),
    summary: z.string().min(1),
    level: z.enum(["beginner", "intermediate", "advanced"]),
    duration,
    tags: z.array(z.string()).default([]),
    covers: z
      .array(z.string().min(1))
      .default([])
      .describe("What the lab teaches, a short line each, for its page in the catalog"),
    prerequisites: z.array(id).default([]).describe("Ids of labs to take first"),
    mode: z.enum(["guided", "challenge"]).default("guided"),
    allowHints: z.boolean().optional(),
    sticky: z.boolean().default(true).describe("A passed step stays passed unless this is false"),
    setup: relPath.optional().describe("Shell script run in the workstation before the learner starts"),
    variables: variablesSchema.default({}),
    sandbox: z
      .strictObject({
        images: z
          .array(
            z.string().refine(isCatalogImage, {
              error: () =>
                `not in the image catalog (${catalogRepositories().join(", ")}), optionally with :tag`,
            }),
          )
          .default([]),
        limits: z
          .strictObject({
            memoryMiB: z.number().int().min(64).max(16384).optional(),
            cpus: z.number().min(0.1).max(16).optional(),
            pids: z.number().int().min(32).max(65536).optional(),
            diskGiB: z
              .number()
              .min(0.5)
              .max(64)
              .optional()
              .describe("The sandbox's disk, e.g. 1 for a disk-full scenario"),
          })
          .optional(),
        policy: z.array(z.strictObject({ allow: z.enum(ALLOWANCES), reason: z.string().min(1) })).default([]),
        timeLimit: duration.optional(),
      })
      .default({ images: [], policy: [] }),
    steps: z.array(stepSchema).default([]),
  })
  // A challenge is timed; without a limit it would silently become an untimed guided lab.
  .refine((lab) => lab.mode !== "challenge" || lab.sandbox.timeLimit !== undefined, {
    message: "a challenge needs sandbox.timeLimit, e.g. 30m",
    path: ["sandbox", "timeLimit"],
  });

export type LabFile = z.infer<typeof labSchema>;
export type StepFile = z.infer<typeof stepSchema>;

/**
 * JSON Schema for editors; schema/lab.schema.json is this, committed (a test keeps it fresh).
 * `checks` (every check type's spec) takes the place of the loose check shape, so an editor
 * knows each type's fields, though the loader validates them with the type's own parse().
 */
export function labJsonSchema(checks?: z.ZodType): unknown {
  const specs = checks && (z.toJSONSchema(checks, { io: "input" }) as Record<string, unknown>);
  if (specs) delete specs.$schema;
  return z.toJSONSchema(labSchema, {
    io: "input",
    override: (ctx) => {
      if (specs && ctx.zodSchema === checkSpecSchema) {
        for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
        Object.assign(ctx.jsonSchema, specs);
      }
    },
  });
}
