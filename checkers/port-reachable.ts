// Shared checker: a TCP port answers from inside the workstation (what the learner's own
// curl or nc would see). Use from lab.yaml as
//   { type: script, checker: port-reachable, args: { host: localhost, port: 8080 } }
import type { CheckContext } from "../server/src/checks/check-context.ts";

export async function check(ctx: CheckContext, args: Record<string, unknown>) {
  const host = typeof args.host === "string" ? args.host : "localhost";
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    return { pass: false, errors: [`args.port expected a port number, got ${JSON.stringify(args.port)}`] };
  const r = await ctx.exec(["nc", "-z", "-w", "3", host, String(port)], {
    target: "workstation",
    timeoutMs: 5000,
  });
  return r.exitCode === 0
    ? true
    : { pass: false, errors: [`${host}:${port} expected to accept TCP connections, but it did not`] };
}
