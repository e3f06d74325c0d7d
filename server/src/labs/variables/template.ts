// `${{ name }}` in a lab's text, files, scripts and checks stands for a variable's value. The
// syntax is one no shell script, Go template (`{{.State.Status}}`) or YAML plain scalar uses
// for anything else, so substitution never touches what it should not.
import type { Variant } from "./lab-variables.ts";

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const WHOLE = /^\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;

/** Replaces known placeholders; an unknown one is left as written (validation reports it). */
export function render(text: string, variant: Variant | undefined): string {
  if (!variant) return text;
  return text.replace(PLACEHOLDER, (all, name: string) =>
    name in variant.values ? String(variant.values[name]) : all,
  );
}

/** A YAML document with every string rendered; a string that is one placeholder takes the
 *  value's own type, so `memoryMiB: { min: "${{ mem }}" }` is a number. */
export function renderData(data: unknown, variant: Variant | undefined): unknown {
  if (!variant) return data;
  if (typeof data === "string") {
    const whole = WHOLE.exec(data);
    if (whole && (whole[1] as string) in variant.values) return variant.values[whole[1] as string];
    return render(data, variant);
  }
  if (Array.isArray(data)) return data.map((d) => renderData(d, variant));
  if (data !== null && typeof data === "object")
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, renderData(v, variant)]));
  return data;
}

/** Every placeholder in a text, with its 1-based line and column. */
export function placeholders(text: string): Array<{ name: string; line: number; col: number }> {
  const out: Array<{ name: string; line: number; col: number }> = [];
  text.split("\n").forEach((l, i) => {
    for (const m of l.matchAll(PLACEHOLDER))
      out.push({ name: m[1] as string, line: i + 1, col: m.index + 1 });
  });
  return out;
}
