// A learner's identity: no password yet, only a random key the browser keeps in a long-lived
// httpOnly cookie. The server stores the key's hash; the id (not secret) is what sessions
// and progress belong to.
export interface Learner {
  readonly id: string;
  readonly keyHash: string;
  readonly displayName?: string;
  readonly createdAt: number;
  /** The class the learner last joined with a code (classes/). */
  readonly classId?: string;
}

/** A learner proven by their key, as a request carrying the cookie is. */
export interface KeyedLearner {
  readonly learner: Learner;
  readonly key: string;
}

/** A one-time code that carries the key to another browser. The key is sealed with the code,
 *  which is never stored: the table alone gives nothing away. */
export interface LinkRecord {
  readonly codeHash: string;
  readonly learnerId: string;
  /** AES-256-GCM of the key under a key derived from the code: salt, iv, tag, data (hex). */
  readonly sealedKey: string;
  readonly expiresAt: number;
}
