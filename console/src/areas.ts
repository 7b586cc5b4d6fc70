/**
 * The console's areas: each brings its pages (address patterns, first match
 * wins), its entries in the main navigation (shown to the roles named) and
 * its labels in every language (under its own key in the catalogs).
 */
import type { ComponentType } from "react";

export type Page = ComponentType<{ params: Record<string, string> }>;

export interface Route {
  pattern: string;
  page: Page;
  /** Open without signing in (e.g. verifying a certificate). */
  public?: boolean;
}

export interface NavItem {
  href: string;
  /** A catalog key, e.g. `office.nav.matching`. */
  label: string;
  /** Shown to callers holding any of these roles (`mentee`, `mentor`, `alumnus`, `node-coordinator`, `joint-coordinator`); empty: to everyone signed in. */
  roles: readonly string[];
}

export interface Area {
  routes: readonly Route[];
  nav: readonly NavItem[];
}

export const PARTICIPANT_ROLES = ["mentee", "mentor", "alumnus"] as const;
export const NODE_COORDINATOR = "node-coordinator";
export const JOINT_COORDINATOR = "joint-coordinator";

/** The navigation entries `roles` may see, in the areas' order. */
export function navFor(areas: readonly Area[], roles: readonly string[]): NavItem[] {
  return areas.flatMap((area) => area.nav.filter((item) => !item.roles.length || item.roles.some((role) => roles.includes(role))));
}
