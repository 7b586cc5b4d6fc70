/** The node area's pages and navigation entries. */
import type { Area } from "../../areas.js";

export const nodeArea: Area = {
  routes: [],
  nav: [],
};
