import type { SandboxRef } from "../../sandbox/sandbox-driver.ts";
import type { Session } from "../session.ts";

/** A pre-started sandbox waiting for a learner; its id becomes the session id. */
export interface PooledSandbox {
  readonly id: string;
  readonly ref: SandboxRef;
  readonly createdAt: number;
  /** Prepared for this lab (its files, images and setup done), rendered with its id as the
   *  seed; without one, an empty sandbox any lab without limits of its own may take. */
  readonly lab?: string;
}

/** A stored session that could not be read (written by a newer Slipway, or damaged). It is
 *  reported and left alone: its sandbox is not reaped, its row not overwritten. */
export interface UnreadableRow {
  readonly id: string;
  readonly problem: string;
}

export interface SessionStore {
  /** Throws SlipwayError "unavailable" when the session's record cannot be read. */
  get(id: string): Session | undefined;
  /** Every readable session; the others are in unreadable(). */
  list(): Session[];
  unreadable(): UnreadableRow[];
  put(session: Session): void;
  listPool(): PooledSandbox[];
  putPool(entry: PooledSandbox): void;
  /** Removes and returns the oldest pooled sandbox prepared for this lab (none: an empty
   *  one), atomically. */
  takePool(lab?: string): PooledSandbox | undefined;
  deletePool(id: string): void;
  close(): void;
}
