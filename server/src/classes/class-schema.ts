// Classes and members are read through these schemas, never cast: a damaged row is an error
// that names the class, not a half-read record that a dashboard trusts.
import { z } from "zod";
import type { ClassMember, ClassRecord } from "./class.ts";

const ms = z.number().int().nonnegative();

const StoredClass = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    labs: z.array(z.string().min(1)).min(1),
    track: z.string().optional(),
    startsAt: ms.optional(),
    endsAt: ms.optional(),
    capacity: z.number().int().positive(),
    hintsAllowed: z.boolean(),
    solutionsAllowed: z.boolean(),
    stuckAfterMs: z.number().int().positive(),
    joinCode: z.string().regex(/^[A-Z0-9]{8}$/),
    instructorKeyHash: z.string().regex(/^[0-9a-f]{64}$/),
    createdAt: ms,
    closedAt: ms.optional(),
    endedAt: ms.optional(),
    announcement: z.object({ text: z.string(), at: ms }).strict().optional(),
  })
  .strict();

const StoredMember = z
  .object({
    classId: z.string().min(1),
    learnerId: z.string().min(1),
    displayName: z.string().min(1),
    joinedAt: ms,
  })
  .strict();

function read<T>(schema: z.ZodType<T>, json: string, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error(`${what} cannot be read: its record is not JSON`);
  }
  const r = schema.safeParse(raw);
  if (!r.success)
    throw new Error(`${what} cannot be read: ${z.prettifyError(r.error).replace(/\n\s*/g, " ")}`);
  return r.data;
}

export const readClass = (json: string, id: string): ClassRecord => read(StoredClass, json, `class ${id}`);
export const readMember = (json: string): ClassMember => read(StoredMember, json, "a class member");

/** Checked on the way in too: a bug that builds a bad record fails at once, not at a read. */
export const writeClass = (c: ClassRecord): string => JSON.stringify(StoredClass.parse(c));
export const writeMember = (m: ClassMember): string => JSON.stringify(StoredMember.parse(m));
