// Classes: made by an instructor (who gets the key, once), joined by learners with the code
// and a display name, closed to new joins, ended (its running sessions paused or stopped
// through the sessions' lifecycle). Every refusal changes nothing. The instructor key is a
// random token stored as its hash and compared in constant time; it is never logged.
import { SlipwayError } from "../errors.ts";
import type { KeyedLearner } from "../learners/learner.ts";
import type { Log } from "../logger.ts";
import { hashMatches, hashToken, newSessionId, newToken } from "../sessions/ids.ts";
import type { Session } from "../sessions/session.ts";
import { type ClassMember, type ClassRecord, isOpen, nameKey } from "./class.ts";
import type { ClassStore } from "./class-store.ts";
import { newJoinCode, normalJoinCode } from "./join-code.ts";
import type { NewClass } from "./new-class.ts";

export interface ClassesDeps {
  readonly store: ClassStore;
  /** Records the learner's class and display name on their identity. */
  readonly enrol: (learnerId: string, classId: string, displayName: string) => void;
  /** Every lab id a class may name, and each track's labs. */
  readonly labIds: () => Promise<ReadonlySet<string>>;
  readonly trackLabs: (track: string) => Promise<readonly string[] | undefined>;
  readonly sessions: () => readonly Session[];
  readonly pause: (id: string, reason: string) => Promise<unknown>;
  readonly stop: (id: string, reason: string) => Promise<unknown>;
  readonly clock: () => number;
  readonly log: Log;
}

export interface EndOutcome {
  readonly paused: string[];
  readonly stopped: string[];
  readonly failed: string[];
}

const FORGED = "invalid class or instructor key";
const WARM_AHEAD_MS = 3_600_000;
const WARM_FOR_MS = 8 * 3_600_000;

export class Classes {
  constructor(private readonly d: ClassesDeps) {}

  async create(input: NewClass): Promise<{ record: ClassRecord; instructorKey: string }> {
    const labs = input.track ? await this.d.trackLabs(input.track) : input.labs;
    if (!labs) throw new SlipwayError("invalid-input", `no track "${input.track}" in labs/tracks.yaml`);
    const known = await this.d.labIds();
    const unknown = labs.filter((l) => !known.has(l));
    if (unknown.length) throw new SlipwayError("invalid-input", `no such lab: ${unknown.join(", ")}`);
    if (!labs.length) throw new SlipwayError("invalid-input", "a class needs at least one lab");
    let joinCode = newJoinCode();
    while (this.d.store.byJoinCode(joinCode)) joinCode = newJoinCode();
    const instructorKey = newToken();
    const { labs: _, track, ...rest } = input;
    const record: ClassRecord = {
      ...rest,
      id: newSessionId(),
      labs: [...new Set(labs)],
      ...(track ? { track } : {}),
      joinCode,
      instructorKeyHash: hashToken(instructorKey),
      createdAt: this.d.clock(),
    };
    this.d.store.put(record);
    return { record, instructorKey };
  }

  /** The class, for the holder of its key. Unknown class and wrong key read the same. */
  instructor(id: string, key: string | undefined): ClassRecord {
    if (key === undefined)
      throw new SlipwayError(
        "unauthorized",
        "this call needs the class's instructor key (Authorization: Bearer <key>)",
      );
    const hash = Buffer.from(hashToken(key), "hex");
    const c = this.d.store.get(id);
    if (!c || !hashMatches(hash, c.instructorKeyHash)) throw new SlipwayError("forbidden", FORGED);
    return c;
  }

  get(id: string): ClassRecord | undefined {
    return this.d.store.get(id);
  }

  members(id: string): ClassMember[] {
    return this.d.store.members(id);
  }

