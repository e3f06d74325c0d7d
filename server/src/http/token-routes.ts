// The tokens a learner hands out (a viewer link for an instructor): mint, list, revoke. All
// need the control token; a revoked token fails at once, open streams and sockets included.
import { z } from "zod";
import { MINTABLE_SCOPES } from "../../../common/session-tokens.ts";
import type { SessionAccess } from "../sessions/access/session-access.ts";
import type { SessionRouter } from "./session-router.ts";
import { parseBody } from "./session-routes.ts";

const MintBody = z.object({
  scope: z.enum(MINTABLE_SCOPES as ["view"], {
    message: `scope: one of ${MINTABLE_SCOPES.join(", ")} (the control token is only the one POST /api/sessions gave)`,
  }),
  label: z.string().trim().max(80).optional(),
});

export function tokenRoutes(r: SessionRouter, access: SessionAccess): void {
  r.post("/:id/tokens", "control", (req, res, g) => {
    const { scope, label } = parseBody(MintBody, req.body);
    res.status(201).json(access.mint(g.sessionId, scope, label));
  });
  r.get("/:id/tokens", "control", (_req, res, g) => res.json({ tokens: access.list(g.sessionId) }));
  r.delete("/:id/tokens/:tokenId", "control", (req, res, g) => {
    access.revoke(g.sessionId, String(req.params.tokenId));
    res.json({ tokens: access.list(g.sessionId) });
  });
}
