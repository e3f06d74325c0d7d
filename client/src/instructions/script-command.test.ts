import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { isScript, scriptCommand } from "./script-command.ts";

// The command is handed to a real shell here, as the learner's bash would read it.
const run = (command: string): string => execFileSync("bash", ["-c", command], { encoding: "utf8" });

describe("scriptCommand", () => {
  it("runs the script in a shell of its own, quotes and all, leaving the caller's options alone", () => {
    const script = `#!/bin/sh\nset -eu\necho "it's $((1+1))" 'single'\n`;
    const options = 'case $- in *e*|*u*) echo "caller has -e or -u";; *) echo "caller unchanged";; esac';
    expect(run(`${scriptCommand(script)}; ${options}`)).toBe("it's 2 single\ncaller unchanged\n");
  });

  it("stops the script, not the caller, at the first failing command", () => {
    const command = scriptCommand("#!/bin/sh\nset -eu\nfalse\necho not-reached\n");
    expect(run(`${command} || echo "script failed with $?"; echo caller-alive`)).toBe(
      "script failed with 1\ncaller-alive\n",
    );
  });

  it("uses bash when the shebang asks for it", () => {
    expect(scriptCommand("#!/usr/bin/env bash\necho x")).toMatch(/^bash -c /);
    expect(scriptCommand("#!/bin/bash\necho x")).toMatch(/^bash -c /);
    expect(scriptCommand("#!/bin/sh\necho x")).toMatch(/^sh -c /);
    expect(scriptCommand("echo x")).toBe("sh -c 'echo x'");
  });

  it("knows a script by its shebang", () => {
    expect(isScript("#!/bin/sh\nls")).toBe(true);
    expect(isScript("docker ps")).toBe(false);
  });
});
