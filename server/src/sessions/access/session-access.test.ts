import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SlipwayError } from "../../errors.ts";
import { hashToken } from "../ids.ts";
import { MemoryTokenStore } from "./memory-token-store.ts";
import type { Session } from "../session.ts";
import type { KeyedLearner } from "../../learners/learner.ts";
import { controlToken } from "./control-token.ts";
import { SessionAccess } from "./session-access.ts";
import { SqliteTokenStore } from "./sqlite-token-store.ts";
import type { TokenStore } from "./token-store.ts";

const session = (id: string, token: string, status: Session["status"] = "queued"): Session =>
  ({
    id,
    tokenHash: hashToken(token),
    lab: "l",
    createdAt: 0,
    expiresAt: 1,
    lastActivityAt: 0,
    status,
  }) as Session;

function setup(tokens: TokenStore = new MemoryTokenStore()) {
  const sessions = new Map([
    ["a", session("a", "control-a")],
    ["b", session("b", "control-b")],
    ["done", session("done", "control-done", "failed")],
  ]);
  return new SessionAccess({ session: (id) => sessions.get(id), tokens, clock: () => 1_000, maxTokens: 3 });
}

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof SlipwayError ? `${e.code}: ${e.message}` : String(e);
  }
  return "allowed";
};

describe("session access", () => {
  it("gives the session's own token control, and a minted one view only", () => {
    const access = setup();
    expect(access.authorize("a", "control-a", "control")).toEqual({ sessionId: "a", scope: "control" });
    const view = access.mint("a", "view", "for my teacher");
    expect(view).toMatchObject({
      scope: "view",
      label: "for my teacher",
      createdAt: new Date(1000).toISOString(),
    });
    expect(view.token).not.toContain(view.id);
    expect(access.authorize("a", view.token, "view")).toEqual({
      sessionId: "a",
      scope: "view",
      tokenId: view.id,
    });
    expect(refusal(() => access.authorize("a", view.token, "control"))).toBe(
      "forbidden: this token can only view; this call needs the control token",
    );
  });

  it("refuses a wrong, forged, short, empty or other session's token all the same way", () => {
    const access = setup();
    const view = access.mint("a", "view");
    const wrong = refusal(() => access.authorize("a", "not-a-token", "view"));
    expect(wrong).toBe("forbidden: invalid session or token");
    const flipped = view.token.slice(0, -1) + (view.token.endsWith("A") ? "B" : "A");
    for (const token of [
      "",
      "x",
      flipped,
      view.token.slice(0, 20),
      `${view.token} `,
      "control-b",
      hashToken("control-a"),
    ])
      expect(refusal(() => access.authorize("a", token, "view"))).toBe(wrong);
    // a session that does not exist says nothing more
    expect(refusal(() => access.authorize("nope", "control-a", "view"))).toBe(wrong);
    expect(refusal(() => access.authorize("b", view.token, "view"))).toBe(wrong);
    expect(refusal(() => access.authorize("a", undefined, "view"))).toMatch(/^unauthorized: /);
  });

  it("lists what was handed out, without secrets, and revokes at once", () => {
    const access = setup();
    const one = access.mint("a", "view", "one");
    const two = access.mint("a", "view");
    access.mint("b", "view");
    expect(access.list("a").map((t) => t.id)).toEqual([one.id, two.id]);
    expect(JSON.stringify(access.list("a"))).not.toContain(one.token);
    const told: string[] = [];
    access.onRevoked(access.authorize("a", one.token, "view"), () => told.push("one"));
    access.onRevoked(access.authorize("a", two.token, "view"), () => told.push("two"));
    access.revoke("a", one.id);
    expect(told).toEqual(["one"]);
    expect(refusal(() => access.authorize("a", one.token, "view"))).toBe(
      "forbidden: invalid session or token",
    );
    expect(access.authorize("a", two.token, "view").scope).toBe("view");
    expect(refusal(() => access.revoke("b", two.id))).toMatch(/^not-found/); // not b's to revoke
    expect(refusal(() => access.revoke("a", one.id))).toMatch(/^not-found/);
  });

  it("gives the learner a session belongs to control, and their tab its token; nobody else", () => {
    const learner = (id: string, key: string): KeyedLearner => ({
      learner: { id, keyHash: hashToken(key), createdAt: 0 },
      key,
    });
    const ada = learner("ada", "ada-key");
    const bob = learner("bob", "bob-key");
    const minted = controlToken("mine", ada);
    const owned = {
      ...session("mine", "unused", "paused"),
      tokenHash: minted.tokenHash,
      owner: "ada",
    } as Session;
    const api = session("api", "control-api");
    const sessions = new Map([
      ["mine", owned],
      ["api", api],
    ]);
    const access = new SessionAccess({
      session: (id) => sessions.get(id),
      tokens: new MemoryTokenStore(),
      clock: () => 0,
    });
    expect(access.authorize("mine", undefined, "control", ada)).toEqual({
      sessionId: "mine",
      scope: "control",
    });
    expect(access.tokenFor("mine", ada)).toBe(minted.token);
    expect(access.authorize("mine", minted.token, "control")).toEqual({
      sessionId: "mine",
      scope: "control",
    });
    // A view token stays a view token, whoever else is in the room: the cookie does not widen it.
    const view = access.mint("mine", "view");
    expect(refusal(() => access.authorize("mine", view.token, "control", ada))).toMatch(/can only view/);
    // And a revoked one is refused, though the owner's cookie rides along: the token decides.
    access.revoke("mine", view.id);
    expect(refusal(() => access.authorize("mine", view.token, "view", ada))).toBe(
      "forbidden: invalid session or token",
    );
    // Another learner, or a session started with the API (no owner), reads as a wrong token.
    const wrong = "forbidden: invalid session or token";
    expect(refusal(() => access.authorize("mine", undefined, "view", bob))).toBe(wrong);
    expect(refusal(() => access.tokenFor("mine", bob))).toBe(wrong);
    expect(refusal(() => access.authorize("api", undefined, "view", ada))).toBe(wrong);
    expect(refusal(() => access.authorize("gone", undefined, "view", ada))).toBe(wrong);
  });

  it("caps handed-out tokens and mints none for a finished session", () => {
    const access = setup();
    for (let i = 0; i < 3; i++) access.mint("a", "view");
    expect(refusal(() => access.mint("a", "view"))).toMatch(/^conflict: .*revoke one first/);
    expect(refusal(() => access.mint("done", "view"))).toMatch(/^conflict/);
    expect(refusal(() => access.mint("nope", "view"))).toMatch(/^not-found/);
  });

  it("keeps tokens as hashes in SQLite, across a restart, with the same server key", () => {
    const file = join(mkdtempSync(join(tmpdir(), "slipway-tokens-")), "slipway.db");
    const first = new SqliteTokenStore(file);
    const view = setup(first).mint("a", "view", "kept");
    const key = first.secret("preview");
    first.close();
    const second = new SqliteTokenStore(file);
    expect(second.secret("preview").equals(key)).toBe(true);
    expect(second.list("a")[0]).toMatchObject({ id: view.id, hash: hashToken(view.token), label: "kept" });
    expect(JSON.stringify(second.list("a"))).not.toContain(view.token);
    expect(setup(second).authorize("a", view.token, "view").tokenId).toBe(view.id);
    second.close();
  });
});
