// The learner's Docker API calls as the commands they typed, for an instructor: `docker run
// -d --name hello nginx`, not POST /containers/create, /attach, /wait and /start. Calls the
// CLI makes on its own (_ping, /info, wait, resize, exec start, the inspect before logs or
// exec) are plumbing and not shown. Derived from the recorded path, query and summary alone.
import type { ActivityEntry } from "../api/api-types.ts";

export interface ShownCommand {
  readonly entry: ActivityEntry;
  readonly command: string;
}

type Rule = readonly [method: string, path: RegExp, say: (m: RegExpMatchArray, q: URLSearchParams) => string];

const id = (s: string | undefined) => short(decodeURIComponent(s ?? ""));
const flag = (on: boolean, text: string) => (on ? ` ${text}` : "");
const truthy = (q: URLSearchParams, key: string) => ["1", "true"].includes(q.get(key) ?? "");

// Container names and ids, image names (which may hold slashes): matched widely.
const RULES: readonly Rule[] = [
  ["GET", /^\/containers\/json$/, (_m, q) => `docker ps${flag(truthy(q, "all"), "-a")}`],
  [
    "POST",
    /^\/containers\/([^/]+)\/(start|stop|restart|kill|pause|unpause)$/,
    (m) => `docker ${m[2]} ${id(m[1])}`,
  ],
  ["POST", /^\/containers\/([^/]+)\/rename$/, (m, q) => `docker rename ${id(m[1])} ${q.get("name") ?? ""}`],
  ["DELETE", /^\/containers\/([^/]+)$/, (m, q) => `docker rm${flag(truthy(q, "force"), "-f")} ${id(m[1])}`],
  [
    "GET",
    /^\/containers\/([^/]+)\/logs$/,
    (m, q) => `docker logs${flag(truthy(q, "follow"), "-f")} ${id(m[1])}`,
  ],
  ["GET", /^\/containers\/([^/]+)\/json$/, (m) => `docker inspect ${id(m[1])}`],
  ["GET", /^\/containers\/([^/]+)\/top$/, (m) => `docker top ${id(m[1])}`],
  ["GET", /^\/containers\/([^/]+)\/stats$/, (m) => `docker stats ${id(m[1])}`],
  ["POST", /^\/containers\/([^/]+)\/exec$/, (m) => `docker exec ${id(m[1])}`],
  ["POST", /^\/containers\/prune$/, () => "docker container prune"],
  ["GET", /^\/images\/json$/, () => "docker images"],
  ["POST", /^\/images\/create$/, (_m, q) => `docker pull ${q.get("fromImage") ?? ""}${tag(q)}`],
  ["POST", /^\/images\/(.+)\/push$/, (m, q) => `docker push ${id(m[1])}${tag(q)}`],
  ["POST", /^\/images\/(.+)\/tag$/, (m, q) => `docker tag ${id(m[1])} ${q.get("repo") ?? ""}${tag(q)}`],
  ["GET", /^\/images\/(.+)\/json$/, (m) => `docker image inspect ${id(m[1])}`],
  ["GET", /^\/images\/(.+)\/history$/, (m) => `docker history ${id(m[1])}`],
  ["DELETE", /^\/images\/(.+)$/, (m, q) => `docker rmi${flag(truthy(q, "force"), "-f")} ${id(m[1])}`],
  ["POST", /^\/images\/prune$/, () => "docker image prune"],
  ["POST", /^\/build$/, (_m, q) => `docker build${q.get("t") ? ` -t ${q.get("t")}` : ""}`],
  [
    "POST",
    /^\/commit$/,
    (_m, q) => `docker commit ${q.get("container") ?? ""} ${q.get("repo") ?? ""}${tag(q)}`,
  ],
  ["GET", /^\/(networks|volumes)$/, (m) => `docker ${m[1]?.slice(0, -1)} ls`],
  ["POST", /^\/(networks|volumes)\/create$/, (m) => `docker ${m[1]?.slice(0, -1)} create`],
  ["DELETE", /^\/(networks|volumes)\/([^/]+)$/, (m) => `docker ${m[1]?.slice(0, -1)} rm ${id(m[2])}`],
  ["GET", /^\/(networks|volumes)\/([^/]+)$/, (m) => `docker ${m[1]?.slice(0, -1)} inspect ${id(m[2])}`],
  ["POST", /^\/networks\/([^/]+)\/(connect|disconnect)$/, (m) => `docker network ${m[2]} ${id(m[1])}`],
  ["POST", /^\/(networks|volumes)\/prune$/, (m) => `docker ${m[1]?.slice(0, -1)} prune`],
  ["GET", /^\/events$/, () => "docker events"],
  ["GET", /^\/system\/df$/, () => "docker system df"],
];

