// Class webhooks and their deliveries in the session database. A delivery's (class, key) is
// unique, so an event is told once however many times it is noticed; rows are read through
// a schema.
import type Database from "better-sqlite3";
import { z } from "zod";
import { openDatabase } from "../util/open-database.ts";
import type { DeliveryStore } from "./delivery-store.ts";
import type { ClassWebhook, Delivery } from "./webhook.ts";

const Hook = z.object({ classId: z.string().min(1), url: z.url(), secret: z.string().min(16) }).strict();
const StoredDelivery = z
  .object({
    id: z.string().min(1),
    classId: z.string().min(1),
    key: z.string().min(1),
    event: z.object({ id: z.string(), type: z.string(), classId: z.string(), at: z.string() }).loose(),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.number().int().nonnegative(),
    lastResult: z.string().optional(),
    updatedAt: z.number().int(),
  })
  .strict();

const read = <T>(schema: z.ZodType<unknown>, data: string, what: string): T => {
  const r = schema.safeParse(JSON.parse(data));
  if (!r.success) throw new Error(`${what} cannot be read: ${z.prettifyError(r.error)}`);
  return r.data as T;
};

export class SqliteDeliveryStore implements DeliveryStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = openDatabase(file);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS class_webhooks (class_id TEXT PRIMARY KEY, data TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS class_deliveries (id TEXT PRIMARY KEY, class_id TEXT NOT NULL, key TEXT NOT NULL,
        status TEXT NOT NULL, data TEXT NOT NULL, UNIQUE (class_id, key));
    `);
  }

  webhook(classId: string): ClassWebhook | undefined {
    const row = this.db.prepare("SELECT data FROM class_webhooks WHERE class_id = ?").get(classId) as
      { data: string } | undefined;
    return row && read<ClassWebhook>(Hook, row.data, `the webhook of class ${classId}`);
  }

  setWebhook(hook: ClassWebhook): void {
    this.db
      .prepare(
        "INSERT INTO class_webhooks (class_id, data) VALUES (?, ?) ON CONFLICT(class_id) DO UPDATE SET data = excluded.data",
      )
      .run(hook.classId, JSON.stringify(Hook.parse(hook)));
  }

  add(d: Delivery): boolean {
    const r = this.db
      .prepare(
        "INSERT OR IGNORE INTO class_deliveries (id, class_id, key, status, data) VALUES (?, ?, ?, ?, ?)",
      )
      .run(d.id, d.classId, d.key, d.status, JSON.stringify(StoredDelivery.parse(d)));
    return r.changes === 1;
  }

  put(d: Delivery): void {
    this.db
      .prepare("UPDATE class_deliveries SET status = ?, data = ? WHERE id = ?")
      .run(d.status, JSON.stringify(StoredDelivery.parse(d)), d.id);
  }

  list(classId: string): Delivery[] {
    const rows = this.db
      .prepare("SELECT data FROM class_deliveries WHERE class_id = ? ORDER BY rowid")
      .all(classId) as {
      data: string;
    }[];
    return rows.map((r) => read<Delivery>(StoredDelivery, r.data, "a webhook delivery"));
  }

  pending(): Delivery[] {
    const rows = this.db
      .prepare("SELECT data FROM class_deliveries WHERE status = 'pending' ORDER BY rowid")
      .all() as {
      data: string;
    }[];
    return rows.map((r) => read<Delivery>(StoredDelivery, r.data, "a webhook delivery"));
  }

  close(): void {
    this.db.close();
  }
}
