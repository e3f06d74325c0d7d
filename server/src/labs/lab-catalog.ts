// The labs a server offers: loaded once from the labs folder (a lab that fails validation is
// logged with its located errors and left out; it never stops the server), plus the
// built-in playground when the folder has none. Serves sessions (SessionLab), the API
// (summaries) and checks (the full Lab).
import type { LabSummary, Track } from "../../../common/lab-types.ts";
import type { Assessment } from "../assessments/assessment.ts";
import type { Log } from "../logger.ts";
import type { LabProvider, SessionLab } from "../sessions/lab-provider.ts";
import { hasVariables, type Lab, toLabSummary } from "./lab.ts";
import { loadLab } from "./lab-loader.ts";
import { formatIssue } from "./lab-issue.ts";
import { validateLabs } from "./lab-validator.ts";
import { type SessionLabOptions, toSessionLab } from "./session-lab.ts";

export const PLAYGROUND_LAB: Lab = {
  dir: "",
  id: "playground",
  title: "Playground",
  summary: "A shell and your own Docker engine, with nothing to check.",
  level: "beginner",
  mode: "guided",
  durationMs: 3_600_000,
  tags: ["sandbox"],
  covers: [],
  prerequisites: [],
  hintsAllowed: true,
  setup: undefined,
  filesDir: undefined,
  sandbox: { images: [], limits: {}, policy: [], timeLimitMs: undefined },
  steps: [],
  variables: {},
  variant: undefined,
};

interface Loaded {
  readonly labs: readonly Lab[];
  readonly tracks?: readonly Track[];
  readonly assessments?: readonly Assessment[];
}

export class LabCatalog implements LabProvider {
  private loaded:
    | Promise<{
        byId: ReadonlyMap<string, Lab>;
        tracks: readonly Track[];
        assessments: readonly Assessment[];
      }>
    | undefined;

  constructor(
    private readonly load: () => Promise<Loaded>,
    private readonly options: SessionLabOptions = { setup: true },
  ) {}

  /** Labs from these folders; invalid ones are logged and skipped. */
  static fromPaths(paths: readonly string[], log: Log, options?: SessionLabOptions): LabCatalog {
    return new LabCatalog(async () => {
      const { labs, issues, tracks, assessments } = await validateLabs(paths);
      for (const i of issues) log("warn", `lab not offered: ${formatIssue(i)}`, { file: i.file });
      return { labs, tracks, assessments };
    }, options);
  }

  /** Forgets what was loaded; the next call loads the folders again (lab dev). */
  reload(): void {
    this.loaded = undefined;
    this.bound.clear();
  }

  /** A lab; with a session id, as that session sees it (its own variables). */
  async lab(id: string, sessionId?: string): Promise<Lab | undefined> {
    const labs = await this.labs();
    const lab = labs.get(id) ?? (id === PLAYGROUND_LAB.id ? PLAYGROUND_LAB : undefined);
    return lab && sessionId !== undefined ? this.bind(lab, sessionId) : lab;
  }

  async get(id: string): Promise<SessionLab | undefined> {
    const lab = await this.lab(id);
    return lab ? toSessionLab(lab, this.options, (l, s) => this.bind(l, s)) : undefined;
  }

  /** Renders a lab with variables for one session: loaded again with the session id as the
   *  seed (milliseconds), and kept for the sessions seen recently. */
  private readonly bound = new Map<string, Promise<Lab>>();
  bind(lab: Lab, sessionId: string): Promise<Lab> {
    if (!hasVariables(lab)) return Promise.resolve(lab);
    const key = `${lab.id}\0${sessionId}`;
    let p = this.bound.get(key);
    if (!p) {
      p = loadLab(lab.dir, undefined, { seed: sessionId }).then(({ lab: l, issues }) => {
        if (!l) throw new Error(`lab ${lab.id} no longer loads: ${issues[0]?.message ?? "unknown error"}`);
        return l;
      });
      p.catch(() => this.bound.delete(key));
      this.bound.set(key, p);
      if (this.bound.size > 500) this.bound.delete(this.bound.keys().next().value as string);
    }
    return p;
  }

  async list(): Promise<LabSummary[]> {
    const labs = new Map(await this.labs());
    if (!labs.has(PLAYGROUND_LAB.id)) labs.set(PLAYGROUND_LAB.id, PLAYGROUND_LAB);
    return [...labs.values()].map(toLabSummary).sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The learning paths, each listing only labs this catalog offers. */
  async tracks(): Promise<Track[]> {
    const { byId, tracks } = await this.loadOnce();
    return tracks.map((t) => ({ ...t, labs: t.labs.filter((id) => byId.has(id)) }));
  }

  /** The assessments in the labs folders, each drawing only from labs offered here. */
  async assessments(): Promise<readonly Assessment[]> {
    return (await this.loadOnce()).assessments;
  }

  private async labs(): Promise<ReadonlyMap<string, Lab>> {
    return (await this.loadOnce()).byId;
  }

  private loadOnce() {
    this.loaded ??= this.load().then(({ labs, tracks = [], assessments = [] }) => ({
      byId: new Map(labs.map((l) => [l.id, l])),
      tracks,
      assessments,
    }));
    return this.loaded;
  }
}
