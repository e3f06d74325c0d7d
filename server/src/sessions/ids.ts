import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

/** Short, DNS- and container-name-safe ids. */
export function newSessionId(): string {
  return [...randomBytes(12)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
}

export const newToken = (): string => randomBytes(32).toString("base64url");

/** Names a handed-out token; drawn apart from the token, so it says nothing about it. */
export const newTokenId = (): string => randomBytes(9).toString("base64url");

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/** Compares a token's hash with a stored one in constant time: a token of any length (or
 *  none) costs the same, and no prefix of a right answer is measurably closer. */
export function hashMatches(tokenHash: Buffer, stored: string): boolean {
  const b = Buffer.from(stored, "hex");
  return tokenHash.length === b.length && timingSafeEqual(tokenHash, b);
}
