// A refused call, worded for the learner: the flag they typed, then why, on one line (the
// docker CLI prints it after "Error response from daemon: ").
import type { Allowance } from "./allowances.ts";

export interface Denial {
  /** What a lab would have to allow for this call to pass. */
  readonly allowance: Allowance;
  /** The CLI spelling of what was refused, e.g. `--privileged` or `-v /:/host`. */
  readonly what: string;
  readonly why?: string;
}

export function denialMessage(d: Denial): string {
  return `slipway policy: ${d.what} is not allowed in this lab${d.why ? ` (${d.why})` : ""}`;
}
