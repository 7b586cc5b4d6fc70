/** The participant area's pages and navigation entries. */
import type { Area } from "../../areas.js";

export const participantArea: Area = {
  routes: [],
  nav: [],
};
