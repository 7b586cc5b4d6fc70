/** Every migration of the coordination service, in order. Never edit one that has landed. */
import { Initial1795304478454 } from "./1795304478454-initial.js";

export const migrations = [Initial1795304478454];
