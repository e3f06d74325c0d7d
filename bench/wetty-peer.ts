// WeTTY, the peer we compare terminals with: installed on demand into the state directory
// (never a dependency of Slipway), run against the same workstation through
// `docker exec -it`, and driven over its socket.io protocol.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

export interface WettyPeer {
  type(data: string): void;
  onData(listener: (data: string) => void): void;
  close(): void;
}

export async function startWetty(stateDir: string, container: string, port: number): Promise<WettyPeer> {
  const dir = join(stateDir, "bench", "wetty");
  if (!existsSync(join(dir, "node_modules", "wetty"))) {
    console.log("terminal: installing wetty for the comparison (once)…");
    mkdirSync(dir, { recursive: true });
    execFileSync(
      "npm",
      ["install", "--prefix", dir, "--no-audit", "--no-fund", "--loglevel=error", "wetty@3"],
      { stdio: "inherit" },
    );
  }
  const server: ChildProcess = spawn(
    process.execPath,
    [
      join(dir, "node_modules", "wetty", "build", "main.js"),
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      // WeTTY 3's default base "/" puts its socket at "//socket.io"; name it.
      "--base",
      "/wetty",
      "--command",
      `docker exec -it ${container} bash`,
    ],
    { stdio: "ignore" },
  );
  const require = createRequire(join(dir, "node_modules", "wetty", "package.json"));
  // Loaded from WeTTY's own install: socket.io is not a Slipway dependency.
  const { io } = require("socket.io-client") as {
    io(
      url: string,
      opts: object,
    ): {
      on(event: string, l: (d: string) => void): void;
      once(event: string, l: () => void): void;
      emit(event: string, ...args: unknown[]): void;
      close(): void;
    };
  };
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/wetty`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const socket = io(`http://127.0.0.1:${port}`, { path: "/wetty/socket.io", transports: ["websocket"] });
  const listeners: Array<(d: string) => void> = [];
  let consumed = 0;
  socket.on("data", (d: string) => {
    consumed += d.length;
    // WeTTY's own client commits consumed bytes so the server's flow control resumes.
    if (consumed > 128 * 1024) {
      socket.emit("commit", consumed);
      consumed = 0;
    }
    for (const l of listeners) l(d);
  });
  await new Promise<void>((resolve) => socket.once("login", () => resolve()));
  socket.emit("resize", { cols: 120, rows: 40 });
  return {
    type: (d) => void socket.emit("input", d),
    onData: (l) => void listeners.push(l),
    close: () => {
      socket.close();
      server.kill("SIGTERM");
    },
  };
}
