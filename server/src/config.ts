// The one place that reads the environment. Everything is validated here, once, at start;
// a bad value stops the process with a message naming the variable and what it accepts.
import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { parseDuration } from "./util/duration.ts";

export interface Config {
  readonly host: string;
  readonly port: number;
  /** Where the CLI finds a running server. */
  readonly url: string;
  readonly stateDir: string;
  /** What every checkout on this host may share because its name says what it holds: the
   *  mirror's storage and the disk templates, keyed by the image recipes' hashes. */
  readonly cacheDir: string;
  /** The session database; its path also names this instance's resources (see labels.ts). */
  readonly dbFile: string;
  readonly instance: string;
  readonly labsDir: string;
  readonly repoRoot: string;
  /** The environment for the tools Slipway runs (docker, apt-get, debootstrap). */
  readonly childEnv: Readonly<Record<string, string | undefined>>;
  readonly logLevel: "debug" | "info" | "warn" | "error";
  readonly driver: "docker";
  readonly docker: {
    readonly host: string | undefined;
    readonly privileged: "auto" | "always" | "never";
    readonly installEngine: boolean;
  };
  readonly mirror: { readonly port: number; readonly upstream: string | undefined };
  /** Learners' web apps get host names under this domain (see http/preview/). */
  readonly preview: {
    readonly domain: string;
    /** Set when previews are reached another way than Slipway (a TLS proxy in front). */
    readonly scheme: "http" | "https" | undefined;
    readonly port: number | undefined;
  };
  readonly sandbox: {
    readonly memoryMiB: number;
    readonly cpus: number;
    readonly pids: number;
    readonly diskGiB: number;
    /** IPv4 range that sandbox networks take a /28 each from. */
    readonly subnet: string;
  };
  readonly sessions: {
    readonly poolSize: number;
    readonly poolMemoryMiB: number;
    readonly poolLabs: readonly string[];
    readonly maxConcurrent: number;
    readonly ttlMs: number;
    readonly maxTtlMs: number;
    readonly idleMs: number;
    /** How long a paused sandbox is kept before it is removed. */
    readonly pausedRetentionMs: number;
    /** What all paused sandboxes together may occupy on the host's disk. */
    readonly pausedDiskGiB: number;
    readonly reconcileMs: number;
  };
  readonly assessments: {
    /** A task's terminal recording (asciicast) stops growing at this size. */
    readonly recordingMaxBytes: number;
  };
  readonly classes: {
    /** Class webhooks may call loopback and private addresses (a receiver on this network). */
    readonly webhookPrivate: boolean;
  };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = "ConfigError";
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env, repoRoot = resolve(import.meta.dirname, "../..")): Config {
  const str = (name: string, fallback: string) => env[name]?.trim() || fallback;
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new ConfigError(name, `expected a whole number from ${min} to ${max}, got "${raw}"`);
    return n;
  };
  const num = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new ConfigError(name, `expected a number from ${min} to ${max}, got "${raw}"`);
    return n;
  };
  const duration = (name: string, fallback: string) => {
    const raw = str(name, fallback);
    const ms = parseDuration(raw);
    if (ms === undefined)
      throw new ConfigError(name, `expected a duration such as 90s, 30m or 2h, got "${raw}"`);
    return ms;
  };
  const oneOf = <T extends string>(name: string, fallback: T, allowed: readonly T[]): T => {
    const raw = str(name, fallback);
    if (!(allowed as readonly string[]).includes(raw))
      throw new ConfigError(name, `expected one of ${allowed.join(", ")}, got "${raw}"`);
    return raw as T;
  };
  /** Comma-separated ids (lab ids): lower-case words joined by dashes. */
  const list = (name: string): readonly string[] => {
    const ids = (env[name] ?? "")
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean);
    const bad = ids.find((x) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(x));
    if (bad !== undefined)
      throw new ConfigError(
        name,
        `expected lab ids separated by commas (e.g. first-container,playground), got "${bad}"`,
      );
    return Object.freeze(ids);
  };
  const bool = (name: string, fallback: boolean) => {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (["1", "true", "yes"].includes(raw)) return true;
    if (["0", "false", "no"].includes(raw)) return false;
    throw new ConfigError(name, `expected true or false, got "${raw}"`);
  };

  const cidr = (name: string, fallback: string) => {
    const raw = str(name, fallback);
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(raw);
    const octets = m?.slice(1, 5).map(Number) ?? [];
    if (!m || octets.some((o) => o > 255) || Number(m[5]) > 24)
      throw new ConfigError(
        name,
        `expected an IPv4 range of /24 or wider, such as 10.90.0.0/16, got "${raw}"`,
      );
    return raw;
  };

  // A domain name (`localhost`, `preview.example.com`), optionally as a URL naming the scheme
  // and port browsers reach previews on (`https://preview.example.com`).
  const previewDomain = (name: string, fallback: string) => {
    const raw = str(name, fallback).toLowerCase();
    const m = /^(?:(https?):\/\/)?([a-z0-9.-]+?)\.?(?::(\d{1,5}))?\/?$/.exec(raw);
    const labels = m?.[2]?.split(".") ?? [];
    const port = m?.[3] ? Number(m[3]) : undefined;
    const ok =
      m &&
      labels.every((l) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(l)) &&
      !/^\d+$/.test(labels.at(-1) ?? "") &&
      (port === undefined || (port >= 1 && port <= 65535));
    if (!ok)
      throw new ConfigError(
        name,
        `expected a domain name such as localhost or preview.example.com, or a URL such as https://preview.example.com, got "${raw}"`,
      );
    return Object.freeze({ domain: labels.join("."), scheme: m[1] as "http" | "https" | undefined, port });
  };

  const ttlMs = duration("SLIPWAY_SESSION_TTL", "2h");
  const maxTtlMs = duration("SLIPWAY_SESSION_MAX_TTL", "8h");
  if (maxTtlMs < ttlMs)
    throw new ConfigError("SLIPWAY_SESSION_MAX_TTL", "must not be shorter than SLIPWAY_SESSION_TTL");
  const upstream = env.SLIPWAY_MIRROR_UPSTREAM?.trim();
  if (upstream && !/^https?:\/\/[^\s]+$/.test(upstream))
    throw new ConfigError("SLIPWAY_MIRROR_UPSTREAM", `expected an http(s) URL, got "${upstream}"`);

  const host = str("SLIPWAY_HOST", "127.0.0.1");
  const port = int("SLIPWAY_PORT", 3000, 0, 65535);
  const stateDir = resolve(repoRoot, str("SLIPWAY_STATE_DIR", ".slipway"));
  const dbFile = resolve(stateDir, str("SLIPWAY_DB", "slipway.db"));
  const userCache = env.XDG_CACHE_HOME?.trim() || join(env.HOME?.trim() || homedir(), ".cache");
  const cacheDir = resolve(repoRoot, str("SLIPWAY_CACHE_DIR", join(userCache, "slipway")));
  return Object.freeze({
    host,
    port,
    url: str("SLIPWAY_URL", `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`),
    stateDir,
    cacheDir,
    dbFile,
    instance: str("SLIPWAY_INSTANCE", createHash("sha256").update(dbFile).digest("hex").slice(0, 12)),
    labsDir: resolve(repoRoot, str("SLIPWAY_LABS_DIR", "labs")),
    repoRoot,
    childEnv: Object.freeze({ ...env }),
    logLevel: oneOf("SLIPWAY_LOG_LEVEL", "info", ["debug", "info", "warn", "error"] as const),
    driver: oneOf("SLIPWAY_DRIVER", "docker", ["docker"] as const),
    docker: Object.freeze({
      host: env.DOCKER_HOST?.trim() || undefined,
      privileged: oneOf("SLIPWAY_PRIVILEGED", "auto", ["auto", "always", "never"] as const),
      installEngine: bool("SLIPWAY_INSTALL_ENGINE", true),
    }),
    mirror: Object.freeze({
      port: int("SLIPWAY_MIRROR_PORT", 5000, 1, 65535),
      upstream: upstream || undefined,
    }),
    preview: previewDomain("SLIPWAY_PREVIEW_DOMAIN", "localhost"),
    sandbox: Object.freeze({
      memoryMiB: int("SLIPWAY_SANDBOX_MEMORY_MIB", 1536, 128, 65536),
      cpus: num("SLIPWAY_SANDBOX_CPUS", 1, 0.1, 64),
      pids: int("SLIPWAY_SANDBOX_PIDS", 1024, 64, 65536),
      diskGiB: num("SLIPWAY_SANDBOX_DISK_GIB", 10, 0, 4096),
      subnet: cidr("SLIPWAY_SANDBOX_SUBNET", "10.90.0.0/16"),
    }),
    sessions: Object.freeze({
      poolSize: int("SLIPWAY_POOL_SIZE", 2, 0, 100),
      poolMemoryMiB: int("SLIPWAY_POOL_MEMORY_MIB", 6144, 0, 1_048_576),
      poolLabs: list("SLIPWAY_POOL_LABS"),
      maxConcurrent: int("SLIPWAY_MAX_SESSIONS", 20, 1, 1000),
      ttlMs,
      maxTtlMs,
      idleMs: duration("SLIPWAY_IDLE_TIMEOUT", "30m"),
      pausedRetentionMs: duration("SLIPWAY_PAUSED_RETENTION", "7d"),
      pausedDiskGiB: num("SLIPWAY_PAUSED_DISK_GIB", 100, 0, 1_000_000),
      reconcileMs: duration("SLIPWAY_RECONCILE_INTERVAL", "30s"),
    }),
    assessments: Object.freeze({
      recordingMaxBytes: int("SLIPWAY_RECORDING_MAX_KIB", 1024, 16, 65536) * 1024,
    }),
    classes: Object.freeze({ webhookPrivate: bool("SLIPWAY_WEBHOOK_PRIVATE", false) }),
  });
}
