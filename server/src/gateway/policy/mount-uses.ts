// Every way a request can make the engine mount a path or a device, read from its fields:
// -v (Binds), --mount (Mounts, also in services), and local volumes whose driver options bind
// a path (`o=bind,device=/…`) or mount a block device. Each carries the CLI spelling.
import { posix } from "node:path";
import { at, entries, list, text } from "./engine-json.ts";

export type MountUse =
  | { readonly kind: "bind"; readonly path: string; readonly what: string }
  | { readonly kind: "device"; readonly device: string; readonly what: string };

/** `-v SRC:DST[:MODE]`: an absolute SRC is a bind (the engine's rule), a name is a volume. */
export function bindsOf(binds: unknown): MountUse[] {
  return list(binds).flatMap((b) => {
    const entry = text(b);
    const parts = entry.split(":");
    const src = parts[0] ?? "";
    return parts.length >= 2 && src.startsWith("/") ? [{ kind: "bind", path: src, what: `-v ${entry}` }] : [];
  });
}

/** `--mount`, for containers and services alike. */
export function mountsOf(mounts: unknown): MountUse[] {
  return list(mounts).flatMap((m): MountUse[] => {
    const type = text(at(m, "type")).toLowerCase();
    const source = text(at(m, "source"));
    if (type === "bind") return [{ kind: "bind", path: source, what: `--mount type=bind,source=${source}` }];
    if (type !== "volume") return [];
    return volumeOptionUses(at(m, "volumeoptions", "driverconfig", "options"), "--mount volume-opt=");
  });
}

// Types whose "device" is not a path on the engine: memory and network filesystems.
const PATHLESS_TYPES = new Set(["tmpfs", "nfs", "nfs4", "cifs", "smb3"]);

/** The local driver's options (`docker volume create -o`, `--mount volume-opt=`). */
export function volumeOptionUses(options: unknown, flag = "--opt "): MountUse[] {
  const opts = new Map(entries(options).map(([k, v]) => [k, text(v)]));
  const device = opts.get("device") ?? "";
  const what = `${flag}device=${device}`;
  // mount(2) resolves a relative device against dockerd's working directory, which is /.
  const isBind = (opts.get("o") ?? "").split(",").some((o) => /^r?bind$/i.test(o.trim()));
  if (isBind) return [{ kind: "bind", path: posix.resolve("/", device), what }];
  if (device === "" || PATHLESS_TYPES.has(opts.get("type") ?? "")) return [];
  return [{ kind: "device", device, what }];
}
