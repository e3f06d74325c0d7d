import { Router } from "express";
import type { SandboxDriver } from "../sandbox/sandbox-driver.ts";

export function healthRoute(driver: SandboxDriver, stats: () => object): Router {
  const r = Router();
  r.get("/health", async (_req, res) => {
    const h = await driver.health();
    res
      .status(h.ok ? 200 : 503)
      .json({ status: h.ok ? "ok" : "degraded", driver: driver.name, ...h, ...stats() });
  });
  return r;
}
