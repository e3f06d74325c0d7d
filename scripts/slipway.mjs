#!/usr/bin/env node
// `slipway …` from anywhere in the repo: the CLI entry, run through tsx.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const entry = join(dirname(fileURLToPath(import.meta.url)), "npm-entry.mjs");
const r = spawnSync(process.execPath, [entry, "cli", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(r.status ?? 1);
