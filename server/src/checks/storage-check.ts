// Where a path inside a container is stored: a named volume, an anonymous volume, a bind
// mount, a tmpfs, or the container's own writable layer. It answers "does this data outlive
// the container?" whatever the volume is called: a named volume or a bind mount survives
// `docker rm`, while an anonymous volume is removed with a `--rm` container and is never
// reused by the next `docker run`. The mount that holds the path is the one whose
// destination is its longest prefix, as in the kernel's mount table.
import { posix } from "node:path";
import { z } from "zod";
import type { CheckContext } from "./check-context.ts";
import { parseSpec, result, type CheckType } from "./check-type.ts";
import { dig, Expect } from "./expect.ts";

const STORAGE_KINDS = ["named-volume", "anonymous-volume", "bind", "tmpfs", "container-layer"] as const;
type Kind = (typeof STORAGE_KINDS)[number];

const schema = z.strictObject({
  type: z.literal("storage"),
  name: z.string().optional(),
  container: z.string().min(1),
  path: z.string().regex(/^\//, "expected an absolute path inside the container, e.g. /data"),
  /** The kinds of storage that pass. */
  on: z.array(z.enum(STORAGE_KINDS)).min(1),
});
export type StorageSpec = z.output<typeof schema>;

interface Mount {
  Type?: string;
  Name?: string;
  Source?: string;
  Destination?: string;
}

/** Docker names an anonymous volume with 64 random hex digits; engines from 23.0 on also
 *  label it, which we read when the name alone does not tell. */
const ANONYMOUS_NAME = /^[0-9a-f]{64}$/;
const ANONYMOUS_LABEL = "com.docker.volume.anonymous";

const trim = (p: string) => posix.normalize(p).replace(/(.)\/$/, "$1");
const covers = (dest: string, path: string) => dest === "/" || path === dest || path.startsWith(`${dest}/`);

async function volumeKind(ctx: CheckContext, name: string): Promise<Kind> {
  if (ANONYMOUS_NAME.test(name)) return "anonymous-volume";
  const res = await ctx.engine("GET", `/volumes/${encodeURIComponent(name)}`);
  const labels = (res.status === 200 ? dig(res.body, "Labels") : undefined) ?? {};
  return ANONYMOUS_LABEL in (labels as object) ? "anonymous-volume" : "named-volume";
}

/** The mount that holds `path`: the deepest one whose destination is a prefix of it. */
function holder(inspect: unknown, path: string): Mount | undefined {
  // `--tmpfs` mounts are listed in HostConfig.Tmpfs, not in Mounts.
  const tmpfs = Object.keys((dig(inspect, "HostConfig.Tmpfs") as object | null) ?? {});
  const mounts: Mount[] = [
    ...((dig(inspect, "Mounts") as Mount[] | null) ?? []),
    ...tmpfs.map((d) => ({ Type: "tmpfs", Destination: d })),
  ];
  return mounts
    .filter((m) => m.Destination && covers(trim(m.Destination), path))
    .sort((a, b) => trim(b.Destination ?? "").length - trim(a.Destination ?? "").length)[0];
}

function where(m: Mount): string {
  const short = m.Name && ANONYMOUS_NAME.test(m.Name) ? `${m.Name.slice(0, 12)}…` : m.Name;
  const what = m.Type === "volume" ? ` ${short}` : m.Type === "bind" ? ` from ${m.Source}` : "";
  return `${what} mounted at ${m.Destination}`;
}

const KIND_TEXT: Record<Kind, string> = {
  "named-volume": "a named volume",
  "anonymous-volume": "an anonymous volume",
  bind: "a bind mount",
  tmpfs: "a tmpfs (memory only)",
  "container-layer": "the container's own writable layer",
};

export const storageCheck: CheckType<StorageSpec> = {
  type: "storage",
  parse: (raw, at) => parseSpec(schema, raw, at),
  async run(s, ctx) {
    const start = performance.now();
    const name = s.name ?? `${s.path} in container ${s.container} is on ${s.on.join(" or ")}`;
    const x = new Expect(`container ${s.container}`);
    const res = await ctx.engine("GET", `/containers/${encodeURIComponent(s.container)}/json`);
    if (res.status === 404) {
      x.fail("expected to exist, but there is no container with that name");
      return result(name, "storage", x.errors, start);
    }
    if (res.status !== 200) throw new Error(`engine answered ${res.status} to inspect`);
    const m = holder(res.body, trim(s.path));
    let kind: Kind = "container-layer";
    if (m?.Type === "volume") kind = await volumeKind(ctx, m.Name ?? "");
    else if (m?.Type === "bind" || m?.Type === "tmpfs") kind = m.Type;
    if (!s.on.includes(kind)) {
      const wanted = s.on.map((k) => KIND_TEXT[k]).join(" or ");
      x.fail(`${s.path} expected on ${wanted}, but it is on ${KIND_TEXT[kind]}${m ? where(m) : ""}`);
    }
    return result(name, "storage", x.errors, start);
  },
};
