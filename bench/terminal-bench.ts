// npm run bench -- terminal: keystroke-to-echo latency and output throughput through
// Slipway's terminal, and the same through WeTTY against the same workstation, in one run.
import { loadConfig } from "../server/src/config.ts";
import { openTerminal } from "../test/support/terminal-client.ts";
import { startTestApp } from "../test/support/test-app.ts";
import { percentile, report } from "./stats.ts";
import { startWetty } from "./wetty-peer.ts";

const KEYSTROKES = 1000;
const FILE_BYTES = 32 * 1024 * 1024;

interface Peer {
  type(data: string): void;
  onData(listener: (data: string) => void): void;
}

async function echoLatency(peer: Peer): Promise<number[]> {
  let waiter: (() => void) | undefined;
  peer.onData(() => waiter?.());
  const samples: number[] = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      waiter = resolve;
      peer.type("x");
    });
    samples.push(performance.now() - t0);
    if (i % 100 === 99) {
      waiter = undefined;
      peer.type("\x15"); // Ctrl-U: clear the line, keep the prompt short
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  waiter = undefined;
  peer.type("\x15");
  return samples;
}

async function throughput(peer: Peer): Promise<number> {
  let seen = "";
  let done: (() => void) | undefined;
  peer.onData((d) => {
    seen = (seen + d).slice(-4096);
    if (seen.includes("END-2")) done?.();
  });
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    done = resolve;
    peer.type("cat big.txt; echo END-$((1+1))\r");
  });
  return FILE_BYTES / 1024 / 1024 / ((performance.now() - t0) / 1000);
}

export async function terminalBench(): Promise<void> {
  const t = await startTestApp();
  const s = await t.startSession();
  await t.exec(s, `head -c ${(FILE_BYTES * 3) / 4} /dev/urandom | base64 -w 100 > big.txt`);
  const term = await openTerminal(t.url, s, { term: "bench" });
  await term.ready();
  const slipway: Peer = {
    type: (d) => term.type(d),
    // Output messages only, as the text a screen would get (not the JSON frame around it).
    onData: (l) =>
      void term.ws.on("message", (m) => {
        const msg = JSON.parse(m.toString()) as { t: string; data?: string };
        if (msg.t === "out" && msg.data) l(msg.data);
      }),
  };
  const sLat = await echoLatency(slipway);
  const sMbps = await throughput(slipway);
  await term.close();

  const wetty = await startWetty(
    loadConfig().stateDir,
    `slipway-${s.id}-ws`,
    3900 + Math.floor(Math.random() * 90),
  );
  await new Promise((r) => setTimeout(r, 1000));
  const wLat = await echoLatency(wetty);
  const wMbps = await throughput(wetty);
  wetty.close();
  await t.close();

  console.log(report("slipway keystroke→echo", sLat), ` p99 ${percentile(sLat, 99).toFixed(2)} ms`);
  console.log(report("wetty   keystroke→echo", wLat), ` p99 ${percentile(wLat, 99).toFixed(2)} ms`);
  console.log(
    `throughput (cat of ${FILE_BYTES / 1048576} MiB): slipway ${sMbps.toFixed(1)} MiB/s, wetty ${wMbps.toFixed(1)} MiB/s`,
  );
  console.log(
    `ratios slipway/wetty: echo p50 ${(percentile(sLat, 50) / percentile(wLat, 50)).toFixed(2)} (lower is better), throughput ${(sMbps / wMbps).toFixed(2)} (higher is better)`,
  );
}
