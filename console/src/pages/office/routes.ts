/** The office area's pages and navigation entries: the joint coordinators' programmes, cohorts, pipeline and matching rounds. */
import { lazy } from "react";
import { JOINT_COORDINATOR, type Area } from "../../areas.js";

export const officeArea: Area = {
  routes: [
    { pattern: "/office/programmes", page: lazy(() => import("./programmes.js")) },
    { pattern: "/office/cohorts/:id/matching", page: lazy(() => import("./cohort-matching.js")) },
    { pattern: "/office/cohorts/:id", page: lazy(() => import("./cohort.js")) },
    { pattern: "/office/matching/:roundId", page: lazy(() => import("./round.js")) },
  ],
  nav: [{ href: "/office/programmes", label: "office.nav.programmes", roles: [JOINT_COORDINATOR] }],
};
