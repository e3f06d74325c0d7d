// Where handed-out session tokens are kept: only their SHA-256, never the token itself, so a
// copy of the database opens no session. The session's own control token is on the session
// (Session.tokenHash); this store holds the ones the learner minted, and the server's keys.
import type { TokenScope } from "../../../../common/session-tokens.ts";

export interface TokenRecord {
  /** Names the token in lists and revocation; unrelated to the token's value. */
  readonly id: string;
  readonly sessionId: string;
  readonly scope: TokenScope;
  /** hex SHA-256 of the token. */
  readonly hash: string;
  readonly label?: string;
  readonly createdAt: number;
}

export interface TokenStore {
  add(record: TokenRecord): void;
  /** Oldest first. */
  list(sessionId: string): TokenRecord[];
  /** False when there was no such token. */
  remove(sessionId: string, id: string): boolean;
  /** A random 32-byte key of this name, made on first use and kept from then on (a restart
   *  keeps preview addresses and cookies valid). */
  secret(name: string): Buffer;
  close(): void;
}
