// `slipway class` against an in-memory server: create prints the code and key and keeps the
// key (0600) for close and end; bad input is the server's clear message and exit 1.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type MemoryApp, startMemoryApp } from "../memory-app.test-helper.ts";
import { runClassCommand } from "./class-command.ts";

let m: MemoryApp;
const dir = mkdtempSync(join(tmpdir(), "slipway-class-cli-"));
beforeAll(async () => void (m = await startMemoryApp()));
afterAll(async () => (await m.close(), rmSync(dir, { recursive: true, force: true })));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runClassCommand(
    argv,
    { out: (s) => out.push(s), err: (s) => err.push(s) },
    { baseUrl: m.url, keysFile: join(dir, "cli-classes.json") },
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

it("creates a class, then closes and ends it with the key it kept", async () => {
  const made = await run(
    "create",
    "--title",
    "Docker 101",
    "--labs",
    "live-steps",
    "--capacity",
    "3",
    "--no-solutions",
  );
  expect(made.code).toBe(0);
  expect(made.out).toMatch(/join code\s+[A-Z2-9]{4}-[A-Z2-9]{4}/);
  const id = /^class\s+(\S+)/m.exec(made.out)?.[1] ?? "";
  expect(m.app.classes.get(id)).toMatchObject({ capacity: 3, solutionsAllowed: false, hintsAllowed: true });
  expect(statSync(join(dir, "cli-classes.json")).mode & 0o777).toBe(0o600);
  expect(await run("close", id)).toMatchObject({ code: 0, out: `${id}\tclosed` });
  expect((await run("end", id, "--stop")).out).toContain("ended: 0 paused, 0 stopped");
});

it("says what is wrong with bad input", async () => {
  expect(await run("create", "--title", "x", "--labs", "nope")).toMatchObject({
    code: 1,
    err: expect.stringContaining("no such lab: nope"),
  });
  expect(await run("end", "unknown")).toMatchObject({
    code: 1,
    err: expect.stringContaining("no instructor key"),
  });
  expect((await run("frobnicate")).code).toBe(2);
});
