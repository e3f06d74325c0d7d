// Learner identities: made the first time a browser starts anything, found again by the key in
// its cookie, and carried to another browser with a one-time code. The code seals the key
// (AES-256-GCM under a key derived from the code with scrypt) and only its hash is stored,
// so the stored link alone yields nothing; claiming it deletes it.
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from "node:crypto";
import { SlipwayError } from "../errors.ts";
import { hashToken, newSessionId, newToken } from "../sessions/ids.ts";
import type { KeyedLearner, Learner } from "./learner.ts";
import type { LearnerStore } from "./learner-store.ts";

export const LINK_TTL_MS = 10 * 60_000;
const CODE_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
const CODE_LENGTH = 12;
const MAX_NAME = 60;

export interface LearnersDeps {
  readonly store: LearnerStore;
  readonly clock: () => number;
}

export class Learners {
  constructor(private readonly d: LearnersDeps) {}

  create(): KeyedLearner {
    const key = newToken();
    const learner: Learner = { id: newSessionId(), keyHash: hashToken(key), createdAt: this.d.clock() };
    this.d.store.put(learner);
    return { learner, key };
  }

  /** The learner whose key this is; undefined for an unknown or malformed key. */
  identify(key: string | undefined): KeyedLearner | undefined {
    if (!key || key.length > 200) return undefined;
    const learner = this.d.store.byKeyHash(hashToken(key));
    return learner ? { learner, key } : undefined;
  }

  rename(id: string, displayName: string): Learner {
    const learner = this.d.store.get(id);
    if (!learner) throw new SlipwayError("not-found", "no such learner");
    const name = displayName.trim().replace(/\s+/g, " ");
    if (name.length > MAX_NAME || /[\p{Cc}]/u.test(name))
      throw new SlipwayError("invalid-input", `a display name is at most ${MAX_NAME} printable characters`);
    const { displayName: _, ...rest } = learner;
    const next: Learner = name ? { ...rest, displayName: name } : rest;
    this.d.store.put(next);
    return next;
  }

  /** The learner joined a class: their sessions of its labs belong to it from now on. */
  enrol(id: string, classId: string, displayName: string): void {
    const learner = this.d.store.get(id);
    if (!learner) throw new SlipwayError("not-found", "no such learner");
    this.d.store.put({ ...learner, classId, displayName });
  }

  /** A code that lets another browser become this learner, once, for LINK_TTL_MS. */
  linkCode(who: KeyedLearner): { code: string; expiresAt: number } {
    const now = this.d.clock();
    this.d.store.pruneLinks(now);
    const code = [...randomBytes(CODE_LENGTH)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
    const expiresAt = now + LINK_TTL_MS;
    this.d.store.putLink({
      codeHash: hashToken(code),
      learnerId: who.learner.id,
      sealedKey: seal(who.key, code),
      expiresAt,
    });
    return { code: `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`, expiresAt };
  }

  /** The learner (and key) a code carries; the code is spent either way. */
  claim(typed: string): KeyedLearner {
    const code = typed.toLowerCase().replace(/[^a-z0-9]/g, "");
    const invalid = new SlipwayError("forbidden", "this code is unknown, used or expired: make a new one");
    if (code.length !== CODE_LENGTH) throw invalid;
    const link = this.d.store.takeLink(hashToken(code));
    if (!link || link.expiresAt < this.d.clock()) throw invalid;
    const who = this.identify(unseal(link.sealedKey, code));
    if (!who || who.learner.id !== link.learnerId) throw invalid;
    return who;
  }
}

function seal(secret: string, code: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", scryptSync(code, salt, 32), iv);
  const data = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [salt, iv, cipher.getAuthTag(), data].map((b) => b.toString("hex")).join(".");
}

function unseal(sealed: string, code: string): string | undefined {
  try {
    const [salt, iv, tag, data] = sealed.split(".").map((h) => Buffer.from(h, "hex"));
    if (!salt || !iv || !tag || !data) return undefined;
    const decipher = createDecipheriv("aes-256-gcm", scryptSync(code, salt, 32), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}
