/** The oversight area's pages (monitoring, mediation cases, nodes and the delivery of facts) and navigation entries: for joint coordinators, and node coordinators for their node's share as the API gives it. */
import { lazy } from "react";
import { JOINT_COORDINATOR, NODE_COORDINATOR, type Area } from "../../areas.js";

const COORDINATORS = [JOINT_COORDINATOR, NODE_COORDINATOR];

export const oversightArea: Area = {
  routes: [
    { pattern: "/oversight/monitoring", page: lazy(() => import("./monitoring.js")) },
    { pattern: "/oversight/cases", page: lazy(() => import("./cases.js")) },
    { pattern: "/oversight/cases/:id", page: lazy(() => import("./case.js")) },
    { pattern: "/oversight/delivery", page: lazy(() => import("./delivery.js")) },
    { pattern: "/oversight/audit", page: lazy(() => import("./audit.js")) },
  ],
  nav: [
    { href: "/oversight/monitoring", label: "oversight.nav.monitoring", roles: COORDINATORS },
    { href: "/oversight/cases", label: "oversight.nav.cases", roles: COORDINATORS },
    { href: "/oversight/delivery", label: "oversight.nav.delivery", roles: COORDINATORS },
    // the office's own log: joint coordinators only (node coordinators read their node's at the node)
    { href: "/oversight/audit", label: "oversight.nav.audit", roles: [JOINT_COORDINATOR] },
  ],
};
