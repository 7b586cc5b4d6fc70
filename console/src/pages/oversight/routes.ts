/** The oversight area's pages and navigation entries. */
import type { Area } from "../../areas.js";

export const oversightArea: Area = {
  routes: [],
  nav: [],
};
