import { expect, it } from "vitest";
import { TokenStore } from "./token-store.ts";

class MemoryStorage implements Pick<Storage, "getItem" | "setItem" | "removeItem"> {
  readonly items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

it("asks the identity for a learner's token once per page, and again after a refusal", async () => {
  const asked: string[] = [];
  let refuse = true;
  const tokens = new TokenStore(
    {
      sessionToken: async (id) => {
        asked.push(id);
        if (refuse) throw new Error("not yours");
        return `token-of-${id}`;
      },
    },
    new MemoryStorage(),
    new MemoryStorage(),
  );
  await expect(tokens.learnerToken("s1")).rejects.toThrow("not yours");
  refuse = false;
  expect(await tokens.learnerToken("s1")).toBe("token-of-s1");
  expect(await tokens.learnerToken("s1")).toBe("token-of-s1");
  expect(asked).toEqual(["s1", "s1"]);
});

it("keeps viewer tokens in the tab, and the terminals a learner had open for every window", () => {
  const tab = new MemoryStorage();
  const everywhere = new MemoryStorage();
  const tokens = new TokenStore({ sessionToken: async () => "t" }, tab, everywhere);
  tokens.saveViewer("s1", "tok");
  expect(tokens.viewer("s1")).toBe("tok");
  expect(tab.items.size).toBe(1);
  expect(tokens.terminals("s1")).toEqual(["term1"]);
  tokens.saveTerminals("s1", ["term1", "term3"]);
  expect(
    new TokenStore({ sessionToken: async () => "t" }, new MemoryStorage(), everywhere).terminals("s1"),
  ).toEqual(["term1", "term3"]);
  everywhere.setItem("slipway.terminals.s2", "{not json");
  expect(tokens.terminals("s2")).toEqual(["term1"]);
  tokens.forget("s1");
  expect(tokens.terminals("s1")).toEqual(["term1"]);
});
