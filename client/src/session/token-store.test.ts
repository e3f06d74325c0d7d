import { expect, it } from "vitest";
import { TokenStore } from "./token-store.ts";

class MemoryStorage implements Pick<Storage, "getItem" | "setItem" | "removeItem"> {
  readonly items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

it("keeps learner and viewer tokens apart, and the terminals a learner had open", () => {
  const storage = new MemoryStorage();
  const tokens = new TokenStore(storage as unknown as Storage);
  tokens.save("viewer", "s1", "tok");
  expect(tokens.load("learner", "s1")).toBeUndefined();
  expect(tokens.load("viewer", "s1")).toBe("tok");
  expect(tokens.terminals("s1")).toEqual(["term1"]);
  tokens.saveTerminals("s1", ["term1", "term3"]);
  expect(tokens.terminals("s1")).toEqual(["term1", "term3"]);
  storage.setItem("slipway.terminals.s2", "{not json");
  expect(tokens.terminals("s2")).toEqual(["term1"]);
  tokens.save("learner", "s1", "t2");
  tokens.forget("learner", "s1");
  expect(tokens.load("learner", "s1")).toBeUndefined();
  expect(tokens.terminals("s1")).toEqual(["term1"]);
});
