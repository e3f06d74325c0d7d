// What a lab may let its learners do beyond the gateway's defaults. The names are the lab
// format's (`sandbox.policy[].allow`); the reasons are the lab's business, not the gateway's.
import { ALLOWANCES } from "../../labs/lab-schema.ts";

export type Allowance = (typeof ALLOWANCES)[number];
export type Allowances = ReadonlySet<Allowance>;

export const NO_ALLOWANCES: Allowances = new Set();

const isAllowance = (a: string): a is Allowance => (ALLOWANCES as readonly string[]).includes(a);

/** From a session lab's `policy` entries; a name the gateway does not know allows nothing. */
export function allowancesOf(policy: ReadonlyArray<{ readonly allow: string }>): Allowances {
  return new Set(policy.map((p) => p.allow).filter(isAllowance));
}
