// Classes in memory, for unit tests and throwaway apps. Records go through the same schema
// as SQLite's, so a test catches a record the real store would refuse.
import { type ClassMember, type ClassRecord, nameKey } from "./class.ts";
import { readClass, readMember, writeClass, writeMember } from "./class-schema.ts";
import type { ClassStore } from "./class-store.ts";

export class MemoryClassStore implements ClassStore {
  private readonly rows = new Map<string, string>();
  private readonly memberRows = new Map<string, string[]>();

  get = (id: string): ClassRecord | undefined => {
    const row = this.rows.get(id);
    return row === undefined ? undefined : readClass(row, id);
  };

  byJoinCode = (code: string): ClassRecord | undefined => this.list().find((c) => c.joinCode === code);

  list = (): ClassRecord[] => [...this.rows.entries()].map(([id, row]) => readClass(row, id));

  put(c: ClassRecord): void {
    this.rows.set(c.id, writeClass(c));
  }

  members = (classId: string): ClassMember[] => (this.memberRows.get(classId) ?? []).map(readMember);

  addMember(m: ClassMember, capacity: number): "full" | "name-taken" | undefined {
    const now = this.members(m.classId);
    if (now.some((o) => nameKey(o.displayName) === nameKey(m.displayName))) return "name-taken";
    if (now.length >= capacity) return "full";
    this.memberRows.set(m.classId, [...(this.memberRows.get(m.classId) ?? []), writeMember(m)]);
    return undefined;
  }

  close(): void {}
}
