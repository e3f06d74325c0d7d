// Regenerates schema/lab.schema.json and schema/assessment.schema.json:
// `npx tsx server/src/labs/write-lab-schema.ts`.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { assessmentJsonSchema } from "../assessments/assessment-schema.ts";
import { builtinChecks, checkSpecsSchema } from "../checks/check-registry.ts";
import { labJsonSchema } from "./lab-schema.ts";

export const LAB_SCHEMA_FILE = resolve(import.meta.dirname, "../../../schema/lab.schema.json");
export const ASSESSMENT_SCHEMA_FILE = resolve(import.meta.dirname, "../../../schema/assessment.schema.json");

export function renderLabSchema(): string {
  return JSON.stringify(labJsonSchema(checkSpecsSchema(builtinChecks)), null, 2) + "\n";
}

export function renderAssessmentSchema(): string {
  return JSON.stringify(assessmentJsonSchema(), null, 2) + "\n";
}

if (process.argv[1] === import.meta.filename) {
  writeFileSync(LAB_SCHEMA_FILE, renderLabSchema());
  writeFileSync(ASSESSMENT_SCHEMA_FILE, renderAssessmentSchema());
}
