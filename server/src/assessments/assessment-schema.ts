// The shape of an assessment file (labs/assessments/*.yaml), version 1: a pool of challenge
// labs, how many to draw, in which order, under one time limit, with a pass line.
import { z } from "zod";
import { parseDuration } from "../util/duration.ts";

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "use lowercase letters, digits and dashes, e.g. troubleshooting-basics");
const duration = z.string().refine((s) => parseDuration(s) !== undefined, {
  message: "expected a duration such as 45m, 90s or 1h30m",
});

export const assessmentSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    id,
    title: z.string().min(1),
    summary: z.string().min(1),
    pool: z.array(id).min(1).describe("Ids of challenge labs (mode: challenge) the tasks are drawn from"),
    draw: z.number().int().min(1).describe("How many tasks each attempt draws from the pool"),
    order: z
      .enum(["fixed", "shuffled"])
      .default("shuffled")
      .describe(
        "fixed: the pool's order; shuffled: an order of its own per attempt, from the attempt's seed",
      ),
    timeLimit: duration.describe("For the whole assessment, every task included"),
    passLine: z.number().min(0).max(100).describe("The score (percent) a candidate needs to pass"),
    hintPenalty: z
      .number()
      .min(0)
      .max(100)
      .default(0)
      .describe(
        "Points (of 100 per task) taken off for each hint revealed, where the challenge allows hints",
      ),
  })
  .refine((a) => a.draw <= a.pool.length, {
    message: "draw is larger than the pool",
    path: ["draw"],
  });

export type AssessmentFile = z.infer<typeof assessmentSchema>;

/** JSON Schema for editors; schema/assessment.schema.json is this, committed (a test keeps it fresh). */
export function assessmentJsonSchema(): unknown {
  return z.toJSONSchema(assessmentSchema, { io: "input" });
}
