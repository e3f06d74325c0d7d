import type { LabProgress } from "./progress.ts";

export interface ProgressStore {
  get(sessionId: string): LabProgress | undefined;
  put(progress: LabProgress): void;
  close(): void;
}
