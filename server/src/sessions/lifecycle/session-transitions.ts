// The one writer of session records. Every status change goes through move(), which checks it
// against the table below, writes it, and then tells the listener (live checks, the event
// stream, terminals); other fields change through patch(), which cannot touch the status.
// Each step is written before the work it names is done, so a crash at any point leaves a
// state the reconciler can finish (see ARCHITECTURE.md, "The lifecycle of a session").
import { SlipwayError } from "../../errors.ts";
import type { Session, SessionBase, SessionIn, SessionStatus } from "../session.ts";
import type { SessionStore } from "../store/session-store.ts";

export const TRANSITIONS: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = {
  queued: ["starting", "stopped", "failed"],
  starting: ["ready", "failed", "stopping"],
  ready: ["pausing", "stopping", "failed"],
  pausing: ["paused", "stopping", "failed"],
  paused: ["resuming", "stopping", "failed"],
  // Back to paused when the sandbox would not come back: the disk is still there.
  resuming: ["ready", "paused", "stopping", "failed"],
  stopping: ["stopped"],
  stopped: [],
  failed: [],
};

export const canMove = (from: SessionStatus, to: SessionStatus): boolean => TRANSITIONS[from].includes(to);

/** What a status adds to the common fields. */
export type StatusFields<S extends SessionStatus> = Omit<SessionIn<S>, keyof SessionBase | "status">;
/** Common fields a move or patch may change; id, token, lab and owner never change. */
export type MutableFields = Partial<Pick<SessionBase, "expiresAt" | "capAt" | "lastActivityAt" | "origin">>;

export class SessionTransitions {
  constructor(
    private readonly store: SessionStore,
    private readonly onMoved: (s: Session) => void,
  ) {}

  /** The session, or undefined when there is none or its record cannot be read. */
  find(id: string): Session | undefined {
    try {
      return this.store.get(id);
    } catch {
      return undefined;
    }
  }

  get(id: string): Session {
    const s = this.store.get(id);
    if (!s) throw new SlipwayError("not-found", `no session "${id}"`);
    return s;
  }

  /** A new session begins queued or starting. */
  create(s: SessionIn<"queued" | "starting">): Session {
    if (this.store.get(s.id)) throw new SlipwayError("conflict", `session ${s.id} exists`);
    this.store.put(s);
    this.onMoved(s);
    return s;
  }

  /** Moves a session to `to`, keeping its common fields; refuses a move the table lacks. */
  move<S extends SessionStatus>(
    id: string,
    to: S,
    fields: StatusFields<S>,
    common: MutableFields = {},
  ): SessionIn<S> {
    const current = this.get(id);
    if (!canMove(current.status, to))
      throw new SlipwayError("conflict", `session ${id} is ${current.status}: it cannot become ${to}`);
    const next = { ...baseOf(current), ...common, status: to, ...fields } as unknown as SessionIn<S>;
    this.store.put(next);
    this.onMoved(next);
    return next;
  }

  patch(id: string, common: MutableFields): Session {
    const next = { ...this.get(id), ...common } as Session;
    this.store.put(next);
    return next;
  }
}

function baseOf(s: Session): SessionBase {
  const b: SessionBase = {
    id: s.id,
    tokenHash: s.tokenHash,
    lab: s.lab,
    createdAt: s.createdAt,
    expiresAt: s.expiresAt,
    capAt: s.capAt,
    clock: s.clock,
    lastActivityAt: s.lastActivityAt,
  };
  return {
    ...b,
    ...(s.owner !== undefined ? { owner: s.owner } : {}),
    ...(s.classId !== undefined ? { classId: s.classId } : {}),
    ...(s.origin !== undefined ? { origin: s.origin } : {}),
    ...(s.attempt !== undefined ? { attempt: s.attempt } : {}),
  };
}
