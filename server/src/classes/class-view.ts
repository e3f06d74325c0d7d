import type { ClassView } from "../../../common/class-views.ts";
import { type ClassRecord, isOpen } from "./class.ts";
import { showJoinCode } from "./join-code.ts";

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

export function toClassView(c: ClassRecord, members: number, now: number): ClassView {
  const at = (k: string, ms: number | undefined) => (ms === undefined ? {} : { [k]: iso(ms) });
  return {
    id: c.id,
    title: c.title,
    labs: c.labs,
    ...(c.track ? { track: c.track } : {}),
    ...at("startsAt", c.startsAt),
    ...at("endsAt", c.endsAt),
    capacity: c.capacity,
    members,
    hintsAllowed: c.hintsAllowed,
    solutionsAllowed: c.solutionsAllowed,
    stuckAfterMs: c.stuckAfterMs,
    joinCode: showJoinCode(c.joinCode),
    joinPath: `/#/join/${showJoinCode(c.joinCode)}`,
    open: isOpen(c, now),
    ...at("closedAt", c.closedAt),
    ...at("endedAt", c.endedAt),
    ...(c.announcement
      ? { announcement: { text: c.announcement.text, at: new Date(c.announcement.at).toISOString() } }
      : {}),
  };
}
