import { describe, expect, it } from "vitest";
import type { ActivityEntry } from "../api/api-types.ts";
import { commandsOf } from "./docker-command.ts";

let second = 0;
/** A call as the gateway records it, a second after the one before. */
function call(method: string, path: string, summary: Partial<ActivityEntry["summary"]> = {}, status = 200) {
  const time = new Date(Date.UTC(2026, 0, 1, 10, 0, second++)).toISOString();
  return { time, method, path, status, summary: { flags: [], ...summary } };
}
const shown = (entries: ActivityEntry[]) => commandsOf(entries).map((c) => c.command);
const ID = "4e7476aeb78a21b705403591ba9a8494e68ecde7f9a700e379cdabe6c8756870";

describe("the learner's calls as the commands they typed", () => {
  it("shows docker run -d as one command, with its plumbing hidden", () => {
    expect(
      shown([
        call("HEAD", "/_ping"),
        call("GET", "/v1.41/info"),
        call(
          "POST",
          "/v1.41/containers/create?name=hello",
          {
            image: "nginx",
            name: "hello",
            flags: ["-d", "--detach", "-p", "--publish"],
          },
          201,
        ),
        call("POST", `/v1.41/containers/${ID}/wait?condition=next-exit`),
        call("POST", `/v1.41/containers/${ID}/start`, {}, 204),
      ]),
    ).toEqual(["docker run -d -p --name hello nginx"]);
  });

  it("shows a run that had to pull first as the pull and the run", () => {
    expect(
      shown([
        call("POST", "/v1.41/containers/create", { image: "busybox", flags: [] }, 404),
        call("POST", "/v1.41/images/create?fromImage=busybox&tag=latest", { image: "busybox:latest" }),
        call("POST", "/v1.41/containers/create", { image: "busybox", flags: [] }, 201),
        call("POST", `/v1.41/containers/${ID}/attach?stream=1&stdout=1`),
        call("POST", `/v1.41/containers/${ID}/start`, {}, 204),
      ]),
    ).toEqual(["docker pull busybox:latest", "docker run busybox"]);
  });

  it("keeps create alone when nothing starts it, and names everyday commands", () => {
    expect(
      shown([
        call("POST", "/v1.41/containers/create?name=later", { image: "busybox", name: "later" }, 201),
        call("GET", "/v1.41/containers/json?all=1"),
        call("GET", "/v1.41/containers/hello/json"),
        call("GET", "/v1.41/containers/hello/logs?stdout=1&stderr=1&follow=1"),
        call("POST", "/v1.41/containers/hello/exec", { name: "hello" }, 201),
        call("POST", "/v1.41/exec/abc/start"),
        call("POST", "/v1.41/containers/hello/stop"),
        call("DELETE", "/v1.41/containers/hello?force=1"),
        call("GET", "/v1.41/images/json"),
        call("POST", "/v1.41/build?t=app%3A1"),
        call("GET", "/v1.41/containers/later/json"),
        call("GET", "/v1.41/version"),
        call("PUT", "/v1.41/something/new"),
      ]),
    ).toEqual([
      "docker create --name later busybox",
      "docker ps -a",
      "docker logs -f hello",
      "docker exec hello",
      "docker stop hello",
      "docker rm -f hello",
      "docker images",
      "docker build -t app:1",
      "docker inspect later",
      "PUT /something/new",
    ]);
  });
});
