// One Docker API call a learner made, as the gateway recorded it. Checks (`history`), the
// activity API and the instructor view all read these; none of them sees request bodies.
export interface AuditEntry {
  /** ISO time the call arrived. */
  readonly time: string;
  readonly method: string;
  /** As sent, with the /v1.xx prefix and query string. */
  readonly path: string;
  /** The engine's status, or the gateway's own (403 for a policy denial, 4xx/5xx for bad input). */
  readonly status: number;
  /** What mattered: image, name, and the CLI flags the call implies (e.g. `--memory`, `-p`). */
  readonly summary: {
    readonly image?: string;
    readonly name?: string;
    readonly flags: readonly string[];
    /** Set when the gateway refused the call: the reason the learner was shown. */
    readonly denied?: string;
  };
}
