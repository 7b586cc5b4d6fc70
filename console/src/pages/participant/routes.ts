/** The participant area's pages and navigation entries. */
import { lazy } from "react";
import type { Area } from "../../areas.js";

const PARTICIPANTS = ["mentee", "mentor"] as const;

export const participantArea: Area = {
  routes: [
    { pattern: "/proposals", page: lazy(() => import("./proposals.js")) },
    { pattern: "/events", page: lazy(() => import("./events.js")) },
    { pattern: "/events/:id", page: lazy(() => import("./event.js")) },
    { pattern: "/peer-groups", page: lazy(() => import("./peer-groups.js")) },
    { pattern: "/surveys", page: lazy(() => import("./surveys.js")) },
  ],
  nav: [
    { href: "/proposals", label: "participant.nav.proposals", roles: PARTICIPANTS },
    { href: "/events", label: "participant.nav.events", roles: PARTICIPANTS },
    { href: "/peer-groups", label: "participant.nav.peerGroups", roles: PARTICIPANTS },
    { href: "/surveys", label: "participant.nav.surveys", roles: PARTICIPANTS },
  ],
};
