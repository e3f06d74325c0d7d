// Domain errors carry a code; only the http and terminal layers turn codes into statuses.
export type ErrorCode =
  | "not-found"
  | "invalid-input"
  | "invalid-lab"
  | "capacity"
  | "forbidden"
  | "unauthorized"
  | "conflict"
  | "unavailable"
  | "timeout";

export class SlipwayError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "SlipwayError";
  }
}

export const isSlipwayError = (e: unknown): e is SlipwayError => e instanceof SlipwayError;
