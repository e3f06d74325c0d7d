import type { ClassWebhook, Delivery } from "./webhook.ts";

export interface DeliveryStore {
  webhook(classId: string): ClassWebhook | undefined;
  setWebhook(hook: ClassWebhook): void;
  /** Adds it unless a delivery with its key exists for the class; true when added. */
  add(d: Delivery): boolean;
  put(d: Delivery): void;
  list(classId: string): Delivery[];
  /** Deliveries not finished (a restart resumes them). */
  pending(): Delivery[];
  close(): void;
}
