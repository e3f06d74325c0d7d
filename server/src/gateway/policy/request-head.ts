// What is refused on the request head alone, before any route's policy: a request the engine
// could read differently from the gateway. A form Content-Type on any call (content-type.ts);
// and, on calls that carry policy, a query pair Go skips (a `;`, a bad `%` escape). GoQuery
// skips it as Go does, but which Go the engine was built with is not the gateway's to know
// (before 1.17 Go split on `;` too), and no Docker client sends one.
import { type HeadRefusal, checkContentType } from "./content-type.ts";
import type { GoQuery } from "./go-query.ts";

export function checkRequestHead(
  rawHeaders: readonly string[],
  query: GoQuery,
  carriesPolicy: boolean,
): HeadRefusal | undefined {
  const type = checkContentType(rawHeaders);
  if (type || !carriesPolicy) return type;
  const [odd] = query.skipped;
  if (odd === undefined) return undefined;
  const shown = odd.length > 60 ? `${odd.slice(0, 60)}…` : odd;
  return {
    status: 400,
    message: `slipway gateway: the query pair ${JSON.stringify(shown)} has a ';' or a bad %-escape; percent-encode it`,
  };
}
