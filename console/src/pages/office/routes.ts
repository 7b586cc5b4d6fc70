/** The office area's pages and navigation entries. */
import type { Area } from "../../areas.js";

export const officeArea: Area = {
  routes: [],
  nav: [],
};
