// Refreshes docs/screenshots/ (shown in the README) from the browser tests, which take them at
// the moments they reach: the catalog, a guided lab mid-way, the lab completed. Run with
// `npm run screenshots`; it runs those tests against the real engine, as `npm test` does.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { loadConfig } from "../server/src/config.ts";

const { repoRoot: root, childEnv } = loadConfig();
const out = resolve(root, "docs/screenshots");
const r = spawnSync("npx", ["vitest", "run", "test/browser/guided-lab-edges.test.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { ...childEnv, SLIPWAY_SCREENSHOTS: out },
});
if (r.status === 0) console.log(`screenshots written to ${out}`);
process.exit(r.status ?? 1);
