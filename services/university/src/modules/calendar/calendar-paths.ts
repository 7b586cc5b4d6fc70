/** Where the gateway serves feeds to calendar apps (no sign-in: the secret is in the URL). */
export function personalFeedPath(token: string): string {
  return `/calendar/${token}.ics`;
}

/** The node's own routes, for the gateway only (its system token). */
export const NODE_CALENDAR_ROUTES = {
  /** POST { token }: the feed's subject, a short-lived attestation of it, the other nodes to ask, and this node's entries. */
  personal: "/calendar/personal",
  /** GET, attestation header: the entries this node holds for a participant of another node. */
  participant: "/calendar/participant/:participantId",
  /** GET: the node's consortium-visible events. */
  public: "/calendar/public",
} as const;

/** Who a calendar-feed attestation lets read a participant's calendar: not a person, so no user can present it. */
export const CALENDAR_FEED_ACTOR = "system:calendar-feed";
