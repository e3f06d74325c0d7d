// An assessment attempt over the API. Its token is kept for this tab (sessionStorage): it
// opens the attempt, and the attempt's view hands out each task's session token.
import type { AssessmentReport, AttemptView } from "../../../common/assessment-views.ts";
import { apiRequest } from "../api/api-request.ts";

const key = (id: string) => `slipway.attempt.${id}`;

export const saveAttemptToken = (id: string, token: string): void => sessionStorage.setItem(key(id), token);
export const attemptToken = (id: string): string | undefined => sessionStorage.getItem(key(id)) ?? undefined;

export async function startAttempt(assessment: string): Promise<AttemptView & { token: string }> {
  const a = await apiRequest<AttemptView & { token: string }>(
    "POST",
    `/api/assessments/${encodeURIComponent(assessment)}/attempts`,
  );
  saveAttemptToken(a.id, a.token);
  return a;
}

export class AttemptApi {
  constructor(
    readonly id: string,
    private readonly token: string,
  ) {}
  private path = (tail = "") => `/api/attempts/${encodeURIComponent(this.id)}${tail}`;
  view = () => apiRequest<AttemptView>("GET", this.path(), { token: this.token });
  open = (task: number) =>
    apiRequest<AttemptView>("POST", this.path("/open"), { token: this.token, json: { task } });
  finish = () => apiRequest<AttemptView>("POST", this.path("/finish"), { token: this.token });
  report = () => apiRequest<AssessmentReport>("GET", this.path("/report"), { token: this.token });
  share = () => apiRequest<{ shareToken: string }>("POST", this.path("/share"), { token: this.token });
}
