// Every resource a driver creates carries these labels, so a reconcile pass can find and
// remove it even after the server was killed and lost its memory of it. `instance` names
// the Slipway server (its database) that owns a resource: two servers on one engine, such
// as a developer's and the test suite's, never reap each other's sandboxes.
export const LABEL_PREFIX = "io.slipway.";
export const LABEL = {
  managed: "io.slipway.managed",
  instance: "io.slipway.instance",
  session: "io.slipway.session",
  lab: "io.slipway.lab",
  expiresAt: "io.slipway.expires-at",
} as const;

export interface Labels {
  readonly instance: string;
  readonly session: string;
  readonly lab: string;
  readonly expiresAt: string;
}

export function toLabelMap(labels: Labels): Record<string, string> {
  return {
    [LABEL.managed]: "true",
    [LABEL.instance]: labels.instance,
    [LABEL.session]: labels.session,
    [LABEL.lab]: labels.lab,
    [LABEL.expiresAt]: labels.expiresAt,
  };
}

export function fromLabelMap(map: Readonly<Record<string, string>> | undefined): Partial<Labels> {
  if (!map) return {};
  return {
    instance: map[LABEL.instance],
    session: map[LABEL.session],
    lab: map[LABEL.lab],
    expiresAt: map[LABEL.expiresAt],
  };
}
