import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("gives working defaults with an empty environment", () => {
    const c = loadConfig({}, "/repo");
    expect(c.port).toBe(3000);
    expect(c.host).toBe("127.0.0.1");
    expect(c.stateDir).toBe("/repo/.slipway");
    expect(c.cacheDir).toMatch(/\/\.cache\/slipway$/);
    expect(loadConfig({ HOME: "/home/ada" }, "/repo").cacheDir).toBe("/home/ada/.cache/slipway");
    expect(loadConfig({ XDG_CACHE_HOME: "/var/cache/ada" }, "/repo").cacheDir).toBe("/var/cache/ada/slipway");
    expect(loadConfig({ SLIPWAY_CACHE_DIR: "cache" }, "/repo").cacheDir).toBe("/repo/cache");
    expect(c.sessions.ttlMs).toBe(2 * 3_600_000);
    expect(c.sessions.pausedRetentionMs).toBe(7 * 86_400_000);
    expect(c.sessions.pausedDiskGiB).toBe(100);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it.each([
    ["SLIPWAY_PORT", "http", /SLIPWAY_PORT: expected a whole number/],
    ["SLIPWAY_PORT", "70000", /SLIPWAY_PORT/],
    ["SLIPWAY_DRIVER", "kubernetes", /SLIPWAY_DRIVER: expected one of docker, got "kubernetes"/],
    ["SLIPWAY_SESSION_TTL", "soon", /SLIPWAY_SESSION_TTL: expected a duration/],
    ["SLIPWAY_PRIVILEGED", "maybe", /SLIPWAY_PRIVILEGED/],
    ["SLIPWAY_MIRROR_UPSTREAM", "not a url", /SLIPWAY_MIRROR_UPSTREAM/],
    ["SLIPWAY_SANDBOX_DISK_GIB", "lots", /SLIPWAY_SANDBOX_DISK_GIB: expected a number/],
    ["SLIPWAY_SANDBOX_SUBNET", "10.90.0.0/30", /SLIPWAY_SANDBOX_SUBNET: expected an IPv4 range/],
    ["SLIPWAY_SANDBOX_SUBNET", "10.300.0.0/16", /SLIPWAY_SANDBOX_SUBNET/],
    ["SLIPWAY_PAUSED_RETENTION", "a week", /SLIPWAY_PAUSED_RETENTION: expected a duration/],
    ["SLIPWAY_PAUSED_DISK_GIB", "-1", /SLIPWAY_PAUSED_DISK_GIB: expected a number/],
    ["SLIPWAY_PREVIEW_DOMAIN", "127.0.0.1", /SLIPWAY_PREVIEW_DOMAIN: expected a domain name/],
    ["SLIPWAY_PREVIEW_DOMAIN", "ftp://preview.example.com", /SLIPWAY_PREVIEW_DOMAIN/],
    ["SLIPWAY_PREVIEW_DOMAIN", "preview.example.com/apps", /SLIPWAY_PREVIEW_DOMAIN/],
    ["SLIPWAY_PREVIEW_DOMAIN", "bad_label.example.com", /SLIPWAY_PREVIEW_DOMAIN/],
  ])("rejects %s=%s naming the variable", (name, value, message) => {
    expect(() => loadConfig({ [name]: value }, "/repo")).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value }, "/repo")).toThrow(message);
  });

  it("takes a preview domain, or a URL naming how browsers reach it", () => {
    expect(loadConfig({}, "/repo").preview).toEqual({
      domain: "localhost",
      scheme: undefined,
      port: undefined,
    });
    expect(loadConfig({ SLIPWAY_PREVIEW_DOMAIN: "https://Preview.Example.com/" }, "/repo").preview).toEqual({
      domain: "preview.example.com",
      scheme: "https",
      port: undefined,
    });
    expect(loadConfig({ SLIPWAY_PREVIEW_DOMAIN: "apps.test:8443" }, "/repo").preview).toMatchObject({
      domain: "apps.test",
      port: 8443,
    });
  });

  it("parses durations with units", () => {
    const c = loadConfig({ SLIPWAY_SESSION_TTL: "1h30m", SLIPWAY_IDLE_TIMEOUT: "90s" }, "/repo");
    expect(c.sessions.ttlMs).toBe(90 * 60_000);
    expect(c.sessions.idleMs).toBe(90_000);
  });
});
