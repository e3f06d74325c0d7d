// Regenerates schema/lab.schema.json: `npx tsx server/src/labs/write-lab-schema.ts`.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { builtinChecks, checkSpecsSchema } from "../checks/check-registry.ts";
import { labJsonSchema } from "./lab-schema.ts";

export const LAB_SCHEMA_FILE = resolve(import.meta.dirname, "../../../schema/lab.schema.json");

export function renderLabSchema(): string {
  return JSON.stringify(labJsonSchema(checkSpecsSchema(builtinChecks)), null, 2) + "\n";
}

if (process.argv[1] === import.meta.filename) writeFileSync(LAB_SCHEMA_FILE, renderLabSchema());
