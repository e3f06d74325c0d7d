// Runs a bash script in a session's workstation as the learner would (set -e), and returns
// its output; any failure throws with the exit code and both streams.
import type { TestApp } from "./test-app.ts";

export async function runScript(
  t: TestApp,
  s: { id: string; token: string },
  script: string,
  timeoutMs = 120_000,
): Promise<string> {
  const r = await t.exec(s, `set -e\n${script}`, timeoutMs);
  if (r.exitCode !== 0) throw new Error(`exit ${r.exitCode}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}