  /** Joining again with the same code is not an error: the learner is where they were.
   *  A browser without an identity gets one from `make`, only once every check passed, so
   *  a refused join leaves nothing behind. */
  join(
    typedCode: string,
    displayName: string,
    who: KeyedLearner | undefined,
    make: () => KeyedLearner,
  ): { record: ClassRecord; member: ClassMember; who: KeyedLearner } {
    const code = normalJoinCode(typedCode);
    const record = code === undefined ? undefined : this.d.store.byJoinCode(code);
    if (!record) throw new SlipwayError("not-found", "no class has this code: check it with your instructor");
    const name = displayName.trim().replace(/\s+/g, " ");
    if (!name || name.length > 60 || /\p{Cc}/u.test(name))
      throw new SlipwayError("invalid-input", "a display name is 1 to 60 printable characters");
    const already = who && this.d.store.members(record.id).find((m) => m.learnerId === who.learner.id);
    if (who && already) {
      this.d.enrol(who.learner.id, record.id, already.displayName);
      return { record, member: already, who };
    }
    if (!isOpen(record, this.d.clock()))
      throw new SlipwayError("conflict", "this class is closed to new learners: ask your instructor");
    const taken = this.d.store.members(record.id);
    if (taken.some((m) => nameKey(m.displayName) === nameKey(name)))
      throw new SlipwayError(
        "conflict",
        `someone in this class is already called "${name}": pick another name`,
      );
    if (taken.length >= record.capacity)
      throw new SlipwayError("capacity", `this class is full (${record.capacity} learners)`);
    const learner = who ?? make();
    const member: ClassMember = {
      classId: record.id,
      learnerId: learner.learner.id,
      displayName: name,
      joinedAt: this.d.clock(),
    };
    // The store checks again in the same transaction as the insert: the seat or the name
    // may have gone meanwhile (a second server process on the same file).
    const refused = this.d.store.addMember(member, record.capacity);
    if (refused === "full")
      throw new SlipwayError("capacity", `this class is full (${record.capacity} learners)`);
    if (refused === "name-taken")
      throw new SlipwayError(
        "conflict",
        `someone in this class is already called "${name}": pick another name`,
      );
    this.d.enrol(learner.learner.id, record.id, name);
    return { record, member, who: learner };
  }

  /** Labs to have sandboxes prepared for: those of open classes from an hour before their
   *  start (their creation, without one) until their end (eight hours on, without one). */
  warmLabs(): string[] {
    const now = this.d.clock();
    return this.d.store.list().flatMap((c) => {
      const start = c.startsAt ?? c.createdAt;
      const soon = start - WARM_AHEAD_MS <= now && now < (c.endsAt ?? start + WARM_FOR_MS);
      return isOpen(c, now) && soon ? c.labs : [];
    });
  }

  /** The class a learner's new session of `lab` belongs to: theirs, if it runs that lab. */
  classFor(classId: string | undefined, lab: string): string | undefined {
    const c = classId === undefined ? undefined : this.d.store.get(classId);
    return c && c.endedAt === undefined && c.labs.includes(lab) ? c.id : undefined;
  }

  close(c: ClassRecord): ClassRecord {
    return this.save({ ...c, closedAt: c.closedAt ?? this.d.clock() });
  }

  announce(c: ClassRecord, text: string): ClassRecord {
    const { announcement: _, ...rest } = c;
    return this.save(
      text.trim() ? { ...rest, announcement: { text: text.trim(), at: this.d.clock() } } : rest,
    );
  }

  /** Closes the class and pauses (or stops) every session of it still running. */
  async end(c: ClassRecord, then: "pause" | "stop"): Promise<EndOutcome> {
    const now = this.d.clock();
    this.save({ ...c, closedAt: c.closedAt ?? now, endedAt: c.endedAt ?? now });
    const out: EndOutcome = { paused: [], stopped: [], failed: [] };
    const mine = this.d.sessions().filter((s) => s.classId === c.id);
    await Promise.all(
      mine.map(async (s) => {
        // Only a ready session can pause; one still queued or starting is stopped. Ending
        // with "stop" stops paused sessions too; ending again finishes what is left.
        if (s.status === "stopped" || s.status === "failed") return;
        if (then === "pause" && (s.status === "paused" || s.status === "pausing")) return;
        const pause = then === "pause" && s.status === "ready";
        try {
          await (pause ? this.d.pause(s.id, "the class ended") : this.d.stop(s.id, "the class ended"));
          (pause ? out.paused : out.stopped).push(s.id);
        } catch (e) {
          this.d.log("warn", "could not end a class session", { id: s.id, error: String(e) });
          out.failed.push(s.id);
        }
      }),
    );
    return out;
  }

  /** Ends (pausing their sessions) the classes whose end time has come; returns how many. */
  async endDue(): Promise<number> {
    const now = this.d.clock();
    const due = this.d.store
      .list()
      .filter((c) => c.endedAt === undefined && c.endsAt !== undefined && c.endsAt <= now);
    for (const c of due) await this.end(c, "pause");
    return due.length;
  }

  private save(c: ClassRecord): ClassRecord {
    this.d.store.put(c);
    return c;
  }
}
