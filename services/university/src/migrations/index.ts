/** Every migration of the university node, in order. Never edit one that has landed. */
import { Initial1795304786513 } from "./1795304786513-initial.js";

export const migrations = [Initial1795304786513];