// What the CLI calls on its own, around what the learner asked for.
const PLUMBING =
  /^\/(_ping|info|version|containers\/[^/]+\/(wait|attach|resize|archive)|exec\/.+|distribution\/.+|session|grpc)$/;

function tag(q: URLSearchParams): string {
  const t = q.get("tag");
  return t ? `:${t}` : "";
}

const short = (text: string): string => text.replace(/\b([0-9a-f]{12})[0-9a-f]{52}\b/g, "$1");

function split(path: string): { bare: string; query: URLSearchParams } {
  const [p = "", q = ""] = path.replace(/^\/v[\d.]+(?=\/)/, "").split("?", 2);
  return { bare: p, query: new URLSearchParams(q) };
}

/** One call as a command, or undefined for plumbing. */
export function commandOf(e: ActivityEntry): string | undefined {
  const { bare, query } = split(e.path);
  if (PLUMBING.test(bare)) return undefined;
  if (e.method === "POST" && bare === "/containers/create") {
    const s = e.summary;
    // `docker create` and `docker run` send the same call; a start right after tells them
    // apart (see commandsOf). The flags listed are what the container got (-p and --publish).
    const flags = dedupe(s.flags).filter((f) => f !== "-d");
    const name = s.name ?? query.get("name");
    return ["docker create", ...flags, name ? `--name ${name}` : "", s.image ?? ""].filter(Boolean).join(" ");
  }
  for (const [method, re, say] of RULES) {
    const m = e.method === method ? bare.match(re) : null;
    if (m) return say(m, query).trimEnd();
  }
  return `${e.method} ${short(bare)}`;
}

/** Of each CLI spelling pair (-p, --publish), the first. */
function dedupe(flags: readonly string[]): string[] {
  return flags.filter(
    (f, i) => !(f.startsWith("--") && flags[i - 1]?.startsWith("-") && !flags[i - 1]?.startsWith("--")),
  );
}

/** The calls as commands, plumbing left out. A create followed at once by the start of a
 *  container reads as the `docker run` it was (`-d` when detached); the inspect the CLI makes
 *  before `logs` or `exec`, and a create refused for want of the image it then pulls, go. */
export function commandsOf(entries: readonly ActivityEntry[]): ShownCommand[] {
  const out: ShownCommand[] = [];
  for (const entry of entries) {
    const command = commandOf(entry);
    if (command === undefined) continue;
    const previous = out[out.length - 1];
    const soon = previous !== undefined && Date.parse(entry.time) - Date.parse(previous.entry.time) < 5000;
    if (soon && previous.command.startsWith("docker create") && previous.entry.status < 400) {
      if (command.startsWith("docker start ") && entry.method === "POST") {
        const detached = previous.entry.summary.flags.includes("-d");
        const run = previous.command.replace(/^docker create/, `docker run${detached ? " -d" : ""}`);
        out[out.length - 1] = { entry: previous.entry, command: run };
        continue;
      }
    }
    const target = previous?.command.match(/^docker inspect (\S+)$/)?.[1];
    const beforeThis = target !== undefined && command.split(" ").includes(target);
    const missingImage =
      previous?.entry.status === 404 &&
      previous.command.startsWith("docker create") &&
      command.startsWith("docker pull ");
    if (soon && (beforeThis || missingImage)) out.pop();
    out.push({ entry, command });
  }
  return out;
}
