// Per-session variants of a lab. A lab declares `variables` (a name, and how to draw its value);
// each session draws its own from a seed (the session id), so two candidates get different
// names, ports and sizes, and one's answers do not solve another's sandbox. The draw is
// deterministic: the same seed always gives the same values, after a restart too.
import { createHash } from "node:crypto";
import { z } from "zod";

const varName = /^[a-z_][a-z0-9_]*$/;

export const variableSpecSchema = z.union(
  [
    z.strictObject({
      pick: z.array(z.union([z.string().min(1), z.number()])).min(2),
    }),
    z
      .strictObject({ int: z.tuple([z.number().int(), z.number().int()]) })
      .refine((v) => v.int[0] < v.int[1], { message: "int: [min, max] with min below max" }),
    z.strictObject({ token: z.number().int().min(4).max(64) }),
  ],
  {
    error:
      "expected { pick: [a, b, …] } (one of these), { int: [min, max] } (an integer in the range) or { token: length } (random letters and digits)",
  },
);

export const variablesSchema = z
  .record(
    z.string().regex(varName, "a variable name is lowercase letters, digits and _, e.g. api_port"),
    variableSpecSchema,
  )
  .describe("Values each session draws for itself, used as ${{ name }} in text, files, scripts and checks");

export type VariableSpec = z.infer<typeof variableSpecSchema>;

/** The values one session drew, and the seed they came from. */
export interface Variant {
  readonly seed: string;
  readonly values: Readonly<Record<string, string | number>>;
}

/** Unbiased enough for a lab: 48 bits of SHA-256 per draw. */
function draw(seed: string, name: string, attempt: number, n: number): number {
  const h = createHash("sha256").update(`${seed}\0${name}\0${attempt}`).digest();
  return h.readUIntBE(0, 6) % n;
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

function one(spec: VariableSpec, seed: string, name: string, attempt: number): string | number {
  if ("pick" in spec) return spec.pick[draw(seed, name, attempt, spec.pick.length)] as string | number;
  if ("int" in spec) return spec.int[0] + draw(seed, name, attempt, spec.int[1] - spec.int[0] + 1);
  return Array.from(
    { length: spec.token },
    (_, i) => ALPHABET[draw(seed, `${name}#${i}`, attempt, ALPHABET.length)],
  ).join("");
}

/** Draws every variable; no two variables share a value where their ranges allow it (two
 *  ports, two container names), so a value never stands for two things. */
export function drawVariant(specs: Readonly<Record<string, VariableSpec>>, seed: string): Variant {
  const values: Record<string, string | number> = {};
  const taken = new Set<string>();
  for (const name of Object.keys(specs).sort()) {
    const spec = specs[name] as VariableSpec;
    let v = one(spec, seed, name, 0);
    for (let attempt = 1; taken.has(String(v)) && attempt < 32; attempt++) v = one(spec, seed, name, attempt);
    values[name] = v;
    taken.add(String(v));
  }
  return { seed, values };
}
