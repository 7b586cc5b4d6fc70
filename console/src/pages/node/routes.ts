/** The node area's pages and navigation entries: a node coordinator lands on the applications to review. */
import { lazy } from "react";
import { NODE_COORDINATOR, type Area } from "../../areas.js";

const roles = [NODE_COORDINATOR];

export const nodeArea: Area = {
  routes: [
    { pattern: "/node/applications", page: lazy(() => import("./applications.js")) },
    { pattern: "/node/applications/:id", page: lazy(() => import("./application.js")) },
    { pattern: "/node/events", page: lazy(() => import("./events.js")) },
    { pattern: "/node/events/:id", page: lazy(() => import("./event.js")) },
  ],
  nav: [
    { href: "/node/applications", label: "node.nav.applications", roles },
    { href: "/node/events", label: "node.nav.events", roles },
  ],
};
