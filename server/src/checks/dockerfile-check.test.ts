// The dockerfile check: FROM lines read as the builder reads them (continuations, comments,
// stage names, global build arguments), on files of a fake workspace.
import { describe, expect, it } from "vitest";
import { dockerfileCheck } from "./dockerfile-check.ts";
import { fakeCheckContext } from "./fake-check-context.ts";

const ctx = fakeCheckContext({
  files: {
    "pinned/Dockerfile": [
      "# syntax and comments are not instructions",
      "ARG PY=3.11",
      "FROM --platform=linux/amd64 python:${PY} AS build",
      "RUN python build.py",
      "FROM build AS test",
      "FROM busybox:1.36@sha256:0123abcd",
      "FROM localhost:5000/tools:2.1 AS tools",
      "FROM scratch",
      "COPY --from=build /out /www",
    ].join("\n"),
    "floating/Dockerfile": [
      "FROM \\",
      "  python AS build",
      "ARG BASE",
      "FROM busybox:latest",
      "FROM localhost:5000/tools",
      "FROM ${BASE}",
    ].join("\n"),
  },
});

const check = (raw: object) =>
  dockerfileCheck.run(dockerfileCheck.parse({ type: "dockerfile", ...raw }, "t"), ctx);

describe("dockerfile check", () => {
  it("passes when every base names a tag or digest; stages and scratch are not bases", async () => {
    expect((await check({ path: "pinned/Dockerfile", pinnedBases: true })).errors).toEqual([]);
  });

  it("names each floating FROM with its line and why it floats", async () => {
    expect((await check({ path: "floating/Dockerfile", pinnedBases: true })).errors).toEqual([
      "Dockerfile floating/Dockerfile: line 1: python names no tag, so it means python:latest, which moves with every release",
      "Dockerfile floating/Dockerfile: line 4: busybox:latest follows latest, which moves with every release",
      "Dockerfile floating/Dockerfile: line 5: localhost:5000/tools names no tag, so it means localhost:5000/tools:latest, which moves with every release",
      "Dockerfile floating/Dockerfile: line 6: its base comes from the build argument BASE, which has no default",
    ]);
    expect((await check({ path: "floating/Dockerfile", pinnedBases: false })).pass).toBe(true);
    expect((await check({ path: "pinned/Dockerfile", pinnedBases: false })).pass).toBe(false);
  });

  it("fails when the file is missing", async () => {
    expect((await check({ path: "nope/Dockerfile", pinnedBases: true })).errors).toEqual([
      "Dockerfile nope/Dockerfile: expected to exist, but it does not",
    ]);
  });

  it("refuses a path outside the workspace when the lab is loaded", () => {
    expect(() => dockerfileCheck.parse({ type: "dockerfile", path: "../Dockerfile" }, "t")).toThrow(/inside/);
  });
});
