import type { ClassMember, ClassRecord } from "./class.ts";

export interface ClassStore {
  get(id: string): ClassRecord | undefined;
  byJoinCode(code: string): ClassRecord | undefined;
  list(): ClassRecord[];
  put(c: ClassRecord): void;
  members(classId: string): ClassMember[];
  /** Adds a member in one step with the checks that guard it: under capacity, the name free.
   *  Returns what stopped it, or undefined once it is added. */
  addMember(m: ClassMember, capacity: number): "full" | "name-taken" | undefined;
  close(): void;
}
