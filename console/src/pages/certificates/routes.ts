/** The certificates area's pages and navigation entries: a participant's certificates and data, a node coordinator's issuing, and the public verify page. */
import { lazy } from "react";
import { NODE_COORDINATOR, PARTICIPANT_ROLES, type Area } from "../../areas.js";

export const certificatesArea: Area = {
  routes: [
    { pattern: "/certificates", page: lazy(() => import("./my-certificates.js")) },
    { pattern: "/certificates/issue", page: lazy(() => import("./issue.js")) },
    { pattern: "/my-data", page: lazy(() => import("./my-data.js")) },
    { pattern: "/verify", page: lazy(() => import("./verify.js")), public: true },
  ],
  nav: [
    { href: "/certificates", label: "certificates.nav.mine", roles: PARTICIPANT_ROLES },
    { href: "/my-data", label: "certificates.nav.myData", roles: PARTICIPANT_ROLES },
    { href: "/certificates/issue", label: "certificates.nav.issue", roles: [NODE_COORDINATOR] },
  ],
};
