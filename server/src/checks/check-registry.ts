// The check types a lab may use, by name. The loader parses every check through this
// before a lab is accepted, so an unknown type or a bad field never reaches a session.
import { z } from "zod";
import type { CheckType } from "./check-type.ts";
import { containerCheck } from "./container-check.ts";
import { containersCheck } from "./containers-check.ts";
import { dockerfileCheck } from "./dockerfile-check.ts";
import { execCheck } from "./exec-check.ts";
import { fileCheck } from "./file-check.ts";
import { historyCheck } from "./history-check.ts";
import { httpCheck } from "./http-check.ts";
import { imageCheck } from "./image-check.ts";
import { layerCheck } from "./layer-check.ts";
import { networkCheck } from "./network-check.ts";
import { reachCheck } from "./reach-check.ts";
import { scriptCheck } from "./script-check.ts";
import { secretCheck } from "./secret-check.ts";
import { volumeCheck } from "./volume-check.ts";

/** A check type as the registry holds it; `files` lists files the spec needs on disk. */
export interface AnyCheckType extends CheckType<unknown> {
  files?(spec: unknown, labDir: string): string[];
}

export type CheckRegistry = ReadonlyMap<string, AnyCheckType>;

export function createCheckRegistry(types: readonly CheckType<never>[]): CheckRegistry {
  return new Map(types.map((t) => [t.type, t as unknown as AnyCheckType]));
}

export const builtinChecks: CheckRegistry = createCheckRegistry([
  containerCheck,
  containersCheck,
  networkCheck,
  reachCheck,
  volumeCheck,
  imageCheck,
  httpCheck,
  execCheck,
  fileCheck,
  historyCheck,
  scriptCheck,
  layerCheck,
  secretCheck,
  dockerfileCheck,
] as unknown as CheckType<never>[]);

/** Every check spec a registry accepts, by `type`, for the editor's JSON Schema. */
export function checkSpecsSchema(registry: CheckRegistry): z.ZodType {
  const specs = [...registry.values()].map(
    (t) => t.schema ?? z.looseObject({ type: z.literal(t.type), name: z.string().optional() }),
  );
  return z.union(specs as [z.ZodType, z.ZodType, ...z.ZodType[]]);
}

/** A check from lab.yaml, already validated by its type's parse(). */
export interface ParsedCheck {
  readonly name: string;
  readonly type: string;
  readonly spec: unknown;
}
