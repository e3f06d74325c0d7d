// A stored session is read through this schema, never cast: a row that does not fit is
// migrated (an older version) or reported (newer, or damaged), never half-read. Every
// record carries `schemaVersion`; raising it means adding a step to `migrate`.
import { z } from "zod";
import type { Session } from "../session.ts";

export const SESSION_SCHEMA_VERSION = 3;

const ref = z.object({ id: z.string(), engine: z.string(), workstation: z.string() }).strict();
const ms = z.number().int().nonnegative();

const base = {
  schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
  id: z.string().min(1),
  tokenHash: z.string(),
  lab: z.string().min(1),
  createdAt: ms,
  expiresAt: ms,
  capAt: ms,
  clock: z.enum(["wall", "running"]),
  lastActivityAt: ms,
  owner: z.string().optional(),
  classId: z.string().optional(),
  origin: z.enum(["prepared", "pool", "fresh"]).optional(),
  attempt: z
    .object({ id: z.string().min(1), task: z.number().int().nonnegative() })
    .strict()
    .optional(),
};
const kept = { sandbox: ref, readyAt: ms };
const paused = { ...kept, pausedAt: ms, reason: z.string() };

const StoredSession = z.discriminatedUnion("status", [
  z.object({ ...base, status: z.literal("queued") }).strict(),
  z.object({ ...base, status: z.literal("starting") }).strict(),
  z.object({ ...base, status: z.literal("ready"), ...kept }).strict(),
  z.object({ ...base, status: z.literal("pausing"), ...kept, reason: z.string() }).strict(),
  z.object({ ...base, status: z.literal("paused"), ...paused }).strict(),
  z.object({ ...base, status: z.literal("resuming"), ...paused }).strict(),
  z.object({ ...base, status: z.literal("stopping"), sandbox: ref.optional(), reason: z.string() }).strict(),
  z.object({ ...base, status: z.literal("stopped"), stoppedAt: ms, reason: z.string() }).strict(),
  z.object({ ...base, status: z.literal("failed"), reason: z.string() }).strict(),
]);

/** What an older record lacks and only the configuration knows. */
export interface MigrationDefaults {
  /** Version 1 had no cap of its own: it was createdAt + SLIPWAY_SESSION_MAX_TTL. */
  readonly maxTtlMs: number;
}

export class UnreadableSession extends Error {}

/** The session in a stored JSON document, migrated to the current version. */
export function readSession(json: string, defaults: MigrationDefaults): Session {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new UnreadableSession("its record is not JSON");
  }
  const r = StoredSession.safeParse(migrate(raw, defaults));
  if (!r.success) throw new UnreadableSession(z.prettifyError(r.error).replace(/\n\s*/g, " "));
  const { schemaVersion: _, ...session } = r.data;
  return session as Session;
}

export function writeSession(s: Session): string {
  const doc = { schemaVersion: SESSION_SCHEMA_VERSION, ...s };
  // Checked on the way in too: a bug that builds a bad record fails here, not at the next boot.
  const r = StoredSession.safeParse(doc);
  if (!r.success) throw new Error(`refusing to store session ${s.id}: ${z.prettifyError(r.error)}`);
  return JSON.stringify(doc);
}

function migrate(raw: unknown, d: MigrationDefaults): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  const doc = raw as Record<string, unknown>;
  const version = doc.schemaVersion ?? 1;
  if (typeof version === "number" && version > SESSION_SCHEMA_VERSION)
    throw new UnreadableSession(`it was written by a newer Slipway (schema version ${version})`);
  if (version === 2) return { ...doc, schemaVersion: 3 }; // version 3 added the optional `attempt`
  if (version === 1) {
    // Version 1: no pause, no cap, no clock; "stopping" had no reason.
    const createdAt = typeof doc.createdAt === "number" ? doc.createdAt : 0;
    return {
      ...doc,
      schemaVersion: 3,
      capAt: Math.max(Number(doc.expiresAt) || 0, createdAt + d.maxTtlMs),
      clock: "running",
      ...(doc.status === "stopping" && doc.reason === undefined ? { reason: "stopped on request" } : {}),
    };
  }
  return doc;
}
