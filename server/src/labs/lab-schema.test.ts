import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtinChecks } from "../checks/check-registry.ts";
import { labSchema } from "./lab-schema.ts";
import {
  ASSESSMENT_SCHEMA_FILE,
  LAB_SCHEMA_FILE,
  renderAssessmentSchema,
  renderLabSchema,
} from "./write-lab-schema.ts";

describe("lab schema", () => {
  it("matches the committed JSON Schema (run write-lab-schema.ts after changing it)", () => {
    expect(readFileSync(LAB_SCHEMA_FILE, "utf8")).toBe(renderLabSchema());
    expect(readFileSync(ASSESSMENT_SCHEMA_FILE, "utf8")).toBe(renderAssessmentSchema());
  });

  it("tells editors every check type and its fields", () => {
    const json = JSON.parse(renderLabSchema()) as {
      properties: { steps: { items: { properties: { checks: { items: { anyOf: unknown[] } } } } } };
    };
    const specs = json.properties.steps.items.properties.checks.items.anyOf as Array<{
      properties: { type: { const: string } } & Record<string, unknown>;
    }>;
    expect(specs.map((s) => s.properties.type.const)).toEqual([...builtinChecks.keys()]);
    const reach = specs.find((s) => s.properties.type.const === "reach");
    expect(Object.keys(reach?.properties ?? {})).toContain("resolves");
  });

  it("fills defaults for a minimal lab", () => {
    const lab = labSchema.parse({
      schemaVersion: 1,
      id: "x",
      title: "X",
      summary: "s",
      level: "beginner",
      duration: "5m",
    });
    expect(lab.mode).toBe("guided");
    expect(lab.steps).toEqual([]);
    expect(lab.sandbox.images).toEqual([]);
  });

  it("rejects an image outside the catalog", () => {
    const r = labSchema.safeParse({
      schemaVersion: 1,
      id: "x",
      title: "X",
      summary: "s",
      level: "beginner",
      duration: "5m",
      sandbox: { images: ["alpine"] },
    });
    expect(r.success).toBe(false);
  });

  it("requires a time limit in challenge mode", () => {
    const r = labSchema.safeParse({
      schemaVersion: 1,
      id: "x",
      title: "X",
      summary: "s",
      level: "beginner",
      duration: "5m",
      mode: "challenge",
    });
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["sandbox.timeLimit", "a challenge needs sandbox.timeLimit, e.g. 30m"],
    ]);
  });
});
