/** The node area's pages and navigation entries: a node coordinator lands on the applications to review. */
import { lazy } from "react";
import { NODE_COORDINATOR, type Area } from "../../areas.js";

const roles = [NODE_COORDINATOR];

export const nodeArea: Area = {
  routes: [
    { pattern: "/node/applications", page: lazy(() => import("./applications.js")) },
    { pattern: "/node/applications/:id", page: lazy(() => import("./application.js")) },
    { pattern: "/node/participants", page: lazy(() => import("./participants.js")) },
    { pattern: "/node/participants/:id", page: lazy(() => import("./participant.js")) },
    { pattern: "/node/events", page: lazy(() => import("./events.js")) },
    { pattern: "/node/events/:id", page: lazy(() => import("./event.js")) },
    { pattern: "/node/tandems", page: lazy(() => import("./tandems.js")) },
    { pattern: "/node/audit", page: lazy(() => import("./audit.js")) },
  ],
  nav: [
    { href: "/node/applications", label: "node.nav.applications", roles },
    { href: "/node/participants", label: "node.nav.participants", roles },
    { href: "/node/events", label: "node.nav.events", roles },
    { href: "/node/tandems", label: "node.nav.tandems", roles },
    { href: "/node/audit", label: "node.nav.audit", roles },
  ],
};
