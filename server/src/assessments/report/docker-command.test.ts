import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../../../../common/audit-entry.ts";
import { timeline } from "./assessment-report.ts";

const call = (
  method: string,
  path: string,
  summary: Partial<AuditEntry["summary"]> = {},
  at = 0,
): AuditEntry => ({
  time: new Date(Date.UTC(2030, 0, 1) + at).toISOString(),
  method,
  path,
  status: 200,
  summary: { flags: [], ...summary },
});

describe("the report's timeline", () => {
  it("shows the candidate's commands and leaves out the CLI's plumbing", () => {
    const entries = [
      call("HEAD", "/_ping"),
      call("GET", "/v1.43/containers/json?all=1", {}, 2000),
      call(
        "POST",
        "/v1.43/containers/create?name=api",
        { name: "api", image: "slipway/api", flags: ["-p", "-d"] },
        5000,
      ),
      call("POST", "/v1.43/containers/api/wait?condition=next-exit", {}, 5100),
      call("POST", "/v1.43/containers/api/start", {}, 5200),
      call("GET", "/v1.43/containers/api/logs?stdout=1", {}, 9000),
      call("POST", "/v1.43/exec/abc/start"),
      {
        ...call(
          "POST",
          "/v1.43/containers/create",
          { flags: ["--privileged"], denied: "--privileged is not allowed" },
          12_000,
        ),
        status: 403,
      },
    ];
    expect(timeline(entries, Date.UTC(2030, 0, 1)).map((e) => [e.t, e.command, e.status])).toEqual([
      [2, "docker ps", 200],
      [5, "docker create --name api -p -d slipway/api", 200],
      [5, "docker start api", 200],
      [9, "docker logs api", 200],
      [12, "docker create --privileged", 403],
    ]);
  });

  it("shows an unknown call as it was made rather than hiding it", () => {
    expect(timeline([call("POST", "/v1.43/swarm/init")], Date.UTC(2030, 0, 1))[0]?.command).toBe(
      "POST /swarm/init",
    );
  });
});
