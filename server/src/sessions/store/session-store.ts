import type { SandboxRef } from "../sandbox/sandbox-driver.ts";
import type { Session } from "./session.ts";

/** A pre-started sandbox waiting for a learner; its id becomes the session id. */
export interface PooledSandbox {
  readonly id: string;
  readonly ref: SandboxRef;
  readonly createdAt: number;
}

export interface SessionStore {
  get(id: string): Session | undefined;
  list(): Session[];
  put(session: Session): void;
  listPool(): PooledSandbox[];
  putPool(entry: PooledSandbox): void;
  /** Removes and returns the oldest pooled sandbox, atomically. */
  takePool(): PooledSandbox | undefined;
  deletePool(id: string): void;
  close(): void;
}
