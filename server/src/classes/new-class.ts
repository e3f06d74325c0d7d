// What an instructor gives to make a class (POST /api/classes, `slipway class create`).
import { z } from "zod";

export const NewClassBody = z
  .object({
    title: z.string().trim().min(1).max(120),
    labs: z.array(z.string().min(1).max(100)).max(50).default([]),
    track: z.string().min(1).max(100).optional(),
    startsAt: z.iso.datetime().optional(),
    endsAt: z.iso.datetime().optional(),
    capacity: z.number().int().min(1).max(500).default(30),
    hintsAllowed: z.boolean().default(true),
    solutionsAllowed: z.boolean().default(true),
    /** Minutes without a passed step while active before a learner is flagged stuck;
     *  fractions allowed (a test uses seconds). */
    stuckAfterMinutes: z
      .number()
      .positive()
      .max(24 * 60)
      .default(10),
  })
  .strict()
  .refine((b) => b.labs.length > 0 !== (b.track !== undefined), {
    message: "give either labs (a list of lab ids) or a track, not both",
  })
  .refine((b) => !b.startsAt || !b.endsAt || Date.parse(b.startsAt) < Date.parse(b.endsAt), {
    message: "endsAt must come after startsAt",
  });

export interface NewClass {
  readonly title: string;
  readonly labs: readonly string[];
  readonly track?: string;
  readonly startsAt?: number;
  readonly endsAt?: number;
  readonly capacity: number;
  readonly hintsAllowed: boolean;
  readonly solutionsAllowed: boolean;
  readonly stuckAfterMs: number;
}

export function newClass(body: z.infer<typeof NewClassBody>): NewClass {
  return {
    title: body.title,
    labs: body.labs,
    ...(body.track ? { track: body.track } : {}),
    ...(body.startsAt ? { startsAt: Date.parse(body.startsAt) } : {}),
    ...(body.endsAt ? { endsAt: Date.parse(body.endsAt) } : {}),
    capacity: body.capacity,
    hintsAllowed: body.hintsAllowed,
    solutionsAllowed: body.solutionsAllowed,
    stuckAfterMs: Math.round(body.stuckAfterMinutes * 60_000),
  };
}
