// A class: an instructor's run of some labs with a group of learners. Learners join with a
// short code and a display name; the instructor acts with a key only they hold (its hash
// is stored). Closing stops new joins; ending also pauses or stops the class's sessions.
export interface ClassRecord {
  readonly id: string;
  readonly title: string;
  /** In the order to take them (a track's, when the class was made from one). */
  readonly labs: readonly string[];
  readonly track?: string;
  readonly startsAt?: number;
  readonly endsAt?: number;
  readonly capacity: number;
  readonly hintsAllowed: boolean;
  readonly solutionsAllowed: boolean;
  /** No passed step for this long while active flags a learner as stuck. */
  readonly stuckAfterMs: number;
  /** Shown to learners; not secret. Stored upper-case without its dash. */
  readonly joinCode: string;
  readonly instructorKeyHash: string;
  readonly createdAt: number;
  readonly closedAt?: number;
  readonly endedAt?: number;
  readonly announcement?: { readonly text: string; readonly at: number };
}

/** A learner in a class, under the display name they joined with (unique in the class). */
export interface ClassMember {
  readonly classId: string;
  readonly learnerId: string;
  readonly displayName: string;
  readonly joinedAt: number;
}

/** Joins refused from this moment: closed, ended, or past its end time. */
export const isOpen = (c: ClassRecord, now: number): boolean =>
  c.closedAt === undefined && c.endedAt === undefined && (c.endsAt === undefined || now < c.endsAt);

/** Display names compare case- and space-insensitively: "Ada" and " ada " are one learner. */
export const nameKey = (name: string): string => name.trim().replace(/\s+/g, " ").toLowerCase();
