// Offline, the engine answers a pull of a name its mirror does not hold with the error of the
// registry it fell back to: "lookup registry-1.docker.io … no such host". That reads like a
// broken network, when the truth is a mistyped name (`docker pull busybx`): say that, and list
// what this sandbox can pull. Only that answer is rewritten; every other one passes as sent.
import type { ApiCall } from "./api-route.ts";

/** The answer to rewrite, given the engine's status and (error) body; undefined to keep it. */
export type ErrorRewrite = (status: number, body: Buffer) => Buffer | undefined;

// Where dockerd went after the mirror said no: Docker Hub, which an offline sandbox cannot resolve.
const HUB_UNREACHABLE = /(registry-1|index)\.docker\.io.*(no such host|dial tcp|i\/o timeout|unreachable)/s;

/** For `POST /images/create?fromImage=<a Docker Hub name>` (docker pull, and docker run's
 *  pull of a missing image): the rewrite, else undefined. `catalog` is undefined when the
 *  mirror pulls through from an upstream: then the engine's answer is the truth. */
export function catalogPullRewrite(
  call: ApiCall,
  image: string | undefined,
  catalog: (() => readonly string[]) | undefined,
): ErrorRewrite | undefined {
  const from = call.query.get("fromImage");
  if (!catalog || call.bare !== "/images/create" || !from || !image || !onDockerHub(from)) return undefined;
  return (status, body) => {
    if (status < 400 || !HUB_UNREACHABLE.test(body.toString("utf8"))) return undefined;
    const message =
      `slipway: "${image}" is not in this sandbox's image catalog, and the sandbox is offline. ` +
      `Images you can pull: ${catalog().join(", ")}`;
    return Buffer.from(JSON.stringify({ message }));
  };
}

/** A reference without a registry host: its first component has no "." or ":" and is not
 *  "localhost" (Docker's rule), or names docker.io. */
function onDockerHub(ref: string): boolean {
  const slash = ref.indexOf("/");
  if (slash < 0) return true;
  const first = ref.slice(0, slash);
  if (first === "docker.io" || first === "index.docker.io") return true;
  return !first.includes(".") && !first.includes(":") && first !== "localhost";
}
