import { describe, expect, it } from "vitest";
import { PREVIEW_COOKIE, PreviewCookie, withoutCookie } from "./preview-cookie.ts";
import { localPath } from "./preview-server.ts";
import { PreviewTickets, TICKET_TTL_MS } from "./preview-tickets.ts";

describe("preview tickets", () => {
  it("open their own host once, within a minute", () => {
    let now = 1_000;
    const tickets = new PreviewTickets(() => now);
    const { ticket, expiresAt } = tickets.issue("s1", "p8080-abc");
    expect(expiresAt).toBe(1_000 + TICKET_TTL_MS);
    expect(tickets.redeem(ticket, "p8081-abc")).toBeUndefined(); // another host
    expect(tickets.redeem(ticket, "p8080-abc")).toBe("s1");
    expect(tickets.redeem(ticket, "p8080-abc")).toBeUndefined(); // spent
    const late = tickets.issue("s1", "p8080-abc").ticket;
    now += TICKET_TTL_MS;
    expect(tickets.redeem(late, "p8080-abc")).toBeUndefined();
    expect(tickets.redeem("", "p8080-abc")).toBeUndefined();
  });
});

describe("the preview cookie", () => {
  const cookie = new PreviewCookie(Buffer.alloc(32, 1), false);
  const value = (header: string) => header.split(";")[0] as string;

  it("is httpOnly, and valid only on its host until it expires", () => {
    const header = cookie.header("p8080-abc", 61_000, 1_000);
    expect(header).toMatch(
      new RegExp(`^${PREVIEW_COOKIE}=61000\\.[\\w-]+; Path=/; Max-Age=60; HttpOnly; SameSite=Lax$`),
    );
    expect(new PreviewCookie(Buffer.alloc(32, 1), true).header("p8080-abc", 61_000, 1_000)).toMatch(
      /; Secure$/,
    );
    const sent = `theme=dark; ${value(header)}`;
    expect(cookie.valid("p8080-abc", sent, 60_999)).toBe(true);
    expect(cookie.valid("p8080-abc", sent, 61_000)).toBe(false);
    expect(cookie.valid("p8081-abc", sent, 2_000)).toBe(false);
    expect(cookie.valid("p8080-abc", value(header).replace("61000.", "99000."), 2_000)).toBe(false);
    expect(new PreviewCookie(Buffer.alloc(32, 2), false).valid("p8080-abc", sent, 2_000)).toBe(false);
    expect(cookie.valid("p8080-abc", `${PREVIEW_COOKIE}=junk; ${value(header)}`, 2_000)).toBe(true);
    for (const bad of [undefined, "", `${PREVIEW_COOKIE}=`, `${PREVIEW_COOKIE}=1.2.3`])
      expect(cookie.valid("p8080-abc", bad, 0)).toBe(false);
  });

  it("is taken out of what the app is sent, leaving the app's own", () => {
    expect(withoutCookie(`a=1; ${PREVIEW_COOKIE}=x.y; b=2`, PREVIEW_COOKIE)).toBe("a=1; b=2");
    expect(withoutCookie(`${PREVIEW_COOKIE}=x.y`, PREVIEW_COOKIE)).toBeUndefined();
    expect(withoutCookie(`my_${PREVIEW_COOKIE}=1`, PREVIEW_COOKIE)).toBe(`my_${PREVIEW_COOKIE}=1`);
  });
});

it("sends the browser on only to a path of the preview host", () => {
  expect(localPath("/index.html?x=1#top")).toBe("/index.html?x=1#top");
  for (const to of [
    null,
    "",
    "//evil.example/",
    "/\\evil.example",
    "https://evil.example",
    "index.html",
    "/a\r\nSet-Cookie: x=1",
  ])
    expect(localPath(to), String(to)).toBe("/");
});
