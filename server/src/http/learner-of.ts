// The learner a request may act as: the one whose key is in the identity cookie, when
// learner-cookie.ts's cross-site rules let this request use it.
import type { Request } from "express";
import type { KeyedLearner } from "../learners/learner.ts";
import type { Learners } from "../learners/learners.ts";
import { learnerKeyFrom } from "./learner-cookie.ts";

export function learnerOf(req: Request, learners: Learners): KeyedLearner | undefined {
  return learners.identify(learnerKeyFrom(req));
}
