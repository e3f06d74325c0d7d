// npm run bench -- labs (also part of `sessions`): how long each lab in labs/ takes from
// POST /api/sessions to ready (files in place, images pulled, setup done). The first start of
// a lab that pulls images also makes its disk template; the next ones copy it.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadConfig } from "../server/src/config.ts";
import { startTestApp } from "../test/support/test-app.ts";
import { ms, report } from "./stats.ts";

const RUNS = 4;

export async function labStartsBench(): Promise<void> {
  const { labsDir } = loadConfig();
  const labs = readdirSync(labsDir).filter((d) => existsSync(join(labsDir, d, "lab.yaml")));
  console.log(
    "labs: start = POST /api/sessions until ready (files, images, setup); first = makes the disk template",
  );
  const t = await startTestApp({ SLIPWAY_MAX_SESSIONS: "8" });
  try {
    for (const lab of labs) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const s = await t.startSession(lab);
        times.push(performance.now() - t0);
        await t.api("DELETE", `/api/sessions/${s.id}`, undefined, s.token);
      }
      const [first = 0, ...rest] = times;
      console.log(`${report(`${lab}`, rest)}   first ${ms(first)}`);
    }
  } finally {
    await t.close();
  }
}
