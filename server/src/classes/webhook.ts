// A class's webhook: where its events are POSTed, and the secret that signs them. The secret
// signs, so it is kept as is (not hashed); it is shown to the instructor once, when set.
export type ClassEventType = "joined" | "session.started" | "step.passed" | "lab.completed" | "session.ended";

export interface ClassWebhook {
  readonly classId: string;
  readonly url: string;
  readonly secret: string;
}

/** What is POSTed (JSON). `id` is the delivery's, the same on every retry of it. */
export interface ClassEvent {
  readonly id: string;
  readonly type: ClassEventType;
  readonly classId: string;
  readonly at: string;
  readonly learner: { readonly id: string; readonly displayName?: string };
  readonly sessionId?: string;
  readonly lab?: string;
  readonly step?: string;
}

export type DeliveryStatus = "pending" | "delivered" | "failed";

/** One event's delivery, as recorded after each attempt. */
export interface Delivery {
  readonly id: string;
  readonly classId: string;
  /** Names what happened once (a step passing is told once, however often checks re-run). */
  readonly key: string;
  readonly event: ClassEvent;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  /** The receiver's last HTTP status, or the error that stopped the attempt. */
  readonly lastResult?: string;
  readonly updatedAt: number;
}
