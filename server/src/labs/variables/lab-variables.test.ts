import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLab } from "../lab-loader.ts";
import { drawVariant } from "./lab-variables.ts";
import { placeholders, render, renderData } from "./template.ts";

const fixtures = resolve(import.meta.dirname, "../../../../test/fixtures/labs");

describe("lab variables", () => {
  const specs = {
    app: { pick: ["ledger", "billing", "orders"] },
    port: { int: [20000, 20009] as [number, number] },
    other_port: { int: [20000, 20009] as [number, number] },
    secret: { token: 16 },
  };

  it("draws the same values from the same seed, within their ranges", () => {
    const a = drawVariant(specs, "session-a");
    expect(drawVariant(specs, "session-a")).toEqual(a);
    expect(["ledger", "billing", "orders"]).toContain(a.values.app);
    expect(a.values.port).toBeGreaterThanOrEqual(20000);
    expect(a.values.port).toBeLessThanOrEqual(20009);
    expect(String(a.values.secret)).toMatch(/^[a-z0-9]{16}$/);
  });

  it("gives different sessions different values, and never one value to two variables", () => {
    const variants = Array.from({ length: 50 }, (_, i) => drawVariant(specs, `s${i}`));
    expect(new Set(variants.map((v) => v.values.secret)).size).toBe(50);
    expect(new Set(variants.map((v) => v.values.app)).size).toBe(3);
    for (const v of variants) expect(v.values.port).not.toBe(v.values.other_port);
  });

  it("renders ${{ name }} and leaves Go templates and unknown names alone", () => {
    const v = { seed: "x", values: { app: "ledger", port: 20001 } };
    expect(render("docker inspect -f '{{.State.Status}}' ${{ app }} ${{port}} ${{ nope }}", v)).toBe(
      "docker inspect -f '{{.State.Status}}' ledger 20001 ${{ nope }}",
    );
    expect(renderData({ min: "${{ port }}", name: "web-${{ app }}", list: ["${{ app }}"] }, v)).toEqual({
      min: 20001,
      name: "web-ledger",
      list: ["ledger"],
    });
    expect(placeholders("a\n  ${{ app }} and ${{ port }}")).toEqual([
      { name: "app", line: 2, col: 3 },
      { name: "port", line: 2, col: 18 },
    ]);
  });

  it("renders a lab for a session: text, checks and hints take its values", async () => {
    const { lab, issues } = await loadLab(resolve(fixtures, "variants"), undefined, { seed: "s1" });
    expect(issues).toEqual([]);
    const { app, port, motto } = lab!.variant!.values;
    const [step] = lab!.steps;
    expect(step?.title).toBe(`Serve the page as ${app} on port ${port}`);
    expect(step?.bodyMarkdown).toContain(`called \`${app}\``);
    expect(step?.hints).toEqual([`Name it ${app}.`]);
    expect(step?.checks[0]?.spec).toMatchObject({ container: app, ports: [{ container: "80", host: port }] });
    expect(step?.checks[1]?.spec).toMatchObject({ stdout: { contains: motto } });
    expect(step?.wrongSolutions[0]?.rejectedBy).toEqual([`${app} is running`]);
  });

  it("reports an undeclared and an unused variable where they are", async () => {
    const { lab, issues } = await loadLab(resolve(fixtures, "bad-variables"));
    expect(lab).toBeUndefined();
    expect(
      issues.map((i) => `${i.file.split("/").slice(-2).join("/")}:${i.line}:${i.col}: ${i.message}`),
    ).toEqual([
      'steps/one.md:3:43: unknown variable "nmae"',
      'bad-variables/lab.yaml:9:3: variable "unused" is declared but used nowhere',
    ]);
  });

  it("explains a variable it cannot draw", async () => {
    const { variablesSchema } = await import("./lab-variables.ts");
    const r = variablesSchema.safeParse({ Port: { int: [1, 2] }, size: { range: [1, 2] } });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain("a variable name is lowercase");
    expect(JSON.stringify(r.error?.issues)).toContain("expected { pick: [a, b, …] }");
  });
});
