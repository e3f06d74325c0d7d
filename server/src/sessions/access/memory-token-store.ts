// Tokens for a process that keeps nothing (unit tests, throwaway apps).
import { randomBytes } from "node:crypto";
import type { TokenRecord, TokenStore } from "./token-store.ts";

export class MemoryTokenStore implements TokenStore {
  private readonly records: TokenRecord[] = [];
  private readonly secrets = new Map<string, Buffer>();

  add(record: TokenRecord): void {
    this.records.push(record);
  }

  list(sessionId: string): TokenRecord[] {
    return this.records.filter((r) => r.sessionId === sessionId);
  }

  remove(sessionId: string, id: string): boolean {
    const i = this.records.findIndex((r) => r.sessionId === sessionId && r.id === id);
    if (i >= 0) this.records.splice(i, 1);
    return i >= 0;
  }

  secret(name: string): Buffer {
    const key = this.secrets.get(name) ?? randomBytes(32);
    this.secrets.set(name, key);
    return key;
  }

  close(): void {}
}
