/** Every demo record, by kind. */
import { bohemiaBavariaEvents } from "./events-bohemia-bavaria.js";
import { greaterRegionEvents } from "./events-greater-region.js";

export { participantSeeds } from "./participants.js";
export { registrationSeeds } from "./registrations.js";
export { programmeSeeds } from "./programmes.js";
export const eventSeeds = [...greaterRegionEvents, ...bohemiaBavariaEvents];
