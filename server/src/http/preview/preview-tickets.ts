// One-time tickets that open a preview: the API hands one to a control-token holder, the
// browser carries it to the preview host once, and it is traded there for a cookie. A ticket
// is bound to its host, lives a minute and works once, so one seen later (in history, or a
// Referer) is worth nothing. Kept in memory, as hashes: a restart only means asking again.
import { createHash, randomBytes } from "node:crypto";

export const TICKET_TTL_MS = 60_000;

interface Ticket {
  readonly sessionId: string;
  readonly label: string;
  readonly expiresAt: number;
}

const hash = (ticket: string) => createHash("sha256").update(ticket).digest("hex");

export class PreviewTickets {
  private readonly tickets = new Map<string, Ticket>();

  constructor(private readonly clock: () => number) {}

  issue(sessionId: string, label: string): { ticket: string; expiresAt: number } {
    this.prune();
    const ticket = randomBytes(24).toString("base64url");
    const expiresAt = this.clock() + TICKET_TTL_MS;
    this.tickets.set(hash(ticket), { sessionId, label, expiresAt });
    return { ticket, expiresAt };
  }

  /** The session the ticket opens `label` for, and the ticket is spent; undefined if it
   *  is unknown, spent, expired or for another host. */
  redeem(ticket: string, label: string): string | undefined {
    const key = hash(ticket);
    const t = this.tickets.get(key);
    if (!t || t.label !== label) return undefined;
    this.tickets.delete(key);
    return t.expiresAt > this.clock() ? t.sessionId : undefined;
  }

  private prune(): void {
    const now = this.clock();
    for (const [k, t] of this.tickets) if (t.expiresAt <= now) this.tickets.delete(k);
  }
}
