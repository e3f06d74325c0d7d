// npm run bench -- <name…>: prints figures; no targets are asserted here or in tests.
import { checksBench } from "./checks-bench.ts";
import { classBench } from "./class-bench.ts";
import { gatewayBench } from "./gateway-bench.ts";
import { pauseBench } from "./pause-bench.ts";
import { sessionsBench } from "./sessions-bench.ts";
import { terminalBench } from "./terminal-bench.ts";

const benches: Record<string, () => Promise<void>> = {
  sessions: async () => (await sessionsBench(), await pauseBench()),
  pause: pauseBench,
  terminal: terminalBench,
  checks: checksBench,
  gateway: gatewayBench,
  class: classBench,
};

// Names only: options (`--learners 3`) are each bench's own to read.
const args = process.argv.slice(2);
const names = args.filter((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
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
