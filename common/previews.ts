// The learner's web apps, each on an origin of its own (see server/src/http/preview/).

/** A TCP port listening in the sandbox, as GET /api/sessions/:id/ports lists it. */
export interface ListeningPortView {
  readonly port: number;
  /** False when only 127.0.0.1 or ::1 listen: a preview cannot reach it (listen on 0.0.0.0). */
  readonly reachable: boolean;
  /** The preview's address; opening it needs a link from POST /api/sessions/:id/previews. */
  readonly previewUrl: string;
}

export interface PortList {
  readonly ports: readonly ListeningPortView[];
}

/** POST /api/sessions/:id/previews answers a one-time link that opens the preview. */
export interface PreviewLink {
  readonly url: string;
  readonly expiresAt: string;
}
