#!/usr/bin/env node
// The README promises two commands on a fresh clone. This entry makes both work with no
// prior `npm install`: it installs dependencies when they are missing or stale, then hands
// over to the TypeScript entry point for the command.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const [command = "start", ...args] = process.argv.slice(2);

function ensureDependencies() {
  const lock = join(root, "package-lock.json");
  const stamp = join(root, "node_modules", ".slipway-lock-hash");
  const want = createHash("sha256").update(readFileSync(lock)).digest("hex");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === want) return;
  console.log("[slipway] installing npm dependencies (first run, about 2 minutes)…");
  const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) {
    console.error("[slipway] npm ci failed: check that the npm registry is reachable and rerun.");
    process.exit(r.status ?? 1);
  }
  writeFileSync(stamp, want);
}

function run(cmd, argv) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: "inherit" });
  if (r.signal) process.kill(process.pid, r.signal);
  return r.status ?? 1;
}

const tsx = ["--import", "tsx"];
const steps = {
  // The browser client is bundled first (skipped when its sources are unchanged); the
  // server starts only if that succeeded (status 0).
  start: () =>
    run(process.execPath, [...tsx, "scripts/build-client.ts"]) ||
    run(process.execPath, [...tsx, "server/src/main.ts", ...args]),
  cli: () => run(process.execPath, [...tsx, "server/src/cli/main.ts", ...args]),
  bench: () => run(process.execPath, [...tsx, "bench/main.ts", ...args]),
  test: () => {
    for (const [label, cmd, argv] of [
      ["typecheck", "npx", ["tsc", "-p", "tsconfig.json"]],
      ["typecheck client", "npx", ["tsc", "-p", "client/tsconfig.json"]],
      ["lint", "npx", ["eslint", "."]],
      ["format", "npx", ["prettier", "--check", "--log-level=warn", "."]],
    ]) {
      console.log(`[slipway] ${label}`);
      const status = run(cmd, argv);
      if (status !== 0) return status;
    }
    return run("npx", ["vitest", "run", ...args]);
  },
};

if (!steps[command]) {
  console.error(`[slipway] unknown command "${command}": use start, test, bench or cli`);
  process.exit(2);
}
ensureDependencies();
process.exit(steps[command]());
