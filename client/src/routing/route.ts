// The app's addresses live in the URL fragment, so the server only ever serves index.html
// and a token put in a link (the instructor's viewer) never reaches a server log.
//   #/                      the catalog
//   #/my                    the learner's labs: every session, and their identity
//   #/link/<code>           take over a learner identity carried from another browser
//   #/session/<id>          a learner's lab session (its token comes from the identity)
//   #/session/<id>/report   a challenge's score report
//   #/watch[/<id>[/<term>]] the read-only viewer; ?token= is accepted once, then stored
//   #/assessment/<id>       taking an assessment attempt (its token is in this tab)
//   #/assessment/<id>/report its report; ?share= carries a share link's token
//   #/classes/new           an instructor makes a class
//   #/classes/<id>          the instructor's live dashboard (the key is asked for, kept per tab)
//   #/join[/<code>]         a learner joins a class
//   #/class                 the learner's class: its labs, their progress, announcements
export type Route =
  | { readonly page: "catalog" }
  | { readonly page: "my" }
  | { readonly page: "link"; readonly code: string }
  | { readonly page: "session"; readonly id: string }
  | { readonly page: "report"; readonly id: string }
  | { readonly page: "watch"; readonly id?: string; readonly term: string; readonly token?: string }
  | { readonly page: "attempt"; readonly id: string }
  | { readonly page: "assessment-report"; readonly id: string; readonly share?: string }
  | { readonly page: "class-new" }
  | { readonly page: "dashboard"; readonly id: string }
  | { readonly page: "join"; readonly code?: string }
  | { readonly page: "class" };

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const CODE = /^[A-Za-z0-9-]{4,40}$/;
const TERM = /^[a-z0-9][a-z0-9_-]{0,31}$/;

export function parseRoute(hash: string): Route {
  const [path = "", query = ""] = hash.replace(/^#/, "").split("?", 2);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const [page, id, sub] = parts;
  if (page === "session" && id && ID.test(id) && parts.length <= 3) {
    if (sub === undefined) return { page: "session", id };
    if (sub === "report") return { page: "report", id };
  }
  if (page === "assessment" && id && ID.test(id) && parts.length <= 3) {
    if (sub === undefined) return { page: "attempt", id };
    const share = new URLSearchParams(query).get("share") ?? undefined;
    if (sub === "report") return { page: "assessment-report", id, ...(share ? { share } : {}) };
  }
  if (page === "my" && parts.length === 1) return { page: "my" };
  if (page === "classes" && id === "new" && parts.length === 2) return { page: "class-new" };
  if (page === "classes" && id && ID.test(id) && parts.length === 2) return { page: "dashboard", id };
  if (page === "join" && parts.length <= 2)
    return id && CODE.test(id) ? { page: "join", code: id } : { page: "join" };
  if (page === "class" && parts.length === 1) return { page: "class" };
  if (page === "link" && id && CODE.test(id) && parts.length === 2) return { page: "link", code: id };
  if (page === "watch" && parts.length <= 3) {
    const term = sub && TERM.test(sub) ? sub : "term1";
    const token = new URLSearchParams(query).get("token") ?? undefined;
    return {
      page: "watch",
      term,
      ...(id && ID.test(id) ? { id } : {}),
      ...(token ? { token } : {}),
    };
  }
  return { page: "catalog" };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case "catalog":
      return "#/";
    case "my":
      return "#/my";
    case "link":
      return `#/link/${encodeURIComponent(route.code)}`;
    case "session":
      return `#/session/${encodeURIComponent(route.id)}`;
    case "report":
      return `#/session/${encodeURIComponent(route.id)}/report`;
    case "attempt":
      return `#/assessment/${encodeURIComponent(route.id)}`;
    case "assessment-report": {
      const base = `#/assessment/${encodeURIComponent(route.id)}/report`;
      return route.share ? `${base}?share=${encodeURIComponent(route.share)}` : base;
    }
    case "class-new":
      return "#/classes/new";
    case "dashboard":
      return `#/classes/${encodeURIComponent(route.id)}`;
    case "join":
      return route.code ? `#/join/${encodeURIComponent(route.code)}` : "#/join";
    case "class":
      return "#/class";
    case "watch": {
      const base = route.id ? `#/watch/${encodeURIComponent(route.id)}/${route.term}` : "#/watch";
      return route.token ? `${base}?token=${encodeURIComponent(route.token)}` : base;
    }
  }
}
