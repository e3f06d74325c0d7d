// A session's credentials as the API hands them out and lists them (browser and server).
// `control` is the token from POST /api/sessions: everything the learner can do. `view`
// reads the terminals, the progress, the report and the activity log, and nothing else.
export type TokenScope = "control" | "view";

/** Scopes a learner may hand out; the control token is never minted again. */
export const MINTABLE_SCOPES: readonly TokenScope[] = ["view"];

/** What POST /api/sessions/:id/tokens answers: the token is shown this once, never again. */
export interface IssuedToken {
  readonly token: string;
  readonly scope: TokenScope;
  readonly id: string;
  readonly label?: string;
  readonly createdAt: string;
}

/** A handed-out token as GET /api/sessions/:id/tokens lists it: no secret in it. */
export interface TokenInfo {
  readonly id: string;
  readonly scope: TokenScope;
  readonly label?: string;
  readonly createdAt: string;
}
