// Webhooks and deliveries in memory, for unit tests and throwaway apps.
import type { DeliveryStore } from "./delivery-store.ts";
import type { ClassWebhook, Delivery } from "./webhook.ts";

export class MemoryDeliveryStore implements DeliveryStore {
  private readonly hooks = new Map<string, ClassWebhook>();
  private readonly deliveries = new Map<string, Delivery>();

  webhook = (classId: string) => this.hooks.get(classId);
  setWebhook = (hook: ClassWebhook) => void this.hooks.set(hook.classId, hook);

  add(d: Delivery): boolean {
    if ([...this.deliveries.values()].some((x) => x.classId === d.classId && x.key === d.key)) return false;
    this.deliveries.set(d.id, d);
    return true;
  }

  put = (d: Delivery) => void this.deliveries.set(d.id, d);
  list = (classId: string) => [...this.deliveries.values()].filter((d) => d.classId === classId);
  pending = () => [...this.deliveries.values()].filter((d) => d.status === "pending");
  close(): void {}
}
