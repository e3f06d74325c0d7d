// npm run bench -- <name…>: prints figures; no targets are asserted here or in tests.
import { loadConfig } from "../server/src/config.ts";
import { setupHostFor } from "../server/src/sandbox/create-driver.ts";
import { consoleProgress } from "../server/src/sandbox/docker/setup/progress.ts";
import { checksBench } from "./checks-bench.ts";
import { gatewayBench } from "./gateway-bench.ts";
import { labStartsBench } from "./lab-starts-bench.ts";
import { pauseBench } from "./pause-bench.ts";
import { sessionsBench } from "./sessions-bench.ts";
import { terminalBench } from "./terminal-bench.ts";

const benches: Record<string, () => Promise<void>> = {
  sessions: async () => (await sessionsBench(), await labStartsBench(), await pauseBench()),
  labs: labStartsBench,
  pause: pauseBench,
  terminal: terminalBench,
  checks: checksBench,
  gateway: gatewayBench,
};

const names = process.argv.slice(2);
// The benches run on what `npm start` sets up (engine, images, mirror): set it up the same way.
await setupHostFor(
  loadConfig(),
  consoleProgress((l) => console.log(l)),
);
for (const name of names.length ? names : Object.keys(benches)) {
  const bench = benches[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}": choose from ${Object.keys(benches).join(", ")}`);
    process.exit(2);
  }
  console.log(`\n== ${name}`);
  await bench();
}
process.exit(0);
