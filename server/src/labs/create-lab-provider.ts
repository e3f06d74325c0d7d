import type { Log } from "../logger.ts";
import { LabCatalog } from "./lab-catalog.ts";

/** Labs sessions can start: the lab folders under labsDir, and the built-in playground. */
export function createLabProvider(labsDir: string, log: Log): LabCatalog {
  return LabCatalog.fromPaths([labsDir], log);
}
