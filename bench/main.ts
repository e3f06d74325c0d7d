// npm run bench -- <name…> [--count N] [--cycles N] [--learners N]: prints figures; no targets
// are asserted here or in tests. --count and --cycles size the pause bench, --learners the
// class bench (a shared machine runs fewer).
import { loadConfig } from "../server/src/config.ts";
import { setupHostFor } from "../server/src/sandbox/create-driver.ts";
import { consoleProgress } from "../server/src/sandbox/docker/setup/progress.ts";
import { checksBench } from "./checks-bench.ts";
import { classBench } from "./class-bench.ts";
import { gatewayBench } from "./gateway-bench.ts";
import { labStartsBench } from "./lab-starts-bench.ts";
import { type PauseBenchOptions, pauseBench } from "./pause-bench.ts";
import { sessionsBench } from "./sessions-bench.ts";
import { terminalBench } from "./terminal-bench.ts";

const args = process.argv.slice(2);
const names: string[] = [];
const options: PauseBenchOptions = {};
for (let i = 0; i < args.length; i++) {
  const [flag = "", inline] = (args[i] as string).split("=", 2);
  if (flag !== "--count" && flag !== "--cycles") {
    // Other options (`--learners 3`) are their bench's own to read, with their values.
    if (!flag.startsWith("--")) names.push(flag);
    else if (inline === undefined) i++;
    continue;
  }
  const value = Number(inline ?? args[++i]);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`${flag} takes a whole number, as in ${flag} 5`);
    process.exit(2);
  }
  options[flag === "--count" ? "count" : "cycles"] = value;
}

const benches: Record<string, () => Promise<void>> = {
  sessions: async () => (await sessionsBench(), await labStartsBench(), await pauseBench(options)),
  labs: labStartsBench,
  pause: () => pauseBench(options),
  terminal: terminalBench,
  checks: checksBench,
  gateway: gatewayBench,
  class: classBench,
};

for (const name of names) {
  if (!benches[name]) {
    console.error(`unknown benchmark "${name}": choose from ${Object.keys(benches).join(", ")}`);
    process.exit(2);
  }
}
// The benches run on what `npm start` sets up (engine, images, mirror): set it up the same way.
await setupHostFor(
  loadConfig(),
  consoleProgress((l) => console.log(l)),
);
for (const name of names.length ? names : Object.keys(benches)) {
  console.log(`\n== ${name}`);
  await benches[name]?.();
}
process.exit(0);
