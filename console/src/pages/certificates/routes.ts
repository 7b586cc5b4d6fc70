/** The certificates area's pages and navigation entries. */
import type { Area } from "../../areas.js";

export const certificatesArea: Area = {
  routes: [],
  nav: [],
};
