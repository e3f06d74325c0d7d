// The router: one page at a time, chosen by the URL fragment (see routing/route.ts).
import { LearnerApi } from "../api/learner-api.ts";
import { AssessmentReportPage } from "../assessment/assessment-report-page.ts";
import { AttemptPage } from "../assessment/attempt-page.ts";
import { CatalogPage } from "../catalog/catalog-page.ts";
import { ReportPage } from "../challenge/report-page.ts";
import { LinkPage } from "../my-labs/link-page.ts";
import { MyLabsPage } from "../my-labs/my-labs-page.ts";
import { parseRoute } from "../routing/route.ts";
import { SessionPage } from "../session/session-page.ts";
import { TokenStore } from "../session/token-store.ts";
import { ViewerPage } from "../viewer/viewer-page.ts";
import { announcementBanner } from "../classes/announcement-banner.ts";
import { ClassNewPage } from "../classes/class-new-page.ts";
import { DashboardPage } from "../classes/dashboard-page.ts";
import { JoinPage } from "../classes/join-page.ts";
import { MyClassPage } from "../classes/my-class-page.ts";
import type { AppContext, Page } from "./page.ts";

export function startApp(appRoot: HTMLElement): void {
  const learner = new LearnerApi();
  // The instructor's announcement sits over every page the learner opens.
  const banner = announcementBanner();
  const root = document.createElement("div");
  root.className = "page-root";
  appRoot.replaceChildren(banner, root);
  const ctx: AppContext = {
    learner,
    tokens: new TokenStore(learner),
    title: (what) => (document.title = what ? `${what} · Slipway` : "Slipway"),
  };
  let page: Page | undefined;
  const show = () => {
    page?.dispose();
    root.replaceChildren();
    const route = parseRoute(location.hash);
    switch (route.page) {
      case "catalog":
        page = new CatalogPage(root, ctx);
        break;
      case "my":
        page = new MyLabsPage(root, ctx);
        break;
      case "link":
        page = new LinkPage(root, ctx, route.code);
        break;
      case "session":
        page = new SessionPage(root, ctx, route.id);
        break;
      case "report":
        page = new ReportPage(root, ctx, route.id);
        break;
      case "watch":
        page = new ViewerPage(root, ctx, route);
        break;
      case "attempt":
        page = new AttemptPage(root, ctx, route.id);
        break;
      case "assessment-report":
        page = new AssessmentReportPage(root, ctx, route.id, route.share);
        break;
      case "class-new":
        page = new ClassNewPage(root, ctx);
        break;
      case "dashboard":
        page = new DashboardPage(root, ctx, route.id);
        break;
      case "join":
        page = new JoinPage(root, ctx, route.code);
        break;
      case "class":
        page = new MyClassPage(root, ctx);
        break;
    }
    // Move focus to the new page's heading, so keyboard and screen reader users start there.
    root.querySelector<HTMLElement>("h1")?.focus({ preventScroll: true });
  };
  window.addEventListener("hashchange", show);
  show();
}
