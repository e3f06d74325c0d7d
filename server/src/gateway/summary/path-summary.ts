// What a call concerns, from its path (without /v1.xx) and query alone: every call gets
// one, streamed or not. E.g. POST /containers/web/stop → name "web"; POST
// /images/create?fromImage=busybox&tag=latest (docker pull) → image "busybox:latest".
import type { AuditEntry } from "../../../../common/audit-entry.ts";
import type { GoQuery } from "../policy/go-query.ts";

export type CallSummary = AuditEntry["summary"];

// Collection endpoints, not names: /containers/json, /images/create, /volumes/prune…
const VERBS = new Set(["json", "create", "prune", "search", "load", "get", "pull", "privileges"]);
const OBJECT = /^\/(?:containers|services|networks|volumes|nodes|secrets|configs|plugins|tasks)\/([^/]+)/;
const IMAGE = /^\/images\/(.+?)(?:\/(push|tag|json|history|get))?$/;

const withTag = (image: string | undefined, tag: string | undefined) =>
  image ? (tag && !image.includes("@") ? `${image}:${tag}` : image) : undefined;
const summary = (image: string | undefined, name?: string): CallSummary => ({
  ...(image ? { image } : {}),
  ...(name ? { name } : {}),
  flags: [],
});

export function pathSummary(bare: string, query: GoQuery): CallSummary {
  if (bare === "/images/create") return summary(withTag(query.get("fromImage"), query.get("tag")));
  if (bare === "/build") return summary(query.get("t"));
  if (bare === "/commit")
    return summary(withTag(query.get("repo"), query.get("tag")), query.get("container"));
  const image = bare.match(IMAGE);
  if (image?.[1] && !VERBS.has(image[1]))
    return summary(image[2] === "push" ? withTag(image[1], query.get("tag")) : image[1]);
  const object = bare.match(OBJECT)?.[1];
  return summary(undefined, object && !VERBS.has(object) ? object : undefined);
}
