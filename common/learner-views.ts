// What the identity API (/api/me…) answers: a learner, their sessions, and where they stand
// in each lab. Shared by the browser client and the server.
import type { SessionView } from "./session-view.ts";

/** GET /api/me */
export interface LearnerView {
  readonly id: string;
  readonly displayName?: string;
  readonly createdAt: string;
}

/** One of the learner's sessions, with how far its lab got (GET /api/me/sessions). */
export interface LearnerSessionView extends SessionView {
  readonly labTitle: string;
  readonly stepsPassed: number;
  readonly stepCount: number;
  /** Every step passed, at this time. */
  readonly completedAt?: string;
}

/** Where the learner stands in one lab (GET /api/me/labs), for the catalog. */
export type LabStanding =
  | { readonly lab: string; readonly standing: "not-started" }
  | {
      readonly lab: string;
      readonly standing: "in-progress";
      readonly session: LearnerSessionView;
    }
  | {
      readonly lab: string;
      readonly standing: "completed";
      readonly completedAt: string;
      /** The session whose report shows it. */
      readonly session: LearnerSessionView;
    };

/** POST /api/me/link: a one-time code that carries this identity to another browser. */
export interface LinkCode {
  readonly code: string;
  readonly expiresAt: string;
}

/** POST /api/me/sessions/:id/token: the session's control token, for this tab only. */
export interface SessionToken {
  readonly token: string;
}
