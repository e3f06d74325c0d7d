// Who wants to hear about a session's next call (live checks). Shared by the activity logs:
// a hub keyed by session id, where a failing listener stops no other (the call happened).
import type { AuditEntry } from "../../../common/audit-entry.ts";
import { EventHub } from "../util/event-hub.ts";

export class ActivityListeners extends EventHub<AuditEntry> {}

/** Reads go first when a trail is trimmed, so a `watch docker ps` loop cannot push out the
 *  `docker run` a check is looking for. */
export const isRead = (method: string): boolean => method === "GET" || method === "HEAD";

export const DEFAULT_ACTIVITY_CAP = 5000;
