// Tells a class's webhook what happens in the class: a learner joined, a session started,
// a step passed, a lab was completed, a session ended. Each event is a delivery recorded
// before it is sent (so a restart resumes it), POSTed as JSON and signed with HMAC-SHA256
// over "<timestamp>.<body>" (X-Slipway-Signature: sha256=<hex>, X-Slipway-Timestamp), and
// retried with doubling waits until the receiver answers 2xx or the attempts run out; each
// attempt's result is recorded. An event is told once: its key names what happened.
import { createHmac } from "node:crypto";
import type { LabEvent } from "../../../common/lab-events.ts";
import { SlipwayError } from "../errors.ts";
import type { Log } from "../logger.ts";
import { newSessionId, newToken } from "../sessions/ids.ts";
import type { Session } from "../sessions/session.ts";
import type { DeliveryStore } from "./delivery-store.ts";
import type { ClassEvent, ClassEventType, Delivery } from "./webhook.ts";
import { postWebhook } from "./webhook-post.ts";

export interface WebhookPolicy {
  readonly attempts: number;
  readonly firstRetryMs: number;
  readonly timeoutMs: number;
  /** Receivers on loopback or private networks (webhook-post.ts); off on a public server. */
  readonly allowPrivate: boolean;
}

export const DEFAULT_WEBHOOK_POLICY: WebhookPolicy = {
  attempts: 6,
  firstRetryMs: 2_000,
  timeoutMs: 5_000,
  allowPrivate: false,
};

export interface ClassWebhooksDeps {
  readonly store: DeliveryStore;
  readonly session: (id: string) => Session | undefined;
  readonly displayName: (classId: string, learnerId: string) => string | undefined;
  readonly clock: () => number;
  readonly log: Log;
  readonly policy?: WebhookPolicy;
}

export const signature = (secret: string, timestamp: string, body: string): string =>
  `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;

export class ClassWebhooks {
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;
  private readonly policy: WebhookPolicy;

  constructor(private readonly d: ClassWebhooksDeps) {
    this.policy = d.policy ?? DEFAULT_WEBHOOK_POLICY;
  }

  /** Sets (or replaces) the class's webhook; answers the new signing secret, once. */
  set(classId: string, url: string): { url: string; secret: string } {
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:"))
      throw new SlipwayError("invalid-input", "a webhook URL is an http:// or https:// address");
    const secret = newToken();
    this.d.store.setWebhook({ classId, url: parsed.toString(), secret });
    return { url: parsed.toString(), secret };
  }

  deliveries(classId: string): Delivery[] {
    return this.d.store.list(classId);
  }

  /** A learner joined the class. */
  joined(classId: string, learnerId: string): void {
    this.emit(classId, `joined:${learnerId}`, "joined", learnerId, {});
  }

  /** Any session's lab event: those of class sessions become webhook events. */
  labEvent(sessionId: string, e: LabEvent): void {
    const s = this.d.session(sessionId);
    if (!s?.classId || !s.owner) return;
    const at = { sessionId, lab: s.lab };
    if (e.type === "session" && e.state === "ready")
      this.emit(s.classId, `started:${sessionId}`, "session.started", s.owner, at);
    else if (e.type === "session" && (e.state === "stopped" || e.state === "failed"))
      this.emit(s.classId, `ended:${sessionId}`, "session.ended", s.owner, at);
    else if (e.type === "step" && e.status === "passed")
      this.emit(s.classId, `step:${sessionId}:${e.stepId}`, "step.passed", s.owner, {
        ...at,
        step: e.stepId,
      });
    else if (e.type === "completed")
      this.emit(s.classId, `completed:${sessionId}`, "lab.completed", s.owner, at);
  }

  /** At boot: deliveries a stop interrupted are sent again. */
  resume(): void {
    for (const d of this.d.store.pending()) this.schedule(d, 0);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
  }

  private emit(
    classId: string,
    key: string,
    type: ClassEventType,
    learnerId: string,
    extra: Pick<ClassEvent, "sessionId" | "lab" | "step">,
  ): void {
    if (!this.d.store.webhook(classId)) return;
    const id = newSessionId();
    const name = this.d.displayName(classId, learnerId);
    const event: ClassEvent = {
      id,
      type,
      classId,
      at: new Date(this.d.clock()).toISOString(),
      learner: { id: learnerId, ...(name ? { displayName: name } : {}) },
      ...extra,
    };
    const d: Delivery = {
      id,
      classId,
      key,
      event,
      status: "pending",
      attempts: 0,
      updatedAt: this.d.clock(),
    };
    if (this.d.store.add(d)) this.schedule(d, 0);
  }

  private schedule(d: Delivery, ms: number): void {
    if (this.closed) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      void this.attempt(d);
    }, ms);
    this.timers.add(t);
  }

  private async attempt(d: Delivery): Promise<void> {
    const hook = this.d.store.webhook(d.classId);
    if (!hook) return;
    const body = JSON.stringify(d.event);
    const timestamp = String(Math.floor(this.d.clock() / 1000));
    let result: string;
    let ok = false;
    try {
      const res = await postWebhook(hook.url, {
        headers: {
          "content-type": "application/json",
          "user-agent": "Slipway-Webhook",
          "x-slipway-event": d.event.type,
          "x-slipway-delivery": d.id,
          "x-slipway-timestamp": timestamp,
          "x-slipway-signature": signature(hook.secret, timestamp, body),
        },
        body,
        timeoutMs: this.policy.timeoutMs,
        allowPrivate: this.policy.allowPrivate,
      });
      ok = res.status >= 200 && res.status < 300;
      result = `HTTP ${res.status}`;
    } catch (e) {
      result = (e as Error).name === "TimeoutError" ? "timed out" : `not reached (${(e as Error).message})`;
    }
    const attempts = d.attempts + 1;
    const status = ok ? "delivered" : attempts >= this.policy.attempts ? "failed" : "pending";
    const next: Delivery = { ...d, attempts, status, lastResult: result, updatedAt: this.d.clock() };
    this.d.store.put(next);
    if (status === "pending") this.schedule(next, this.policy.firstRetryMs * 2 ** (attempts - 1));
    else if (status === "failed")
      this.d.log("warn", "webhook delivery failed", { classId: d.classId, id: d.id, result });
  }
}
