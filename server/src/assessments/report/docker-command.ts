// Turns a recorded Engine API call into the command a candidate would recognise
// ("docker run --name api -p slipway/api"), or undefined for the plumbing the CLI makes on
// its own (pings, version, attach, wait, exec start, resize, events): a timeline of what the
// candidate did, not of how the CLI talks.
import type { AuditEntry } from "../../../../common/audit-entry.ts";

type Rule = readonly [method: string, path: RegExp, verb: string | undefined];

const RULES: readonly Rule[] = [
  ["GET", /^\/_ping$|^\/version$|^\/info$|^\/events$|^\/session$|^\/grpc$/, undefined],
  ["HEAD", /^\/_ping$/, undefined],
  ["POST", /^\/containers\/[^/]+\/(wait|attach|resize)$/, undefined],
  ["GET", /^\/containers\/[^/]+\/attach\/ws$/, undefined],
  ["POST", /^\/exec\/[^/]+\/(start|resize)$/, undefined],
  ["GET", /^\/exec\/[^/]+\/json$/, undefined],
  ["GET", /^\/distribution\/.+\/json$/, undefined],
  ["POST", /^\/containers\/create$/, "docker create"],
  ["POST", /^\/containers\/([^/]+)\/start$/, "docker start $1"],
  ["POST", /^\/containers\/([^/]+)\/stop$/, "docker stop $1"],
  ["POST", /^\/containers\/([^/]+)\/restart$/, "docker restart $1"],
  ["POST", /^\/containers\/([^/]+)\/kill$/, "docker kill $1"],
  ["POST", /^\/containers\/([^/]+)\/update$/, "docker update $1"],
  ["POST", /^\/containers\/([^/]+)\/rename$/, "docker rename $1"],
  ["POST", /^\/containers\/([^/]+)\/exec$/, "docker exec $1"],
  ["DELETE", /^\/containers\/([^/]+)$/, "docker rm $1"],
  ["GET", /^\/containers\/json$/, "docker ps"],
  ["GET", /^\/containers\/([^/]+)\/json$/, "docker inspect $1"],
  ["GET", /^\/containers\/([^/]+)\/logs$/, "docker logs $1"],
  ["GET", /^\/containers\/([^/]+)\/top$/, "docker top $1"],
  ["GET", /^\/containers\/([^/]+)\/stats$/, "docker stats $1"],
  ["GET", /^\/containers\/([^/]+)\/archive$/, "docker cp $1"],
  ["PUT", /^\/containers\/([^/]+)\/archive$/, "docker cp (into) $1"],
  ["POST", /^\/containers\/prune$/, "docker container prune"],
  ["POST", /^\/build$/, "docker build"],
  ["POST", /^\/images\/create$/, "docker pull"],
  ["GET", /^\/images\/json$/, "docker images"],
  ["GET", /^\/images\/(.+)\/json$/, "docker image inspect $1"],
  ["GET", /^\/images\/(.+)\/history$/, "docker history $1"],
  ["DELETE", /^\/images\/(.+)$/, "docker rmi $1"],
  ["POST", /^\/images\/prune$/, "docker image prune"],
  ["GET", /^\/networks$/, "docker network ls"],
  ["GET", /^\/networks\/([^/]+)$/, "docker network inspect $1"],
  ["POST", /^\/networks\/create$/, "docker network create"],
  ["POST", /^\/networks\/([^/]+)\/connect$/, "docker network connect $1"],
  ["POST", /^\/networks\/([^/]+)\/disconnect$/, "docker network disconnect $1"],
  ["DELETE", /^\/networks\/([^/]+)$/, "docker network rm $1"],
  ["GET", /^\/volumes$/, "docker volume ls"],
  ["GET", /^\/volumes\/([^/]+)$/, "docker volume inspect $1"],
  ["POST", /^\/volumes\/create$/, "docker volume create"],
  ["DELETE", /^\/volumes\/([^/]+)$/, "docker volume rm $1"],
  ["GET", /^\/system\/df$/, "docker system df"],
];

export function dockerCommand(e: AuditEntry): string | undefined {
  const path = e.path.replace(/^\/v\d+(\.\d+)?/, "").replace(/\?.*$/, "");
  const rule = RULES.find(([m, re]) => m === e.method && re.test(path));
  if (!rule) return `${e.method} ${path}`; // unknown: shown as the raw call rather than hidden
  const [, re, verb] = rule;
  if (verb === undefined) return undefined;
  const base = path.replace(re, verb).replace(/%2F/gi, "/");
  const { image, name, flags } = e.summary;
  return [
    base,
    ...(name && !base.includes(name) ? [`--name ${name}`] : []),
    ...flags,
    ...(image ? [image] : []),
  ]
    .join(" ")
    .trim();
}
