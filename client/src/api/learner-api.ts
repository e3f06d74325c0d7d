// The learner's own API (/api/me): who they are, their sessions and standings, carrying the
// identity to another browser, and a session's token for this tab. The identity itself is an
// httpOnly cookie the browser sends with every call; no script here ever sees it.
import type {
  LabStanding,
  LearnerSessionView,
  LearnerView,
  LinkCode,
  SessionToken,
} from "../../../common/learner-views.ts";
import { apiRequest } from "./api-request.ts";

export class LearnerApi {
  me = () => apiRequest<LearnerView | null>("GET", "/api/me");
  rename = (displayName: string) => apiRequest<LearnerView>("PUT", "/api/me", { json: { displayName } });
  sessions = () => apiRequest<LearnerSessionView[]>("GET", "/api/me/sessions");
  labs = () => apiRequest<LabStanding[]>("GET", "/api/me/labs");
  link = () => apiRequest<LinkCode>("POST", "/api/me/link");
  claim = (code: string) => apiRequest<LearnerView>("POST", "/api/me/claim", { json: { code } });
  sessionToken = async (id: string) =>
    (await apiRequest<SessionToken>("POST", `/api/me/sessions/${encodeURIComponent(id)}/token`)).token;
}
