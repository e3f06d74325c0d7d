// http, exec and file checks: the ones that look through a command or the workspace.
import { describe, expect, it } from "vitest";
import { execCheck } from "./exec-check.ts";
import { fakeCheckContext, ok } from "./fake-check-context.ts";
import { fileCheck } from "./file-check.ts";
import { httpCheck } from "./http-check.ts";

describe("http check", () => {
  const ctx = fakeCheckContext({
    exec: (cmd) =>
      cmd.at(-1) === "http://localhost:8080/"
        ? ok("<h1>Welcome</h1>\n__slipway_status__:200")
        : { exitCode: 7, stdout: "", stderr: "curl: (7) Failed to connect" },
  });
  const run = (raw: object) => httpCheck.run(httpCheck.parse({ type: "http", ...raw }, "t"), ctx);
  it("checks status and body from inside the sandbox", async () => {
    expect((await run({ url: "http://localhost:8080/", body: { contains: "Welcome" } })).pass).toBe(true);
    expect((await run({ url: "http://localhost:8080/", status: 404 })).errors).toEqual([
      "GET http://localhost:8080/: status expected 404, got 200",
    ]);
    expect((await run({ url: "http://localhost:9/" })).errors).toEqual([
      "GET http://localhost:9/: request failed (curl exit 7): curl: (7) Failed to connect",
    ]);
  });
});

describe("exec check", () => {
  const running = { State: { Status: "running" } };
  const ctx = fakeCheckContext({
    engine: { "/containers/web/json": running, "/containers/old/json": { State: { Status: "exited" } } },
    exec: (cmd) =>
      cmd[0] === "docker" && cmd[2] === "web"
        ? ok("nginx version 1.27\n")
        : { exitCode: 1, stdout: "", stderr: "boom" },
  });
  const run = (raw: object) => execCheck.run(execCheck.parse({ type: "exec", ...raw }, "t"), ctx);
  it("runs in a named container through docker exec", async () => {
    const r = await run({
      container: "web",
      command: ["nginx", "-v"],
      stdout: { regex: "version 1\\.\\d+" },
    });
    expect(r.errors).toEqual([]);
  });
  it("never uses the learner's gateway: container execs go to the engine API, docker commands to the engine side", async () => {
    const calls: string[] = [];
    const spy = fakeCheckContext({
      engine: { "/containers/web/json": running },
      exec: (c, o) => (calls.push(`${o?.target ?? "-"}: ${c.join(" ")}`), ok()),
    });
    spy.containerExec = async (name, c) => (calls.push(`exec in ${name}: ${c.join(" ")}`), ok());
    const parse = (raw: object) => execCheck.parse({ type: "exec", ...raw }, "t");
    await execCheck.run(parse({ container: "web", command: "true" }), spy);
    await execCheck.run(parse({ target: "engine", command: "docker logs web" }), spy);
    await execCheck.run(parse({ command: ["ls"] }), spy);
    expect(calls).toEqual(["exec in web: sh -c true", "engine: sh -c docker logs web", "workstation: ls"]);
  });
  it("fails on exit code and output", async () => {
    const r = await run({ command: "cat /etc/motd", stdout: { contains: "hi" } });
    expect(r.errors).toEqual([
      "`cat /etc/motd` in the workstation: exit code expected 0, got 1",
      '`cat /etc/motd` in the workstation: stdout expected to contain "hi", got ""',
      '`cat /etc/motd` in the workstation: stderr: "boom"',
    ]);
  });
  it("writes a command that must fail as such", async () => {
    expect((await run({ command: "cat /nope", exitCode: { not: 0 } })).pass).toBe(true);
    expect((await run({ container: "web", command: "true", exitCode: { not: 0 } })).errors).toEqual([
      "`true` in container web: exit code expected anything but 0, got 0",
    ]);
  });
  it("fails when the container is missing or stopped, even if the command was meant to fail", async () => {
    expect((await run({ container: "gone", command: "true", exitCode: { not: 0 } })).errors).toEqual([
      "`true` in container gone: container gone expected to exist, but there is none",
    ]);
    expect((await run({ container: "old", command: "true", exitCode: 1 })).errors).toEqual([
      "`true` in container old: container old expected to be running, got exited",
    ]);
  });
  it("shows a bounded stderr when it fails", async () => {
    const noisy = fakeCheckContext({ exec: () => ({ exitCode: 2, stdout: "", stderr: "x".repeat(5000) }) });
    const r = await execCheck.run(execCheck.parse({ type: "exec", command: "make" }, "t"), noisy);
    expect(r.errors[1]).toBe(`\`make\` in the workstation: stderr: "${"x".repeat(500)}…"`);
    const quiet = fakeCheckContext({ exec: () => ({ exitCode: 0, stdout: "", stderr: "warning" }) });
    expect(
      (await execCheck.run(execCheck.parse({ type: "exec", command: "make" }, "t"), quiet)).errors,
    ).toEqual([]);
  });
  it("rejects an invalid regex when parsing", () => {
    expect(() => execCheck.parse({ type: "exec", command: "x", stdout: { regex: "(" } }, "t")).toThrow(
      /regular/,
    );
  });
});

describe("file check", () => {
  const ctx = fakeCheckContext({ files: { Dockerfile: "FROM nginx\nUSER app\n" } });
  const run = (raw: object) => fileCheck.run(fileCheck.parse({ type: "file", ...raw }, "t"), ctx);
  it("checks existence and content", async () => {
    expect((await run({ path: "Dockerfile", regex: "^USER \\w+" })).pass).toBe(true);
    expect((await run({ path: "Dockerfile", contains: "HEALTHCHECK" })).errors).toEqual([
      'file Dockerfile: content expected to contain "HEALTHCHECK", got "FROM nginx\\nUSER app\\n"',
    ]);
    expect((await run({ path: "app.py" })).errors).toEqual([
      "file app.py: expected to exist, but it does not",
    ]);
    expect((await run({ path: "Dockerfile", exists: false })).pass).toBe(false);
  });
  it("refuses paths outside the workspace", () => {
    expect(() => fileCheck.parse({ type: "file", path: "../etc/passwd" }, "t")).toThrow(
      /inside the workspace/,
    );
  });
});
